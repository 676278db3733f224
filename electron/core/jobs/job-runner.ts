// Runs one job's remaining steps from its journalled position: an add or remove step through the
// batch writer, a verify step by re-syncing the account and recording which of the step's tracks
// it has. After a write step (and when one stops part-way) the account's library is brought up to
// date from what was written, so the page shows the result at once. Errors propagate to the job
// service, which turns them into a pause or a failure; the journal always says where to resume.
import type { Clock } from '../clock.js';
import type { LibrarySnapshot } from '../library/library-snapshot.js';
import { writeInBatches, type WriteAction } from './batch-writer.js';
import { stepItems, stepItemsDone } from './job-progress.js';
import type { JobProgress, JobRecord, JobStep } from './job-record.js';
import { errorCodeOf } from '../errors/app-error.js';

export interface JobRunnerDeps {
  readonly write: (
    accountId: string,
    action: WriteAction,
    trackIds: readonly string[],
  ) => Promise<void>;
  readonly contains: (accountId: string, trackIds: readonly string[]) => Promise<boolean[]>;
  /** Re-syncs the account's library (incrementally when it can); the fresh library. */
  readonly syncLibrary: (accountId: string) => Promise<LibrarySnapshot>;
  /** The IDs of the account's library the app holds now (no request); null when none. */
  readonly heldIds: (accountId: string) => ReadonlySet<string> | null;
  /** These tracks are no longer saved in the account: its cache follows without a request. */
  readonly removedFromLibrary: (accountId: string, trackIds: readonly string[]) => Promise<void>;
  /** Throws (a pause) when the account may not write now, e.g. its grant lacks the scope. */
  readonly assertCanWrite: (accountId: string) => Promise<void>;
  readonly saveProgress: (progress: JobProgress) => Promise<void>;
  readonly saveConfirmed: (step: number, items: readonly number[]) => Promise<void>;
  /** The job's position or state changed (for the page). */
  readonly onProgress: () => void;
  /** True stops the job before its next batch. */
  readonly shouldStop: () => boolean;
  /** A library update after a write that failed: the job goes on, the next sync catches up. */
  readonly log: (message: string) => void;
  readonly clock: Clock;
}

export type RunOutcome = 'done' | 'stopped';

export async function runJob(record: JobRecord, deps: JobRunnerDeps): Promise<RunOutcome> {
  const { definition } = record;
  // A check made in an earlier run may be out of date by now (the app was closed, a pause went
  // on for an hour): a removal that relies on one is checked again before it starts.
  const checkedThisRun = new Set<number>();
  while (record.progress.step < definition.steps.length) {
    if (deps.shouldStop()) return 'stopped';
    const index = record.progress.step;
    const spec = definition.steps[index];
    if (spec === undefined) break;
    if (spec.action === 'verify') {
      await verify(record, index, spec.items, deps);
      checkedThisRun.add(index);
    } else {
      const check = spec.onlyConfirmedBy;
      const stale = check !== null && !checkedThisRun.has(check);
      const untouched = record.progress.batch === 0 && !record.progress.inFlight;
      if (stale && untouched) {
        // Nothing of the removal is done yet: check again, keeping only what is still confirmed.
        await verify(record, check, record.confirmed.get(check) ?? [], deps);
        checkedThisRun.add(check);
      }
      const outcome = await runWriteStep(record, index, spec, deps, stale && !untouched);
      if (outcome === 'stopped') return 'stopped';
    }
    await advance(record, deps, { step: index + 1, batch: 0, inFlight: false });
  }
  return 'done';
}

// Records which of `items` the verify step's account has now, from its re-synced library.
async function verify(
  record: JobRecord,
  step: number,
  items: readonly number[],
  deps: JobRunnerDeps,
): Promise<void> {
  const spec = record.definition.steps[step];
  if (spec === undefined) return;
  const library = await deps.syncLibrary(spec.accountId);
  const held = new Set(library.tracks.map((track) => track.id));
  const confirmed = items.filter((item) => held.has(record.definition.items[item]?.id ?? null));
  await deps.saveConfirmed(step, confirmed);
  record.confirmed.set(step, confirmed);
}

/**
 * `recheckEachBatch`: a removal resumed part-way on an old check; each batch is narrowed to what
 * the other account still has, right before it is sent (its position in the list stays).
 */
