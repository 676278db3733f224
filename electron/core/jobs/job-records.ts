// The jobs the app knows, as the journal has them: read at start-up (a job found running or
// waiting was interrupted and shows as paused; an undo written just before a stop is tied to the
// job it undoes), created when a plan starts, changed only once the change is on disk, pruned to
// the recent finished ones, and announced on every change.
import type { Clock } from '../clock.js';
import { errorCodeOf } from '../errors/app-error.js';
import { Emitter, type Event } from '../events/emitter.js';
import type { StorageNotice } from '../storage/storage-notice.js';
import { JobError } from './job-error.js';
import { JobFiles } from './job-files.js';
import type { JobProgress, JobRecord } from './job-record.js';

/** Finished jobs kept in the list (and on disk), newest first. */
const finishedKept = 30;

export class JobRecords {
  readonly files: JobFiles;
  readonly #records = new Map<string, JobRecord>();
  readonly #changes = new Emitter<JobRecord>();
  readonly #clock: Clock;
  readonly #log: (message: string) => void;
  #notices: readonly StorageNotice[] = [];

  constructor(dataDir: string, clock: Clock, log: (message: string) => void) {
    this.files = new JobFiles(dataDir, clock);
    this.#clock = clock;
    this.#log = log;
  }

  /** Job files that were unusable at start-up and set aside. */
  get notices(): readonly StorageNotice[] {
    return this.#notices;
  }

  /** Reads the journal, once, at start-up; resolves with the jobs paused with an end to wait for. */
  async restore(): Promise<JobRecord[]> {
    const loaded = await this.files.loadAll();
    this.#notices = loaded.notices;
    const timed: JobRecord[] = [];
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
        await this.files
          .writeProgress(record.definition.id, record.progress)
          .catch((error: unknown) => this.#logUnwritten(error));
      } else if (state === 'paused') {
        timed.push(record);
      }
    }
    await this.#linkUndos();
    await this.pruneFinished();
    return timed;
  }

  /** Newest first. */
  list(): JobRecord[] {
    return [...this.#records.values()].sort(
      (a, b) => b.definition.createdAt - a.definition.createdAt,
    );
  }

  find(jobId: string): JobRecord | undefined {
    return this.#records.get(jobId);
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

  /** A new job: its files first, then the list. */
  async create(record: JobRecord): Promise<void> {
    await this.files.create(record.definition, record.progress);
    this.#records.set(record.definition.id, record);
    this.#changes.fire(record);
  }

  /** Announces a change the runner made (and journalled) itself. */
  announce(record: JobRecord): void {
    this.#changes.fire(record);
  }

  // Journal first: a state the disk refused is not taken on (a job stuck as "running" or
  // "queued" with nothing running it could be neither paused nor resumed).
  async update(record: JobRecord, change: Partial<JobProgress>): Promise<void> {
    const next = { ...record.progress, ...change, updatedAt: this.#clock.now() };
    await this.files.writeProgress(record.definition.id, next);
    record.progress = next;
    this.#changes.fire(record);
  }

  /** The journal refused even the failure: shown as failed, resumable once the disk is back. */
  failInMemory(record: JobRecord, error: unknown): void {
    const { state } = record.progress;
    if (state !== 'running' && state !== 'queued') return;
    const code = errorCodeOf(error, 'internal_error');
    record.progress = {
      ...record.progress,
      state: 'failed',
      pause: null,
      error: { code, message: 'The job could not record its progress; resume to try again.' },
      updatedAt: this.#clock.now(),
    };
    this.#changes.fire(record);
  }

  async pruneFinished(): Promise<void> {
    const ended = this.list().filter(
      (r) => r.progress.state === 'finished' || r.progress.state === 'cancelled',
    );
    for (const record of ended.slice(finishedKept)) {
      this.#records.delete(record.definition.id);
      await this.files.remove(record.definition.id);
    }
  }

  // An undo is written before the job it undoes is marked: a stop between the two leaves the
  // mark to make here, or that job could be undone a second time.
  async #linkUndos(): Promise<void> {
    for (const record of this.#records.values()) {
      const undone = this.#records.get(record.definition.undoesJobId ?? '');
      if (undone === undefined || undone.progress.undoneByJobId !== null) continue;
      await this.update(undone, { undoneByJobId: record.definition.id }).catch((error: unknown) =>
        this.#logUnwritten(error),
      );
    }
  }

  #logUnwritten(error: unknown): void {
    this.#log(`A job's journal could not be written: ${errorCodeOf(error)}.`);
  }
}
