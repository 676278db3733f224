// Reads a CSV of saved tracks — ours, or Exportify's (whose older versions name the ID column
// "Spotify ID") — into import sections. Our own CSV keeps each account apart by its "Added By"
// column; any other CSV is one list, however its rows were added. Parsing is csv-parse's (RFC
// 4180, quoted line breaks), so its errors can name the line and column that went wrong.
import { CsvError, parse } from 'csv-parse/sync';
import { ImportFileError } from './import-file-error.js';
import { ImportSections, parseAddedAt } from './import-sections.js';
import type { ImportFile } from './import-types.js';
import { LIBRARY_CSV_COLUMNS } from './library-file-csv.js';

/** Columns that can name the track, in the order they are looked for. */
const referenceColumns = ['Track URI', 'Spotify ID', 'URI', 'Track URL'] as const;

interface ParsedRecord {
  readonly record: string[];
  /** Bytes of the file read up to the record's end. */
  readonly info: { readonly bytes: number };
}

const lineFeed = 0x0a;
const carriageReturn = 0x0d;

/** `bytes` are checked UTF-8 (a byte-order mark is skipped). */
export function readLibraryCsv(bytes: Uint8Array, maxRows: number): ImportFile {
  const records = parseRecords(bytes, maxRows);
  const [headerRecord, ...dataRecords] = records;
  if (headerRecord === undefined || dataRecords.length === 0) {
    throw new ImportFileError(
      'import_file_empty',
      headerRecord === undefined
        ? 'This file is empty.'
        : 'This file has a header but no tracks under it.',
    );
  }
  if (dataRecords.length > maxRows) {
    throw new ImportFileError(
      'import_file_too_many_rows',
      `This file has more than ${maxRows.toLocaleString('en-US')} rows; the app imports at most ${maxRows.toLocaleString('en-US')} at once. Split it into smaller files.`,
    );
  }
  const header = headerRecord.record.map((name) => name.trim());
  const isOurs =
    header.length === LIBRARY_CSV_COLUMNS.length &&
    LIBRARY_CSV_COLUMNS.every((column, i) => header[i] === column);
  const referenceAt = referenceColumns
    .map((column) => header.indexOf(column))
    .find((index) => index !== -1);
  if (referenceAt === undefined) {
    const found = header
      .slice(0, 8)
      .map((name) => `"${name}"`)
      .join(', ');
    throw new ImportFileError(
      'import_file_columns',
      `Line 1 has no "Track URI" column, so the file's tracks cannot be found (its columns: ${found}${header.length > 8 ? ', …' : ''}). Export the file again from Spotify or this app.`,
    );
  }
  const addedAtAt = header.indexOf('Added At');
  const addedByAt = header.indexOf('Added By');
  const accountAt = header.indexOf('Account');

  const sections = new ImportSections();
  const lines = new LineCounter(bytes);
  let end = headerRecord.info.bytes;
  for (const { record, info } of dataRecords) {
    // A record starts where the one before ended, after any empty lines between them.
    const line = lines.lineAt(end);
    end = info.bytes;
    if (record.length !== header.length) {
      throw new ImportFileError(
        'import_file_not_csv',
        `This file cannot be read as CSV: line ${line} has ${record.length} values where the header has ${header.length}.`,
      );
    }
    const cell = (at: number): string | undefined => (at === -1 ? undefined : record[at]);
    const spotifyUserId = isOurs ? (cell(addedByAt) ?? '') : '';
    sections.add(
      spotifyUserId,
      {
        label: isOurs ? (cell(accountAt) ?? null) : null,
        spotifyUserId: spotifyUserId === '' ? null : spotifyUserId,
      },
      { reference: cell(referenceAt) ?? '', addedAt: parseAddedAt(cell(addedAtAt)), line },
    );
  }
  return sections.result(isOurs ? 'app_csv' : 'exportify_csv');
}

// csv-parse's line count is off by one for every CRLF inside a quoted value, so lines are
// counted here from the byte offsets it reports, as an editor shows them.
class LineCounter {
  readonly #bytes: Uint8Array;
  #offset = 0;
  #line = 1;

  constructor(bytes: Uint8Array) {
    this.#bytes = bytes;
  }

  /** The line of the first character at or after `offset` that is not a line break. */
  lineAt(offset: number): number {
    let at = offset;
    while (this.#bytes[at] === lineFeed || this.#bytes[at] === carriageReturn) at += 1;
    for (let i = this.#offset; i < at; i += 1) if (this.#bytes[i] === lineFeed) this.#line += 1;
    this.#offset = Math.max(this.#offset, at);
    return this.#line;
  }
}

function parseRecords(bytes: Uint8Array, maxRows: number): ParsedRecord[] {
  try {
    // csv-parse's types do not follow `info: true`, which wraps each record with its info.
    return parse(bytes, {
      bom: true,
      encoding: 'utf8',
      info: true,
      // Rows of the wrong length are refused below, with the line counted right.
      relax_column_count: true,
      skip_empty_lines: true,
      // The header and one row over the cap: enough to refuse a file that is too long.
      to: maxRows + 2,
    }) as unknown as ParsedRecord[];
  } catch (error) {
    if (error instanceof CsvError) throw csvError(error);
    throw error;
  }
}

function csvError(error: CsvError): ImportFileError {
  const line = typeof error['lines'] === 'number' ? error['lines'] : null;
  const field = typeof error['column'] === 'number' ? error['column'] + 1 : null;
  const where = line === null ? '' : ` (line ${line}${field === null ? '' : `, column ${field}`})`;
  const what: Record<string, string> = {
    CSV_QUOTE_NOT_CLOSED: 'a quoted value is never closed',
    INVALID_OPENING_QUOTE: 'a quote appears in the middle of a value',
    CSV_INVALID_CLOSING_QUOTE: 'a quoted value has text after its closing quote',
    CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: 'a quoted value has text after its closing quote',
  };
  return new ImportFileError(
    'import_file_not_csv',
    `This file cannot be read as CSV: ${what[error.code] ?? 'its rows are not valid CSV'}${where}.`,
    { cause: error },
  );
}
