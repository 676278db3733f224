// The fake bridge's files: what an export answers (a download by default, as the browser harness
// delivers), the file "chosen" for an import as the core reads it, and the automatic backups'
// status with the settings a test changes. Views with every field a test does not care about
// filled in, so each test states only what it looks at.
import type {
  BackupAccountView,
  BackupStatusView,
  ExportRequest,
  ExportResultView,
  ImportFileView,
} from '../../electron/core/ipc/contract.js';
import { decodePositions } from '../../electron/core/ipc/job-views.js';

export function makeImportFile(overrides: Partial<ImportFileView> = {}): ImportFileView {
  return {
    fileId: 'file-1',
    fileName: 'Liked Songs.csv',
    format: 'exportify_csv',
    rows: 10,
    duplicates: 0,
    hasDates: true,
    sections: [{ label: null, spotifyUserId: null, tracks: 10 }],
    rejectedCount: 0,
    rejected: [],
    ...overrides,
  };
}

export function makeBackupAccount(
  overrides: Partial<BackupAccountView> & { readonly accountId: string },
): BackupAccountView {
  return {
    lastSuccessAt: null,
    lastFile: null,
    lastAttemptAt: null,
    error: null,
    warning: null,
    dueAt: null,
    ...overrides,
  };
}

export function makeBackupStatus(overrides: Partial<BackupStatusView> = {}): BackupStatusView {
  return { folder: null, frequency: 'off', keep: 10, running: false, accounts: [], ...overrides };
}

/**
 * The answer to an export: a download of as many tracks as the sources name (a whole library
 * counts the account's cache), the data as of the oldest cache's sync.
 */
export function downloadOf(
  request: ExportRequest,
  cacheOf: (accountId: string) => { readonly size: number; readonly syncedAt: number } | null,
): ExportResultView {
  let tracks = 0;
  let dataAsOf: number | null = null;
  for (const source of request.sources) {
    const accountId = source.kind === 'library' ? source.accountId : source.selection.accountId;
    const cache = cacheOf(accountId);
    tracks +=
      source.kind === 'library'
        ? (cache?.size ?? 0)
        : (decodePositions(source.selection.positions)?.length ?? 0);
    if (cache !== null) dataAsOf = Math.min(dataAsOf ?? cache.syncedAt, cache.syncedAt);
  }
  const extension = request.format === 'json' ? 'json' : 'csv';
  const fileName = `${request.title ?? 'Saved tracks'}.${extension}`;
  return {
    outcome: 'download',
    fileName,
    downloadUrl: `/downloads/${encodeURIComponent(fileName)}`,
    tracks,
    dataAsOf,
    notSynced: [],
  };
}
