// When an account's next backup is due: a period after its last success, or now when it has none.
// A failure does not move the date: the backup stays due and is tried at the next opportunity.
import type { BackupFrequency } from '../ipc/library-file-views.js';
import type { AccountBackupOutcome } from './backup-state.js';

const dayMs = 24 * 60 * 60_000;
const periodMs = { daily: dayMs, weekly: 7 * dayMs } as const;

/** Epoch ms the account's next backup is due; null when backups are off. */
export function backupDueAt(
  frequency: BackupFrequency,
  outcome: AccountBackupOutcome,
  now: number,
): number | null {
  if (frequency === 'off') return null;
  if (outcome.lastSuccessAt === null) return now;
  return outcome.lastSuccessAt + periodMs[frequency];
}
