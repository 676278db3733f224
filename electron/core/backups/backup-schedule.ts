// When an account's next backup is due: a period after its last success, or now when it has none.
// A failure does not move the date: the backup stays due and is tried at the next opportunity,
// though not sooner than a few minutes after the failed attempt, so a folder that is gone is not
// tried at every sync and every job's change.
import type { BackupFrequency } from '../ipc/library-file-views.js';
import type { AccountBackupOutcome } from './backup-state.js';

const dayMs = 24 * 60 * 60_000;
const periodMs = { daily: dayMs, weekly: 7 * dayMs } as const;

/** How long after a failed attempt the next one may be made. */
export const retryAfterFailureMs = 5 * 60_000;

/** Epoch ms the account's next backup is due; null when backups are off. */
export function backupDueAt(
  frequency: BackupFrequency,
  outcome: AccountBackupOutcome,
  now: number,
): number | null {
  if (frequency === 'off') return null;
  const due = outcome.lastSuccessAt === null ? now : outcome.lastSuccessAt + periodMs[frequency];
  if (outcome.error === null || outcome.lastAttemptAt === null) return due;
  return Math.max(due, outcome.lastAttemptAt + retryAfterFailureMs);
}
