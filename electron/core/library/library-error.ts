// The typed errors of library sync the UI explains: a sync cancelled (account removed, app
// quitting), a library that kept changing under the sync, or an option out of range. Errors from
// Spotify itself (rate limits, quota, sign-in) pass through as the Spotify client's own errors.
import { AppError } from '../errors/app-error.js';

export type LibraryErrorCode =
  'library_sync_cancelled' | 'library_kept_changing' | 'invalid_library_option';

export class LibraryError extends AppError<LibraryErrorCode> {}

export function syncCancelled(): LibraryError {
  return new LibraryError('library_sync_cancelled', 'The library sync was cancelled.');
}
