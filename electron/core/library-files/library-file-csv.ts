// The app's CSV of Liked Songs: one row per saved track, newest first, under a header whose
// first columns carry the names Exportify (the most widely used Spotify exporter) gives them, so
// spreadsheets and tools made for its files read ours; the columns after them keep what only our
// cache knows. Quoting is RFC 4180's, by csv-stringify. Import reads the same header back
// (read-library-csv.ts); docs/library-file-format.md describes both.
import { stringify } from 'csv-stringify/sync';
import type { ExportSection } from './library-file-json.js';

/** Exportify's names for the columns our cache holds, in its order. */
export const EXPORTIFY_COLUMNS = [
  'Track URI',
  'Track Name',
  'Album Name',
  'Artist Name(s)',
  'Duration (ms)',
  'Explicit',
  /** Exportify: who added a playlist's track. Ours: the Spotify user whose library it is. */
  'Added By',
  'Added At',
] as const;

/** Only ours: with them a row restores everything the JSON file would. */
export const APP_COLUMNS = [
  'Artist URI(s)',
  'Album Image URL',
  'Track URL',
  'Local File',
  /** The account's name in the app. */
  'Account',
] as const;

export const LIBRARY_CSV_COLUMNS = [...EXPORTIFY_COLUMNS, ...APP_COLUMNS] as const;

export type LibraryCsvColumn = (typeof LIBRARY_CSV_COLUMNS)[number];

const byteOrderMark = '\uFEFF';

/** The file's text: every section's tracks in order under one header. */
export function encodeLibraryCsv(
  sections: readonly ExportSection[],
  options: { readonly excelBom: boolean },
): string {
  const rows: string[][] = [];
  for (const section of sections) {
    for (const track of section.tracks) {
      const row: Record<LibraryCsvColumn, string> = {
        'Track URI': track.uri,
        'Track Name': track.name,
        'Album Name': track.album,
        // Exportify joins names with a comma; the URI column keeps each artist exact.
        'Artist Name(s)': track.artists.map((artist) => artist.name).join(','),
        'Duration (ms)': String(track.durationMs),
        Explicit: String(track.explicit),
        'Added By': section.account.spotifyUserId ?? '',
        'Added At': new Date(track.addedAt).toISOString(),
        'Artist URI(s)': track.artists
          .map((artist) => (artist.id === null ? '' : `spotify:artist:${artist.id}`))
          .join(','),
        'Album Image URL': track.albumImageUrl ?? '',
        'Track URL': track.spotifyUrl ?? '',
        'Local File': String(track.isLocal),
        Account: section.account.label,
      };
      rows.push(LIBRARY_CSV_COLUMNS.map((column) => row[column]));
    }
  }
  const text = stringify([[...LIBRARY_CSV_COLUMNS], ...rows], { record_delimiter: 'windows' });
  return options.excelBom ? `${byteOrderMark}${text}` : text;
}
