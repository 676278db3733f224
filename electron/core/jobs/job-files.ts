// The journal of library jobs on disk: one folder per job under `<dataDir>/jobs/<id>/` holding
// `job.json` (the definition, written once), `progress.json` (rewritten before every batch) and
// `confirmed-<step>.json` (a verify step's result). Every file is a VersionedJsonFile: atomic,
// versioned, set aside when unusable. A folder without a readable definition cannot be resumed
// and is set aside with a notice; a missing progress file means the job was created but never
// ran (or that its progress was lost): it reads as interrupted, with every batch checked before
// it is sent.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import type { Clock } from '../clock.js';
import type { StorageNotice } from '../storage/storage-notice.js';
import { VersionedJsonFile } from '../storage/versioned-json-file.js';
import {
  JOB_FILES_VERSION,
  confirmedItemsSchema,
  jobDefinitionSchema,
  jobProgressSchema,
  type JobDefinition,
  type JobProgress,
  type JobRecord,
} from './job-record.js';

/** Job IDs become folder names: the service makes them from random UUIDs. */
const jobIdPattern = /^[a-z0-9-]{1,100}$/;

export interface LoadedJobs {
  readonly jobs: JobRecord[];
  readonly notices: StorageNotice[];
}

export class JobFiles {
  readonly #dir: string;
  readonly #clock: Clock | undefined;
  // One file object per path, so writes to one file are serialised by its lock.
  readonly #progress = new Map<string, VersionedJsonFile<JobProgress>>();

  constructor(dataDir: string, clock?: Clock) {
    this.#dir = path.join(dataDir, 'jobs');
    this.#clock = clock;
  }

  /** Writes a new job: its definition first, then its first progress. */
  async create(definition: JobDefinition, progress: JobProgress): Promise<void> {
    await this.#file(definition.id, 'job.json', jobDefinitionSchema, () => definition).write(
      definition,
    );
    await this.writeProgress(definition.id, progress);
  }

  async writeProgress(jobId: string, progress: JobProgress): Promise<void> {
    let file = this.#progress.get(jobId);
    if (file === undefined) {
      file = this.#file(jobId, 'progress.json', jobProgressSchema, () => progress);
      this.#progress.set(jobId, file);
    }
    await file.write(progress);
  }

  async writeConfirmed(jobId: string, step: number, items: readonly number[]): Promise<void> {
    await this.#file(jobId, `confirmed-${step}.json`, confirmedItemsSchema, () => []).write([
      ...items,
    ]);
  }

  /** Every job on disk, oldest first. */
  async loadAll(): Promise<LoadedJobs> {
    let names: string[];
    try {
      names = await fs.readdir(this.#dir);
    } catch (error) {
      if (error instanceof Error && 'code' in error && error.code === 'ENOENT') {
        return { jobs: [], notices: [] };
      }
      throw error;
    }
    const jobs: JobRecord[] = [];
    const notices: StorageNotice[] = [];
    for (const name of names.filter((candidate) => jobIdPattern.test(candidate))) {
      const loaded = await this.#load(name, notices);
      if (loaded !== null) jobs.push(loaded);
    }
    jobs.sort((a, b) => a.definition.createdAt - b.definition.createdAt);
    return { jobs, notices };
  }

  /** Deletes a job's folder (an old finished job the list no longer keeps). */
  async remove(jobId: string): Promise<void> {
    this.#progress.delete(jobId);
    await fs.rm(this.#jobDir(jobId), { recursive: true, force: true });
  }

  async #load(jobId: string, notices: StorageNotice[]): Promise<JobRecord | null> {
    const definitionRead = await this.#file(jobId, 'job.json', jobDefinitionSchema, () => null)
      .read()
      .catch(() => null);
    if (definitionRead?.notice) notices.push(definitionRead.notice);
    const definition = definitionRead?.value ?? null;
    if (definition === null || definition.id !== jobId) return null;
    const interrupted: JobProgress = {
      state: 'paused',
      pause: { reason: 'interrupted', accountId: null, until: null },
      error: null,
      step: 0,
      batch: 0,
      // Nothing says how far it got: check each batch before sending it.
      inFlight: true,
      checkEveryBatch: true,
      skipped: [],
      finishedAt: null,
      undoneByJobId: null,
      updatedAt: definition.createdAt,
    };
    const progressFile = this.#file(jobId, 'progress.json', jobProgressSchema, () => interrupted);
    this.#progress.set(jobId, progressFile);
    // A file the app cannot read at all (not a damaged one, which is set aside) reads as lost:
    // one job's folder must not keep the app from opening.
    const progressRead = await progressFile.read().catch(() => ({
      value: interrupted,
      notice: null,
    }));
    if (progressRead.notice) notices.push(progressRead.notice);
    const confirmed = new Map<number, readonly number[]>();
    for (const [index, step] of definition.steps.entries()) {
      if (step.action !== 'verify' || index >= progressRead.value.step) continue;
      const read = await this.#file(
        jobId,
        `confirmed-${index}.json`,
        confirmedItemsSchema,
        () => [],
      )
        .read()
        .catch(() => ({ value: [], notice: null }));
      if (read.notice) notices.push(read.notice);
      confirmed.set(index, read.value);
    }
    return { definition, progress: progressRead.value, confirmed };
  }

  #file<T>(
    jobId: string,
    name: string,
    schema: z.ZodType<T>,
    defaultValue: () => T,
  ): VersionedJsonFile<T> {
    return new VersionedJsonFile({
      filePath: path.join(this.#jobDir(jobId), name),
      version: JOB_FILES_VERSION,
      schema,
      defaultValue,
      ...(this.#clock === undefined ? {} : { clock: this.#clock }),
    });
  }

  #jobDir(jobId: string): string {
    if (!jobIdPattern.test(jobId)) throw new Error(`Not a job id: ${jobId.slice(0, 40)}`);
    return path.join(this.#dir, jobId);
  }
}
