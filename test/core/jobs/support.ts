// An AppCore with several accounts signed in against a running fake Spotify, their libraries
// synced, and the steps a person takes to copy or move tracks: select positions of a library,
// plan, start, and wait for the job to stop. Shared by the job tests and the crash test's child.
import type { Account } from '../../../electron/core/accounts/account-registry.js';
import type { AppCore } from '../../../electron/core/composition/app-core.js';
import type { JobPlan } from '../../../electron/core/jobs/job-planner.js';
import type { JobRecord, JobStateName } from '../../../electron/core/jobs/job-record.js';
import type { LibrarySnapshot } from '../../../electron/core/library/library-snapshot.js';
import type { SavedTrack } from '../../../electron/core/spotify/models.js';
import type { RequestSchedulerOptions } from '../../../electron/core/spotify/request-scheduler.js';
import { MemorySecretStore } from '../../../electron/core/vault/memory-secret-store.js';
import type { SecretStore } from '../../../electron/core/vault/secret-store.js';
import {
  startFakeSpotify,
  type FakeSpotify,
  type FakeSpotifyOptions,
} from '../../../demo/fake-spotify/index.js';
import { openCore, user, type CoreUnderTest } from '../composition/support.js';

export interface JobsFixture {
  readonly fake: FakeSpotify;
  readonly subject: CoreUnderTest;
  readonly core: AppCore;
  readonly accounts: readonly Account[];
  /** The account of the fake's user `index`. */
  account(index: number): Account;
  close(): Promise<void>;
}

export async function openJobsFixture(
  fakeOptions: FakeSpotifyOptions,
  options: { scheduler?: RequestSchedulerOptions; store?: SecretStore; dataDir?: string } = {},
): Promise<JobsFixture> {
  const fake = await startFakeSpotify(fakeOptions);
  const subject = await openCore(fake, options.store ?? new MemorySecretStore(), {
    ...(options.scheduler === undefined ? {} : { scheduler: options.scheduler }),
    ...(options.dataDir === undefined ? {} : { dataDir: options.dataDir }),
  });
  const accounts: Account[] = [];
  for (let index = 0; index < fake.users.length; index += 1) {
    subject.logins.push({ user: user(fake, index) });
    const account = await subject.core.addAccount();
    await subject.core.syncLibrary(account.id);
    accounts.push(account);
  }
  return {
    fake,
    subject,
    core: subject.core,
    accounts,
    account: (index) => {
      const account = accounts[index];
      if (account === undefined) throw new Error(`no account ${index}`);
      return account;
    },
    close: async () => {
      await subject.dispose();
      await fake.close();
    },
  };
}

/** Positions (newest first) of the library's tracks that pass `keep`. */
export function positionsWhere(
  library: LibrarySnapshot,
  keep: (track: SavedTrack) => boolean,
): number[] {
  return library.tracks.flatMap((track, position) => (keep(track) ? [position] : []));
}

/** The cached library of an account, which must exist. */
export async function libraryOf(core: AppCore, accountId: string): Promise<LibrarySnapshot> {
  const library = await core.cachedLibrary(accountId);
  if (library === null) throw new Error(`no library cached for ${accountId}`);
  return library;
}

/** Plans a copy or move of the source's tracks at these positions of its current library. */
export async function planFrom(
  core: AppCore,
  kind: 'copy' | 'move',
  sourceAccountId: string,
  targetAccountId: string,
  positions: readonly number[],
): Promise<JobPlan> {
  const library = await libraryOf(core, sourceAccountId);
  return core.jobs.planCopy({
    kind,
    sourceAccountId,
    targetAccountId,
    revision: core.libraryRevision(library) ?? '',
    positions,
  });
}

const stopped: ReadonlySet<JobStateName> = new Set(['paused', 'finished', 'cancelled', 'failed']);

/** Resolves when the job is in one of `states` (by default: any state it stops in). */
export function jobReaches(
  core: AppCore,
  jobId: string,
  states: ReadonlySet<JobStateName> = stopped,
): Promise<JobRecord> {
  return new Promise((resolve) => {
    const check = (record: JobRecord) => {
      if (record.definition.id !== jobId || !states.has(record.progress.state)) return false;
      subscription.dispose();
      resolve(record);
      return true;
    };
    const subscription = core.jobs.service.onDidChange((record) => void check(record));
    const current = core.jobs.service.list().find((record) => record.definition.id === jobId);
    if (current !== undefined) check(current);
  });
}

/** Starts the plan and waits for the job to stop; the record as it stopped. */
export async function runPlan(core: AppCore, plan: JobPlan): Promise<JobRecord> {
  const started = await core.jobs.service.start(plan.planId);
  return jobReaches(core, started.definition.id);
}

/** The IDs of a seeded user's library on the fake, newest first (null: local file). */
export async function spotifyIds(fake: FakeSpotify, index: number): Promise<(string | null)[]> {
  return fake.control.savedTrackIds(user(fake, index).id);
}

/** Positions in the source's library of the tracks (not local files) the target lacks. */
export async function positionsMissingIn(
  core: AppCore,
  sourceAccountId: string,
  targetAccountId: string,
): Promise<number[]> {
  const inTarget = new Set((await libraryOf(core, targetAccountId)).tracks.map((t) => t.id));
  return positionsWhere(
    await libraryOf(core, sourceAccountId),
    (t) => t.id !== null && !inTarget.has(t.id),
  );
}

/** Resolves at the first change of the job whose record passes `reached`. */
export function jobProgresses(
  core: AppCore,
  jobId: string,
  reached: (record: JobRecord) => boolean,
): Promise<JobRecord> {
  return new Promise((resolve) => {
    const subscription = core.jobs.service.onDidChange((record) => {
      if (record.definition.id !== jobId || !reached(record)) return;
      subscription.dispose();
      resolve(record);
    });
  });
}
