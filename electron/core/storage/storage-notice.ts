// What the storage layer tells the app when it had to set a file aside instead of reading it. A
// value, not an exception: the app carries on with defaults or a rebuild and shows the notice.

export type StorageNoticeCode = 'file_corrupt' | 'file_unsupported_version';

export interface StorageNotice {
  readonly code: StorageNoticeCode;
  /** The file that could not be used. */
  readonly file: string;
  /** Where its bytes were moved, so nothing is destroyed. */
  readonly setAsidePath: string;
  /** What was wrong, for logs; never contains the file's content. */
  readonly detail: string;
}
