// How a backup's moments and outcomes read: the words the Backups section and the banner share.
import type { BackupAccountView, BackupFrequency } from '../app-contract.js';
import { formatDate, formatTime } from './formatters.js';

/** "4 Dec 2026, 21:05": a backup is days apart, so both the day and the time matter. */
export function formatMoment(epochMs: number): string {
  return `${formatDate(epochMs)}, ${formatTime(epochMs)}`;
}

/**
 * Why the last attempt failed, in the core's words: they name the folder and what to do, which no
 * fixed sentence could (error-sentences.ts has no sentence of its own for the backup_* codes).
 */
export function backupFailureSentence(account: BackupAccountView): string | null {
  if (account.error === null) return null;
  return account.error.message || 'The backup could not be written. It is tried again later.';
}

/** The outcome column: the failure when the last attempt failed, else when the next one is due. */
export function backupOutcome(
  account: BackupAccountView | undefined,
  frequency: BackupFrequency,
): string {
  const failure = account && backupFailureSentence(account);
  if (failure) return failure;
  // Written, but from a cache that could not be synced first: worth saying before the date.
  const warning = account?.warning ? `${account.warning.message} ` : '';
  if (frequency === 'off' || account?.dueAt == null) {
    return `${warning}Automatic backups are off.`;
  }
  return `${warning}Next backup due ${formatMoment(account.dueAt)}.`;
}
