// The library jobs of the app: starts planned jobs, runs one at a time (writes of one job go one
// after another, and one job at a time keeps the shared scheduler free for every account's syncs),
// pauses and resumes them, cancels them, plans their undo, and keeps the recent ones listed. Every
// change is journalled before it matters (job-records.ts): a job found running at start-up was
// interrupted, shows as paused, and resumes where it stopped. A pause with an end (quota, rate
// limit, offline) resumes by itself; one waiting for a sign-in resumes when the account can write.
import { randomUUID } from 'node:crypto';
import type { Clock } from '../clock.js';
import type { Event } from '../events/emitter.js';
import type { StorageNotice } from '../storage/storage-notice.js';
import { accountMissingError, JobError } from './job-error.js';
import {
  executeJob,
  type JobWriteDeps,
  type RunningJob,
  type StopRequest,
} from './job-execution.js';
import { JobRecords } from './job-records.js';
import { planUndo } from './job-plan.js';
import type { JobPlan, JobPlanner } from './job-planner.js';
import { canUndo, newJobRecord } from './job-start.js';
import type { JobRecord } from './job-record.js';
import { errorCodeOf } from '../errors/app-error.js';

export type { JobWriteDeps } from './job-execution.js';

export interface JobServiceOptions {
  readonly dataDir: string;
  readonly planner: JobPlanner;
  readonly deps: JobWriteDeps;
  /** The account's name, or null when it is no longer in the app. */
  readonly labelOf: (accountId: string) => string | null;
  /** When the account's stored grant was made (a new sign-in changes it); null when none. */
  readonly grantOf: (accountId: string) => Promise<number | null>;
  readonly clock: Clock;
}

export class JobService {
  readonly #options: JobServiceOptions;
  readonly #records: JobRecords;
  readonly #queue: string[] = [];
  readonly #timers = new Map<string, NodeJS.Timeout>();
  #running: RunningJob | null = null;
  // The grant each job waiting for a sign-in was paused with (see accountsChanged).
  readonly #grantsAtPause = new Map<string, number | null>();
  #closed = false;

  constructor(options: JobServiceOptions) {
    this.#options = options;
    this.#records = new JobRecords(options.dataDir, options.clock, options.deps.log);
  }

  /** Job files that were unusable at start-up and set aside. */
  get notices(): readonly StorageNotice[] {
    return this.#records.notices;
  }

  /** Reads the journal at start-up, once, before anything else is asked of the service. */
  async restore(): Promise<void> {
    for (const record of await this.#records.restore()) this.#scheduleResume(record);
  }

  /** Newest first. */
  list(): JobRecord[] {
    return this.#records.list();
  }

  get(jobId: string): JobRecord {
    return this.#records.get(jobId);
  }

  /** Hears every change of a job: its state, its position, its counts. */
  get onDidChange(): Event<JobRecord> {
    return this.#records.onDidChange;
  }

  /** Whether a finished job can be undone now. */
  canUndo(record: JobRecord): boolean {
    return canUndo(record);
  }

  /** A plan that undoes the job, for the person to confirm like any other. */
  async planUndo(jobId: string): Promise<JobPlan> {
    const record = this.get(jobId);
    const draft = this.canUndo(record) ? planUndo(record, record.confirmed) : null;
    if (draft === null) {
      throw new JobError(
        'job_not_undoable',
        record.progress.undoneByJobId === null
          ? 'Only a finished copy, move or import that changed something can be undone.'
          : 'This job has already been undone.',
      );
    }
    return this.#options.planner.planUndo(draft, {
      id: jobId,
      sourceAccountId: record.definition.sourceAccountId,
      targetAccountId: record.definition.targetAccountId,
      fileName: record.definition.kind === 'import' ? record.definition.sourceLabel : null,
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
    const record = newJobRecord(plan, {
      id: randomUUID(),
      now,
      labelOf: this.#options.labelOf,
      undone,
    });
    this.#requireAccounts(record);
    await this.#records.create(record);
    if (undone !== null) {
      await this.#records.update(undone, { undoneByJobId: record.definition.id });
    }
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
      await this.#records.update(record, {
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
    await this.#records.update(record, { state: 'queued', pause: null, error: null });
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
    await this.#records.update(record, {
      state: 'cancelled',
      pause: null,
      finishedAt: this.#options.clock.now(),
    });
    return record;
  }

  /** An account was removed: its jobs that have not ended cannot go on. */
  async accountRemoved(accountId: string): Promise<void> {
    for (const record of this.#records.list()) {
      const { definition, progress } = record;
      const involved = definition.steps.some((step) => step.accountId === accountId);
      if (!involved || progress.state === 'finished' || progress.state === 'cancelled') continue;
      if (this.#running?.id === definition.id) {
        this.#stop(this.#running, 'pause');
        await this.#running.done;
      }
      this.#dequeue(definition.id);
      await this.#records.update(record, {
        state: 'failed',
        pause: null,
        error: { code: 'job_account_missing', message: accountMissingError().message },
      });
    }
  }

  /** Accounts changed (a sign-in): jobs waiting for one whose account can now write go on. */
  async accountsChanged(): Promise<void> {
    for (const record of this.#records.list()) {
      const { pause, state } = record.progress;
      if (state !== 'paused' || pause === null || pause.accountId === null) continue;
      if (pause.reason !== 'needs_sign_in' && pause.reason !== 'missing_scope') continue;
      if (this.#options.labelOf(pause.accountId) === null) continue;
      // Only a new sign-in: the account list also changes with every sync, and a grant Spotify
      // refused is not tried again and again.
      const id = record.definition.id;
      const grant = await this.#options.grantOf(pause.accountId);
      if (this.#grantsAtPause.get(id) === grant) continue;
      this.#grantsAtPause.set(id, grant);
      if (await this.#options.planner.canWrite(pause.accountId)) {
        await this.resume(id).catch(() => {});
      }
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
    const record = this.#records.find(next);
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
          this.#options.deps.log(`A job stopped: ${errorCodeOf(error)}.`);
          this.#records.failInMemory(record, error);
        }),
    };
    this.#running = running;
    void running.done.finally(() => {
      this.#running = null;
      this.#pump();
    });
  }

  async #run(record: JobRecord, running: RunningJob): Promise<void> {
    const timedPause = await executeJob(record, running, {
      records: this.#records,
      deps: this.#options.deps,
      canWrite: (accountId) => this.#options.planner.canWrite(accountId),
      labelOf: this.#options.labelOf,
      clock: this.#options.clock,
    });
    if (timedPause) this.#scheduleResume(record);
    const { pause } = record.progress;
    if (
      pause?.accountId &&
      (pause.reason === 'needs_sign_in' || pause.reason === 'missing_scope')
    ) {
      this.#grantsAtPause.set(record.definition.id, await this.#options.grantOf(pause.accountId));
    }
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

  #requireAccounts(record: JobRecord): void {
    const accounts = new Set(record.definition.steps.map((step) => step.accountId));
    if ([...accounts].some((id) => this.#options.labelOf(id) === null)) throw accountMissingError();
  }
}

function invalidState(message: string): JobError {
  return new JobError('job_invalid_state', message);
}
