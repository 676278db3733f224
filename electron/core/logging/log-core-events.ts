// What the log file hears of the core, in one place: accounts added, removed and changing status
// (a sign-in, a sign-out, "not allowlisted"), each sync's end, Spotify's rate limits and quota
// pauses, the keychain's state, each job's states and each backup's outcome. Lines name accounts
// and jobs by the app's ids and failures by their codes: never a token, a track or a person's name.
import type { AppCore } from '../composition/app-core.js';
import { DisposableStore } from '../events/emitter.js';
import type { AppLog } from './app-log.js';

/** Subscribes; returns the function that stops logging. */
export function logCoreEvents(core: AppCore, log: AppLog): () => void {
  const subscriptions = new DisposableStore();

  let statuses = new Map(core.registry.list().map((account) => [account.id, account.status]));
  subscriptions.add(
    core.registry.onDidChange((snapshot) => {
      const next = new Map(snapshot.accounts.map((account) => [account.id, account.status]));
      for (const [id, status] of next) {
        const before = statuses.get(id);
        if (before === undefined) log.info(`account ${id}: added (${status})`);
        else if (before !== status) log.info(`account ${id}: ${before} → ${status}`);
      }
      for (const id of statuses.keys()) if (!next.has(id)) log.info(`account ${id}: removed`);
      statuses = next;
    }),
  );

  subscriptions.add(
    core.onSyncProgress((progress) => {
      if (progress.phase === 'done') {
        log.info(`sync ${progress.accountId}: done, ${progress.loaded} tracks`);
      } else if (progress.phase === 'failed') {
        log.warn(`sync ${progress.accountId}: failed after ${progress.loaded} tracks`);
      }
    }),
  );

  let paused = false;
  subscriptions.add(
    core.scheduler.onDidChangeState((state) => {
      if (state.kind === 'rate_limited' || state.kind === 'quota_exceeded') {
        if (!paused)
          log.warn(`spotify: ${state.kind} until ${new Date(state.until).toISOString()}`);
        paused = true;
      } else if (paused) {
        log.info('spotify: requests resumed');
        paused = false;
      }
    }),
  );

  subscriptions.add(
    core.vault.onDidChangeStatus((status) =>
      status.state === 'available'
        ? log.info('keychain: available')
        : log.warn(`keychain: unavailable (${status.reason})`),
    ),
  );

  const jobStates = new Map<string, string>();
  subscriptions.add(
    core.jobs.service.onDidChange((record) => {
      const { id, kind } = record.definition;
      const { state, error } = record.progress;
      if (jobStates.get(id) === state) return;
      jobStates.set(id, state);
      const reason = error === null ? '' : ` (${error.code})`;
      log.info(`job ${id} (${kind}): ${state}${reason}`);
    }),
  );

  const attempts = new Map<string, number | null>();
  subscriptions.add(
    core.backups.onDidChange((status) => {
      for (const account of status.accounts) {
        if (attempts.get(account.accountId) === account.lastAttemptAt) continue;
        attempts.set(account.accountId, account.lastAttemptAt);
        if (account.lastAttemptAt === null) continue;
        if (account.error !== null) {
          log.warn(`backup ${account.accountId}: failed (${account.error.code})`);
        } else {
          log.info(
            `backup ${account.accountId}: written${account.warning ? ' from a stale cache' : ''}`,
          );
        }
      }
    }),
  );

  return () => subscriptions.dispose();
}
