// What the import dialog says about a file: its format, the order its tracks are saved in, and
// why a row was left out, in words a person reads (the core sends codes).
import type {
  ImportFileFormat,
  ImportSectionView,
  RejectedRowReason,
  RejectedRowView,
} from '../app-contract.js';

export const formatNames: Readonly<Record<ImportFileFormat, string>> = {
  app_json: 'JSON exported by this app',
  app_csv: 'CSV exported by this app',
  exportify_csv: 'Exportify CSV',
};

const reasonWords: Readonly<Record<RejectedRowReason, string>> = {
  no_track_uri: 'no track URI',
  local_file: 'local file',
  malformed_uri: 'not a Spotify track',
};

/** "Line 12: local file — spotify:local:…" */
export function rejectedLine(row: RejectedRowView): string {
  return `Line ${row.line}: ${reasonWords[row.reason]} — ${row.value}`;
}

/** Spotify shows the newest save on top, so the import saves the oldest first. */
export function orderWords(hasDates: boolean): string {
  return hasDates ? 'Saved oldest first by date added' : 'Saved bottom-up in file order';
}

/** A section's name: the account it came from, or its place in the file. */
export function sectionName(section: ImportSectionView, index: number): string {
  return section.label ?? section.spotifyUserId ?? `Section ${index + 1}`;
}
