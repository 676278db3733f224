// Runs one job once, from its journalled position to its end or its stop: builds the runner's
// calls (each carrying the stop's signal, and blaming the account whose call failed), and turns
// the outcome into the job's next state — finished, what the person asked (pause, cancel), or
// the pause or failure an error means. A pause, cancel or close asked for holds whatever the
// batch on the wire ended with.
import type { Clock } from '../clock.js';
import type { LibrarySnapshot } from '../library/library-snapshot.js';
import type { WriteAction } from './batch-writer.js';
import { accountMissingError } from './job-error.js';
import { MissingScopeError, verdictFor } from './job-outcome.js';
import type { JobRecord } from './job-record.js';
import type { JobRecords } from './job-records.js';
import { runJob, type JobRunnerDeps } from './job-runner.js';

/**
 * The calls a job makes. `signal` is aborted when the job is stopped (see RunningJob): a request
 * not sent yet is not sent, and one on the wire is dropped (the journal already says its batch
 * is to be checked).
 */
export interface JobWriteDeps extends Pick<
  JobRunnerDeps,
  'removedFromLibrary' | 'heldIds' | 'log'
> {
  readonly write: (
    accountId: string,
    action: WriteAction,
    trackIds: readonly string[],
    signal: AbortSignal,
  ) => Promise<void>;
  readonly contains: (
    accountId: string,
    trackIds: readonly string[],
    signal: AbortSignal,
  ) => Promise<boolean[]>;
  readonly syncLibrary: (accountId: string, signal: AbortSignal) => Promise<LibrarySnapshot>;
}

export type StopRequest = 'pause' | 'cancel' | 'close';

export interface RunningJob {
  readonly id: string;
  stop: StopRequest | null;
  /**
   * Aborted by a pause, a cancel or the close, so none waits out a long Retry-After or a long
   * sync: a request not sent yet is not sent, one on the wire is dropped, and the journal already
   * says its batch is to be checked before anything more is written.
   */
  readonly stopping: AbortController;
  /** Aborted by the close alone: a re-sync that shows what a paused job wrote still runs. */
  readonly closing: AbortController;
  readonly done: Promise<void>;
}

export interface ExecutionContext {
  readonly records: JobRecords;
  readonly deps: JobWriteDeps;
  readonly canWrite: (accountId: string) => Promise<boolean>;
  readonly labelOf: (accountId: string) => string | null;
  readonly clock: Clock;
}

/** Resolves true when the job ended in a pause that resumes by itself at a time. */
export async function executeJob(
  record: JobRecord,
  running: RunningJob,
  context: ExecutionContext,
): Promise<boolean> {
  const { clock, deps, records } = context;
  await records.update(record, { state: 'running', pause: null, error: null });
  // The account whose call failed: a sign-in the failure needs is asked of that one.
  let stepAccount = record.definition.targetAccountId;
  const blaming = <T>(accountId: string, call: Promise<T>): Promise<T> =>
    call.catch((error: unknown) => {
      stepAccount = accountId;
      throw error;
    });
  const { signal } = running.stopping;
  try {
    const outcome = await runJob(record, {
      ...deps,
      write: (id, action, ids) => blaming(id, deps.write(id, action, ids, signal)),
      contains: (id, ids) => blaming(id, deps.contains(id, ids, signal)),
      syncLibrary: (id) => blaming(id, deps.syncLibrary(id, running.closing.signal)),
      clock,
      assertCanWrite: async (accountId) => {
        stepAccount = accountId;
        if (context.labelOf(accountId) === null) throw accountMissingError();
        if (!(await context.canWrite(accountId))) throw new MissingScopeError(accountId);
      },
      saveProgress: (progress) => records.files.writeProgress(record.definition.id, progress),
      saveConfirmed: (step, items) =>
        records.files.writeConfirmed(record.definition.id, step, items),
      onProgress: () => records.announce(record),
      shouldStop: () => running.stop !== null,
    });
    if (outcome === 'done') {
      await records.update(record, { state: 'finished', finishedAt: clock.now() });
      await records.pruneFinished();
    } else {
      await stopAsAsked(record, running.stop, context);
    }
  } catch (error) {
    // A pause, cancel or close asked for holds whatever the batch on the wire ended with (a
    // quota error must not turn it into a pause that resumes by itself; at close, the request
    // cancelled by the close is no failure).
    if (running.stop !== null) {
      await stopAsAsked(record, running.stop, context);
      return false;
    }
    const verdict = verdictFor(error, stepAccount, clock.now());
    if (verdict.kind === 'pause') {
      await records.update(record, { state: 'paused', pause: verdict.pause });
      return verdict.pause.until !== null;
    }
    await records.update(record, { state: 'failed', error: verdict.error });
  }
  return false;
}

async function stopAsAsked(
  record: JobRecord,
  stop: StopRequest | null,
  context: ExecutionContext,
): Promise<void> {
  const { records } = context;
  if (stop === 'cancel') {
    await records.update(record, {
      state: 'cancelled',
      finishedAt: context.clock.now(),
    });
  } else if (stop === 'pause') {
    await records.update(record, {
      state: 'paused',
      pause: { reason: 'requested', accountId: null, until: null },
    });
  }
  // 'close': the journal says running, which reads as interrupted next time.
}
