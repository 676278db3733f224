// Export, import and automatic backups as they cross the bridge. The page never names a path:
// the main process chooses files and folders (native dialogs in the app; a download, an upload
// or the harness's folder in a browser) and answers with what the person chose, to show it.
// Part of the IPC contract (contract.ts re-exports it). Browser-safe: types only.
import type { JobSelection } from './job-views.js';

export type LibraryFileFormat = 'csv' | 'json';

/** What one export takes from one account: its whole library, or the tracks the page selected. */
export type ExportSource =
  /** The whole library; synced first when its cache is older than the sync-age setting. */
  | { readonly kind: 'library'; readonly accountId: string }
  /** Tracks of the library revision the page shows (a compare filter, a selection). */
  | { readonly kind: 'selection'; readonly selection: JobSelection };

export interface ExportRequest {
  readonly format: LibraryFileFormat;
  /** CSV only: a UTF-8 byte-order mark first, so Excel reads accents and scripts right. */
  readonly excelBom: boolean;
  /** One section per source, in this order (a track in two accounts is in both sections). */
  readonly sources: readonly ExportSource[];
  /** What the file holds, for its default name, e.g. "All accounts" or "Only in Alice". */
  readonly title: string | null;
}

export interface ExportResultView {
  /** `saved`: written where the person chose. `download`: the browser downloads `downloadUrl`. */
  readonly outcome: 'saved' | 'download' | 'cancelled';
  /** The file as the person chose or will find it; null when cancelled. */
  readonly fileName: string | null;
  readonly downloadUrl: string | null;
  readonly tracks: number;
  /** The oldest of the sections' last syncs (epoch ms): how old the exported data may be. */
  readonly dataAsOf: number | null;
  /** Accounts whose stale cache could not be synced first (offline, sign-in): exported as held. */
  readonly notSynced: readonly string[];
}

/** Which file import read: ours (JSON or CSV) or the widely used Exportify CSV. */
export type ImportFileFormat = 'app_json' | 'app_csv' | 'exportify_csv';

export type RejectedRowReason =
  /** The row has no track URI at all. */
  | 'no_track_uri'
  /** A local file: it has no Spotify ID, so it cannot be saved to an account. */
  | 'local_file'
  /** The URI is not a Spotify track URI or link (an episode, a typo, a cut-off cell). */
  | 'malformed_uri';

export interface RejectedRowView {
  /** 1-based line of the file the row starts on. */
  readonly line: number;
  readonly reason: RejectedRowReason;
  /** What was there, shortened: e.g. `spotify:episode:…`. */
  readonly value: string;
}

/** One account's tracks in the file (our JSON keeps accounts apart; a CSV is one section). */
export interface ImportSectionView {
  readonly label: string | null;
  readonly spotifyUserId: string | null;
  /** Distinct usable tracks. */
  readonly tracks: number;
}

/** A file read and checked, before any plan: nothing is written until a plan is confirmed. */
export interface ImportFileView {
  readonly fileId: string;
  readonly fileName: string;
  readonly format: ImportFileFormat;
  /** Data rows (tracks) read. */
  readonly rows: number;
  /** Rows naming a track an earlier row named: imported once. */
  readonly duplicates: number;
  /** Whether every usable row has a date added (the import then saves oldest date first). */
  readonly hasDates: boolean;
  readonly sections: readonly ImportSectionView[];
  readonly rejectedCount: number;
  /** The first rejected rows, in file order (at most 200). */
  readonly rejected: readonly RejectedRowView[];
}

export interface ImportPlanRequest {
  readonly fileId: string;
  readonly targetAccountId: string;
  /** Which section of the file; null takes every section (each track once). */
  readonly section: number | null;
}

export type BackupFrequency = 'off' | 'daily' | 'weekly';

export interface BackupAccountView {
  readonly accountId: string;
  readonly lastSuccessAt: number | null;
  /** The file the last successful backup wrote, as a name in the folder. */
  readonly lastFile: string | null;
  readonly lastAttemptAt: number | null;
  /** Why the last attempt failed; null when it succeeded (or none was made). */
  readonly error: { readonly code: string; readonly message: string } | null;
  /**
   * The last backup was written from a cache that could not be synced first (offline, signed
   * out): what it holds may be older than the account; null when it was synced.
   */
  readonly warning: { readonly code: string; readonly message: string } | null;
  /** When the next backup is due (epoch ms); null when backups are off. */
  readonly dueAt: number | null;
}

export interface BackupStatusView {
  readonly folder: string | null;
  readonly frequency: BackupFrequency;
  /** Files kept per account; older ones are deleted after a successful backup. */
  readonly keep: number;
  /** A backup is being written now. */
  readonly running: boolean;
  readonly accounts: readonly BackupAccountView[];
}

export interface BackupSettingsPatch {
  readonly frequency?: BackupFrequency;
  readonly keep?: number;
}
