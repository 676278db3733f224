// Reads a file chosen for import, whatever it is: our JSON, our CSV or Exportify's CSV, told
// apart by their content (a name can lie). A file is refused whole — with what is wrong and,
// where there is one, the line and column — before anything is planned: over the size or row
// cap, empty, not UTF-8, not CSV or JSON that fits. Rows that cannot be saved (local files, no
// or bad URIs) do not refuse the file; they are listed with their lines.
import { ImportFileError } from './import-file-error.js';
import type { ImportFile } from './import-types.js';
import { readLibraryCsv } from './read-library-csv.js';
import { readLibraryJson } from './read-library-json.js';
import { decodeUtf8 } from './utf8-text.js';

export { ImportFileError } from './import-file-error.js';

/** Far above a 100,000-track CSV (about 30 MB) or JSON file (about 50 MB). */
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024;
/** Spotify's own cap on Liked Songs is far below this; more is not a library. */
export const MAX_IMPORT_ROWS = 100_000;

export function fileTooLarge(size: number): ImportFileError {
  const mb = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  return new ImportFileError(
    'import_file_too_large',
    `This file is ${mb(size)}; the app imports files of at most ${mb(MAX_IMPORT_BYTES)}. Split it into smaller files.`,
  );
}

export function readImportFile(bytes: Uint8Array): ImportFile {
  if (bytes.byteLength > MAX_IMPORT_BYTES) throw fileTooLarge(bytes.byteLength);
  const text = decodeUtf8(bytes);
  if (text.trim() === '') throw new ImportFileError('import_file_empty', 'This file is empty.');
  return text.trimStart().startsWith('{')
    ? readLibraryJson(text, MAX_IMPORT_ROWS)
    : readLibraryCsv(bytes, MAX_IMPORT_ROWS);
}
