// The library jobs of the app: starts planned jobs, runs one at a time (writes of one job go one
// after another, and one job at a time keeps the shared scheduler free for every account's syncs),
// pauses and resumes them, cancels them, plans their undo, and keeps the recent ones listed. Every
// change is journalled before it matters (job-files.ts): a job found running at start-up was
// interrupted, shows as paused, and resumes where it stopped. A pause with an end (quota, rate
// limit, offline) resumes by itself; one waiting for a sign-in resumes when the account can write.
import { randomUUID } from 'node:crypto';
import type { Clock } from '../clock.js';
import { Emitter, type Event } from '../events/emitter.js';
import type { StorageNotice } from '../storage/storage-notice.js';
import { JobError } from './job-error.js';
import { JobFiles } from './job-files.js';
import { verdictFor, MissingScopeError } from './job-outcome.js';
import { planUndo } from './job-plan.js';
import type { JobPlan, JobPlanner } from './job-planner.js';
import { wroteAnything } from './job-progress.js';
import { MAX_JOB_LABEL_LENGTH, type JobProgress, type JobRecord } from './job-record.js';
import { runJob, type JobRunnerDeps } from './job-runner.js';
import type { WriteAction } from './batch-writer.js';
import type { LibrarySnapshot } from '../library/library-snapshot.js';

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

export interface JobServiceOptions {
  readonly dataDir: string;
  readonly planner: JobPlanner;
  readonly deps: JobWriteDeps;
  /** The account's name, or null when it is no longer in the app. */
  readonly labelOf: (accountId: string) => string | null;
  readonly clock: Clock;
}

/** Finished jobs kept in the list (and on disk), newest first. */
const finishedKept = 30;

type StopRequest = 'pause' | 'cancel' | 'close';

interface RunningJob {
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

export class JobService {
  readonly #options: JobServiceOptions;
  readonly #files: JobFiles;
  readonly #records = new Map<string, JobRecord>();
  readonly #queue: string[] = [];
  readonly #timers = new Map<string, NodeJS.Timeout>();
  readonly #changes = new Emitter<JobRecord>();
  #running: RunningJob | null = null;
  #closed = false;
  #notices: readonly StorageNotice[] = [];

  constructor(options: JobServiceOptions) {
    this.#options = options;
    this.#files = new JobFiles(options.dataDir, options.clock);
  }

  /** Job files that were unusable at start-up and set aside. */
  get notices(): readonly StorageNotice[] {
    return this.#notices;
  }

  /** Reads the journal at start-up, once, before anything else is asked of the service. */
  async restore(): Promise<void> {
    const loaded = await this.#files.loadAll();
    this.#notices = loaded.notices;
    for (const record of loaded.jobs) {
      this.#records.set(record.definition.id, record);
      const { state } = record.progress;
      // Running or waiting when the app stopped: shown as paused, resumed by the person.
      if (state === 'running' || state === 'queued') {
        record.progress = {
          ...record.progress,
          state: 'paused',
          pause: { reason: 'interrupted', accountId: null, until: null },
        };
        // Unwritable: the disk says running, which reads as interrupted again next time.
        await this.#files
          .writeProgress(record.definition.id, record.progress)
          .catch((error: unknown) =>
            this.#options.deps.log(`A job's journal could not be written: ${describe(error)}.`),
          );
      } else if (state === 'paused') {
        this.#scheduleResume(record);
      }
    }
    await this.#linkUndos();
    await this.#pruneFinished();
  }

