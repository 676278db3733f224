// What an export says once it is done: where the tracks went, and whose data is older than the
// sync-age setting asks for (a stale cache the core could not sync first is exported as held).
import type { ExportResultView, LibraryFileFormat } from '../app-contract.js';
import { formatDate, formatTime, plural } from '../format/formatters.js';

/** The formats the Export menus offer; "CSV for Excel" adds a byte-order mark. */
export interface ExportFormatChoice {
  readonly label: string;
  readonly format: LibraryFileFormat;
  readonly excelBom: boolean;
}

export const exportFormats: readonly ExportFormatChoice[] = [
  { label: 'CSV', format: 'csv', excelBom: false },
  { label: 'CSV for Excel', format: 'csv', excelBom: true },
  { label: 'JSON', format: 'json', excelBom: false },
];

/** "Saved 1,234 tracks to Alice.csv." / "Downloaded 1,234 tracks as Alice.csv." */
export function exportSentence(result: ExportResultView): string {
  const tracks = plural(result.tracks, 'track', 'tracks');
  const name = result.fileName ?? 'the file';
  return result.outcome === 'download'
    ? `Downloaded ${tracks} as ${name}.`
    : `Saved ${tracks} to ${name}.`;
}

/** "Alice and Bob could not be synced first: their tracks are as of 3 Dec 2026 at 14:05." */
export function notSyncedSentence(
  labels: readonly string[],
  dataAsOf: number | null,
): string | null {
  if (labels.length === 0) return null;
  const who = listWords(labels);
  const their = labels.length === 1 ? 'its' : 'their';
  const when =
    dataAsOf === null
      ? 'as last synced'
      : `as of ${formatDate(dataAsOf)} at ${formatTime(dataAsOf)}`;
  return `${who} could not be synced first: the file has ${their} saved tracks ${when}.`;
}

function listWords(labels: readonly string[]): string {
  if (labels.length <= 1) return labels.join('');
  return `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1] ?? ''}`;
}
