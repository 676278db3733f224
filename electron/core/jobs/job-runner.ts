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

export interface JobRunnerDeps {
  readonly write: (
    accountId: string,
    action: WriteAction,
    trackIds: readonly string[],
  ) => Promise<void>;
  readonly contains: (accountId: string, trackIds: readonly string[]) => Promise<boolean[]>;
  /** Re-syncs the account's library (incrementally when it can); the fresh library. */
  readonly syncLibrary: (accountId: string) => Promise<LibrarySnapshot>;
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
  // What the re-check of the other account left out: not removed, so not shown or counted so.
  const kept = new Set<string>();
  const narrow = async (ids: readonly string[]) => {
    const still = await stillConfirmed(record, spec, ids, deps);
    for (const id of ids) {
      if (still.includes(id)) kept.delete(id);
      else kept.add(id);
    }
    return still;
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
        ...(recheckEachBatch ? { narrow } : {}),
        onBatchDone: (batch) => {
          // Memory may run ahead of the disk (the next journal write catches up): a batch done
          // is done, and the disk still errs on the side of checking it.
          record.progress = { ...record.progress, batch: batch + 1, inFlight: false };
          deps.onProgress();
        },
      },
    );
    if (outcome.kind === 'done') await forgetKept(record, spec, kept, deps);
    return outcome.kind;
  } finally {
    if (record.progress.batch > startBatch || record.progress.step > index) {
      await showWritten(record, index, spec, deps, kept);
    }
  }
}

/**
 * A removal is done: what its re-check kept is no longer confirmed, so the counts and an undo
 * read it as left in place. (Only now: while the step runs, its batches are positions in the list
 * of confirmed items.)
 */
async function forgetKept(
  record: JobRecord,
  spec: JobStep,
  kept: ReadonlySet<string>,
  deps: JobRunnerDeps,
): Promise<void> {
  const check = spec.onlyConfirmedBy;
  if (kept.size === 0 || check === null) return;
  const items = record.definition.items;
  const confirmed = (record.confirmed.get(check) ?? []).filter(
    (item) => !kept.has(items[item]?.id ?? ''),
  );
  await deps.saveConfirmed(check, confirmed);
  record.confirmed.set(check, confirmed);
}

// Brings the account's library up to date with what this step wrote so far.
async function showWritten(
  record: JobRecord,
  index: number,
  spec: JobStep,
  deps: JobRunnerDeps,
  kept: ReadonlySet<string>,
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
      const ids = done.flatMap((item) => {
        const id = definition.items[item]?.id ?? '';
        return kept.has(id) ? [] : [id];
      });
      await deps.removedFromLibrary(spec.accountId, ids);
    }
  } catch (error) {
    deps.log(`A library could not be updated after a job's writes (${describe(error)}).`);
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

function describe(error: unknown): string {
  return error instanceof Error && 'code' in error ? String(error.code) : 'unexpected error';
}
