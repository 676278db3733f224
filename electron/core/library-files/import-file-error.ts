// Why a file cannot be imported: each code names one thing wrong with the file (and the message
// says where — a line and column, a JSON path — and what was expected), so the person can fix
// the file or choose another. A refused file writes nothing.
import { AppError } from '../errors/app-error.js';

export type ImportFileErrorCode =
  /** The file holds no rows at all (or only a header). */
  | 'import_file_empty'
  /** Over the size or row cap; the message says which and by how much. */
  | 'import_file_too_large'
  | 'import_file_too_many_rows'
  /** Not UTF-8 text (or binary data). */
  | 'import_file_encoding'
  /** Text, but not CSV or JSON that can be read (an unclosed quote, a row of the wrong length). */
  | 'import_file_not_csv'
  | 'import_file_json_syntax'
  /** A CSV without a column of track URIs. */
  | 'import_file_columns'
  /** JSON that is not one of our library files, or one whose content does not fit its schema. */
  | 'import_file_json_shape'
  /** One of our library files, of a version this app does not read. */
  | 'import_file_version'
  /** A file read a while ago is no longer held; choose it again. */
  | 'import_file_expired';

export class ImportFileError extends AppError<ImportFileErrorCode> {}
