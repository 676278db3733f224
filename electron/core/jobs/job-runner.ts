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
  while (record.progress.step < definition.steps.length) {
    if (deps.shouldStop()) return 'stopped';
    const index = record.progress.step;
    const spec = definition.steps[index];
    if (spec === undefined) break;
    if (spec.action === 'verify') {
      const library = await deps.syncLibrary(spec.accountId);
      const held = new Set(library.tracks.map((track) => track.id));
      const confirmed = spec.items.filter((item) => held.has(definition.items[item]?.id ?? null));
      await deps.saveConfirmed(index, confirmed);
      record.confirmed.set(index, confirmed);
    } else {
      const outcome = await runWriteStep(record, index, spec, deps);
      if (outcome === 'stopped') return 'stopped';
    }
    await advance(record, deps, { step: index + 1, batch: 0, inFlight: false });
  }
  return 'done';
}

async function runWriteStep(
  record: JobRecord,
  index: number,
  spec: JobStep,
  deps: JobRunnerDeps,
): Promise<RunOutcome> {
  const { definition, progress } = record;
  const action: WriteAction = spec.action === 'add' ? 'add' : 'remove';
  const trackIds = stepItems(definition, record.confirmed, index).map(
    (item) => definition.items[item]?.id ?? '',
  );
  await deps.assertCanWrite(spec.accountId);
  const startBatch = progress.batch;
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
      await showWritten(record, index, spec, deps);
    }
  }
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
    deps.log(`A library could not be updated after a job's writes (${describe(error)}).`);
  }
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