  // An undo is written before the job it undoes is marked: a stop between the two leaves the
  // mark to make here, or that job could be undone a second time.
  async #linkUndos(): Promise<void> {
    for (const record of this.#records.values()) {
      const undone = this.#records.get(record.definition.undoesJobId ?? '');
      if (undone === undefined || undone.progress.undoneByJobId !== null) continue;
      await this.#update(undone, { undoneByJobId: record.definition.id }).catch((error: unknown) =>
        this.#options.deps.log(`A job's journal could not be written: ${describe(error)}.`),
      );
    }
  }

  /** Newest first. */
  list(): JobRecord[] {
    return [...this.#records.values()].sort(
      (a, b) => b.definition.createdAt - a.definition.createdAt,
    );
  }

  get(jobId: string): JobRecord {
    const record = this.#records.get(jobId);
    if (record === undefined) {
      throw new JobError('job_not_found', 'This job is no longer in the list.');
    }
    return record;
  }

  /** Hears every change of a job: its state, its position, its counts. */
  get onDidChange(): Event<JobRecord> {
    return this.#changes.event;
  }

  /** Whether a finished job can be undone now. */
  canUndo(record: JobRecord): boolean {
    const { definition, progress } = record;
    return (
      (definition.kind === 'copy' || definition.kind === 'move') &&
      (progress.state === 'finished' || progress.state === 'cancelled') &&
      progress.undoneByJobId === null &&
      wroteAnything(definition, progress, record.confirmed)
    );
  }

  /** A plan that undoes the job, for the person to confirm like any other. */
  async planUndo(jobId: string): Promise<JobPlan> {
    const record = this.get(jobId);
    const draft = this.canUndo(record) ? planUndo(record, record.confirmed) : null;
    if (draft === null) {
      throw new JobError(
        'job_not_undoable',
        record.progress.undoneByJobId === null
          ? 'Only a finished copy or move that changed something can be undone.'
          : 'This job has already been undone.',
      );
    }
    return this.#options.planner.planUndo(draft, {
      id: jobId,
      sourceAccountId: record.definition.sourceAccountId,
      targetAccountId: record.definition.targetAccountId,
    });
  }

  /** Starts a plan the person confirmed: journalled first, then queued. */
  async start(planId: string): Promise<JobRecord> {
    const plan = this.#options.planner.take(planId);
    const now = this.#options.clock.now();
    const undone = plan.undoesJobId === null ? null : this.get(plan.undoesJobId);
    if (undone !== null && !this.canUndo(undone)) {
      throw new JobError('job_not_undoable', 'This job has already been undone.');
    }
    const labelOf = (id: string) =>
      (this.#options.labelOf(id) ?? id).slice(0, MAX_JOB_LABEL_LENGTH);
    const record: JobRecord = {
      definition: {
        id: randomUUID(),
        kind: plan.draft.kind,
        sourceAccountId: plan.sourceAccountId,
        targetAccountId: plan.targetAccountId,
        sourceLabel: labelOf(plan.sourceAccountId),
        targetLabel: labelOf(plan.targetAccountId),
        createdAt: now,
        undoesJobId: plan.undoesJobId,
        items: [...plan.draft.items],
        steps: [...plan.draft.steps],
        planned: plan.draft.planned,
      },
      progress: {
        state: 'queued',
        pause: null,
        error: null,
        step: 0,
        batch: 0,
        inFlight: false,
        // The undone job stopped with a batch whose outcome is unknown: the undo counts it as
        // written (it must not miss anything), so it checks what is really there before writing.
        checkEveryBatch: undone?.progress.inFlight === true,
        skipped: [],
        finishedAt: null,
        undoneByJobId: null,
        updatedAt: now,
      },
      confirmed: new Map(),
    };
    await this.#files.create(record.definition, record.progress);
    this.#records.set(record.definition.id, record);
    if (undone !== null) {
      await this.#update(undone, { undoneByJobId: record.definition.id });
    }
    this.#changes.fire(record);
    this.#enqueue(record.definition.id);
    return record;
  }

  /** Stops the job before its next batch; it resumes where it stopped. */
  async pause(jobId: string): Promise<JobRecord> {
    const record = this.get(jobId);
    if (this.#running?.id === jobId) {
      this.#stop(this.#running, 'pause');
      await this.#running.done;
      return record;
    }
    if (record.progress.state === 'queued' || record.progress.state === 'paused') {
      this.#dequeue(jobId);
      await this.#update(record, {
        state: 'paused',
        pause: { reason: 'requested', accountId: null, until: null },
      });
      return record;
    }
    throw invalidState('Only a running or waiting job can be paused.');
  }

  async resume(jobId: string): Promise<JobRecord> {
    const record = this.get(jobId);
    const { state } = record.progress;
    if (state !== 'paused' && state !== 'failed') {
      throw invalidState('Only a paused or failed job can be resumed.');
    }
    this.#requireAccounts(record);
    this.#clearTimer(jobId);
    await this.#update(record, { state: 'queued', pause: null, error: null });
    this.#enqueue(jobId);
    return record;
  }

  /** Stops the job for good; what it wrote stays, and can be undone. */
  async cancel(jobId: string): Promise<JobRecord> {
    const record = this.get(jobId);
    if (this.#running?.id === jobId) {
      this.#stop(this.#running, 'cancel');
      await this.#running.done;
      return record;
    }
    const { state } = record.progress;
    if (state === 'finished' || state === 'cancelled') {
      throw invalidState('This job has already ended.');
    }
    this.#dequeue(jobId);
    await this.#update(record, {
      state: 'cancelled',
      pause: null,
      finishedAt: this.#options.clock.now(),
    });
    return record;
  }

  /** An account was removed: its jobs that have not ended cannot go on. */
  async accountRemoved(accountId: string): Promise<void> {
    for (const record of this.#records.values()) {
      const { definition, progress } = record;
      const involved = definition.steps.some((step) => step.accountId === accountId);
      if (!involved || progress.state === 'finished' || progress.state === 'cancelled') continue;
      if (this.#running?.id === definition.id) {
        this.#stop(this.#running, 'pause');
        await this.#running.done;
      }
      this.#dequeue(definition.id);
      await this.#update(record, {
        state: 'failed',
        pause: null,
        error: { code: 'job_account_missing', message: accountMissing().message },
      });
    }
  }

  /** Accounts changed (a sign-in): jobs waiting for one whose account can now write go on. */
  async accountsChanged(canWrite: (accountId: string) => Promise<boolean>): Promise<void> {
    for (const record of this.#records.values()) {
      const { pause, state } = record.progress;
      if (state !== 'paused' || pause === null || pause.accountId === null) continue;
      if (pause.reason !== 'needs_sign_in' && pause.reason !== 'missing_scope') continue;
      if (this.#options.labelOf(pause.accountId) === null) continue;
      if (await canWrite(pause.accountId)) await this.resume(record.definition.id).catch(() => {});
    }
  }

  /** At quit: the running job stops before its next batch; it shows as interrupted next time. */
  async close(): Promise<void> {
    this.#closed = true;
    for (const timer of this.#timers.values()) clearTimeout(timer);
    this.#timers.clear();
    if (this.#running !== null) {
      this.#stop(this.#running, 'close');
      await this.#running.done;
    }
  }

  #stop(running: RunningJob, stop: StopRequest): void {
    running.stop = stop;
    running.stopping.abort();
    if (stop === 'close') running.closing.abort();
  }

  #enqueue(jobId: string): void {
    if (!this.#queue.includes(jobId)) this.#queue.push(jobId);
    this.#pump();
  }

  #dequeue(jobId: string): void {
    const index = this.#queue.indexOf(jobId);
    if (index !== -1) this.#queue.splice(index, 1);
    this.#clearTimer(jobId);
  }

  #clearTimer(jobId: string): void {
    const timer = this.#timers.get(jobId);
    if (timer !== undefined) clearTimeout(timer);
    this.#timers.delete(jobId);
  }

  #pump(): void {
    if (this.#running !== null || this.#closed) return;
    const next = this.#queue.shift();
    if (next === undefined) return;
    const record = this.#records.get(next);
    if (record === undefined) return this.#pump();
    const running: RunningJob = {
      id: next,
      stop: null,
      stopping: new AbortController(),
      closing: new AbortController(),
      // A journal that cannot be written even to record the failure: the disk keeps what it last
      // said (resumable next time), the page sees a failure it can resume from once the disk is
      // back, and the next job may run.
      done: Promise.resolve()
        .then(() => this.#run(record, running))
        .catch((error: unknown) => {
          this.#options.deps.log(`A job stopped: ${describe(error)}.`);
          this.#failInMemory(record, error);
        }),
    };
    this.#running = running;
    void running.done.finally(() => {
      this.#running = null;
      this.#pump();
    });
  }

  async #run(record: JobRecord, running: RunningJob): Promise<void> {
    const { clock, deps, planner } = this.#options;
    await this.#update(record, { state: 'running', pause: null, error: null });
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
          if (this.#options.labelOf(accountId) === null) throw accountMissing();
          if (!(await planner.canWrite(accountId))) throw new MissingScopeError(accountId);
        },
        saveProgress: (progress) => this.#files.writeProgress(record.definition.id, progress),
        saveConfirmed: (step, items) =>
          this.#files.writeConfirmed(record.definition.id, step, items),
        onProgress: () => this.#changes.fire(record),
        shouldStop: () => running.stop !== null,
      });
      if (outcome === 'done') {
        await this.#update(record, { state: 'finished', finishedAt: clock.now() });
        await this.#pruneFinished();
      } else {
        await this.#stopAsAsked(record, running.stop);
      }
    } catch (error) {
      // A pause, cancel or close asked for holds whatever the batch on the wire ended with (a
      // quota error must not turn it into a pause that resumes by itself; at close, the request
      // cancelled by the close is no failure).
      if (running.stop !== null) {
        await this.#stopAsAsked(record, running.stop);
        return;
      }
      const verdict = verdictFor(error, stepAccount, clock.now());
      if (verdict.kind === 'pause') {
        await this.#update(record, { state: 'paused', pause: verdict.pause });
        this.#scheduleResume(record);
      } else {
        await this.#update(record, { state: 'failed', error: verdict.error });
      }
    }
  }

  async #stopAsAsked(record: JobRecord, stop: StopRequest | null): Promise<void> {
    if (stop === 'cancel') {
      await this.#update(record, { state: 'cancelled', finishedAt: this.#options.clock.now() });
    } else if (stop === 'pause') {
      await this.#update(record, {
        state: 'paused',
        pause: { reason: 'requested', accountId: null, until: null },
      });
    }
    // 'close': the journal says running, which reads as interrupted next time.
  }

  #scheduleResume(record: JobRecord): void {
    const pause = record.progress.pause;
    const until = pause?.until ?? null;
    if (until === null || this.#closed) return;
    const id = record.definition.id;
    this.#clearTimer(id);
    const delay = Math.max(0, until - this.#options.clock.now()) + 250;
    const timer = setTimeout(() => {
      this.#timers.delete(id);
      // Only the pause it was set for: not one the person asked for since.
      if (record.progress.state === 'paused' && record.progress.pause === pause) {
        void this.resume(id).catch(() => {});
      }
    }, delay);
    timer.unref();
    this.#timers.set(id, timer);
  }

  // Journal first: a state the disk refused is not taken on (a job stuck as "running" or
  // "queued" with nothing running it could be neither paused nor resumed).
  async #update(record: JobRecord, change: Partial<JobProgress>): Promise<void> {
    const next = { ...record.progress, ...change, updatedAt: this.#options.clock.now() };
    await this.#files.writeProgress(record.definition.id, next);
    record.progress = next;
    this.#changes.fire(record);
  }

  #failInMemory(record: JobRecord, error: unknown): void {
    const { state } = record.progress;
    if (state !== 'running' && state !== 'queued') return;
    const code = error instanceof Error && 'code' in error ? String(error.code) : 'internal_error';
    record.progress = {
      ...record.progress,
      state: 'failed',
      pause: null,
      error: { code, message: 'The job could not record its progress; resume to try again.' },
      updatedAt: this.#options.clock.now(),
    };
    this.#changes.fire(record);
  }

  #requireAccounts(record: JobRecord): void {
    const accounts = new Set(record.definition.steps.map((step) => step.accountId));
    if ([...accounts].some((id) => this.#options.labelOf(id) === null)) throw accountMissing();
  }

  async #pruneFinished(): Promise<void> {
    const ended = this.list().filter(
      (r) => r.progress.state === 'finished' || r.progress.state === 'cancelled',
    );
    for (const record of ended.slice(finishedKept)) {
      // An undo names the job it undoes: keep the pair together until both are old.
      this.#records.delete(record.definition.id);
      await this.#files.remove(record.definition.id);
    }
  }
}

function describe(error: unknown): string {
  return error instanceof Error && 'code' in error ? String(error.code) : 'unexpected error';
}

function invalidState(message: string): JobError {
  return new JobError('job_invalid_state', message);
}

function accountMissing(): JobError {
  return new JobError(
    'job_account_missing',
    'An account of this job was removed from the app, so the job cannot go on. What it did so far stays.',
  );
}
