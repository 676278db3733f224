// Why an export could not be made: a selection of a library that changed since the page showed it,
// an account that is no longer in the app, or nothing to export. Writing the file is the shell's
// (its errors are the file system's); a library that could not be synced first is exported as
// held and reported, not refused.
import { AppError } from '../errors/app-error.js';

export type ExportErrorCode = 'export_selection_stale' | 'export_account_missing' | 'export_empty';

export class ExportError extends AppError<ExportErrorCode> {}