async function runWriteStep(
  record: JobRecord,
  index: number,
  spec: JobStep,
  deps: JobRunnerDeps,
  recheckEachBatch: boolean,
): Promise<RunOutcome> {
  const { definition, progress } = record;
  const action: WriteAction = spec.action === 'add' ? 'add' : 'remove';
  const trackIds = stepItems(definition, record.confirmed, index).map(
    (item) => definition.items[item]?.id ?? '',
  );
  await deps.assertCanWrite(spec.accountId);
  const startBatch = progress.batch;
  const itemOf = new Map(
    stepItems(definition, record.confirmed, index).map((item) => [
      definition.items[item]?.id ?? '',
      item,
    ]),
  );
  // Right before a batch is sent: an add leaves out what the target's library already has by
  // now (a heart, another job), a removal resumed on an old check what the other account no
  // longer has. Recorded in the progress, which the journal writes before the send.
  const narrow = async (ids: readonly string[]) => {
    const keep =
      spec.action === 'add'
        ? notHeld(ids, deps.heldIds(spec.accountId))
        : recheckEachBatch
          ? await stillConfirmed(record, spec, ids, deps)
          : ids;
    const left = ids.filter((id) => !keep.includes(id)).flatMap((id) => itemOf.get(id) ?? []);
    if (left.length > 0) {
      const skipped = [...new Set([...record.progress.skipped, ...left])];
      record.progress = { ...record.progress, skipped };
    }
    return keep;
  };
  try {
    const outcome = await writeInBatches(
      {
        action,
        trackIds,
        fromBatch: progress.batch,
        inFlight: progress.inFlight,
        checkEveryBatch: progress.checkEveryBatch,
      },
      {
        write: (what, ids) => deps.write(spec.accountId, what, ids),
        contains: (ids) => deps.contains(spec.accountId, ids),
        journal: (batch, inFlight) => advance(record, deps, { step: index, batch, inFlight }),
        shouldStop: deps.shouldStop,
        narrow,
        onBatchDone: (batch) => {
          // Memory may run ahead of the disk (the next journal write catches up): a batch done
          // is done, and the disk still errs on the side of checking it.
          record.progress = { ...record.progress, batch: batch + 1, inFlight: false };
          deps.onProgress();
        },
      },
    );
    return outcome.kind;
  } finally {
    if (record.progress.batch > startBatch || record.progress.step > index) {
      const shown = showWritten(record, index, spec, deps);
      // A stop asked for does not wait for the library to catch up (a re-sync may sit out a long
      // Retry-After); it catches up in the background, and the close cancels it.
      if (!deps.shouldStop()) await shown;
    }
  }
}

function notHeld(ids: readonly string[], held: ReadonlySet<string> | null): readonly string[] {
  return held === null ? ids : ids.filter((id) => !held.has(id));
}

// Brings the account's library up to date with what this step wrote so far.
async function showWritten(
  record: JobRecord,
  index: number,
  spec: JobStep,
  deps: JobRunnerDeps,
): Promise<void> {
  const { definition } = record;
  try {
    if (spec.action === 'add') {
      // A verify step of the same account next re-syncs anyway.
      const next = definition.steps[index + 1];
      if (next?.action === 'verify' && next.accountId === spec.accountId) return;
      await deps.syncLibrary(spec.accountId);
    } else {
      const done = stepItemsDone(definition, record.progress, record.confirmed, index, false);
      const ids = done.map((item) => definition.items[item]?.id ?? '');
      await deps.removedFromLibrary(spec.accountId, ids);
    }
  } catch (error) {
    deps.log(`A library could not be updated after a job's writes (${errorCodeOf(error)}).`);
  }
}

// The tracks of a removal batch the checked account still has.
async function stillConfirmed(
  record: JobRecord,
  spec: JobStep,
  trackIds: readonly string[],
  deps: JobRunnerDeps,
): Promise<readonly string[]> {
  const checkStep =
    spec.onlyConfirmedBy === null ? undefined : record.definition.steps[spec.onlyConfirmedBy];
  if (checkStep === undefined || trackIds.length === 0) return trackIds;
  const held = await deps.contains(checkStep.accountId, trackIds);
  return trackIds.filter((_, i) => held[i] === true);
}

async function advance(
  record: JobRecord,
  deps: JobRunnerDeps,
  position: Pick<JobProgress, 'step' | 'batch' | 'inFlight'>,
): Promise<void> {
  record.progress = { ...record.progress, ...position, updatedAt: deps.clock.now() };
  await deps.saveProgress(record.progress);
  deps.onProgress();
}
