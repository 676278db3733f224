// The libraries of all accounts for the rest of the app: `cached(id)` answers from memory or disk
// and never waits for the network (switching accounts stays instant); `sync(id)` runs one
// LibrarySync per account at a time (a second call joins the running one) and keeps the newest
// complete library in memory; progress of every sync, and every new revision, goes to the
// subscribers. `applyRemoved` follows the app's own removals without a request. `removeAccount(id)`
// stops an account's sync, waits until it can no longer write, and only then deletes its cache
// folder, so the folder cannot be recreated.
import { systemClock, type Clock } from '../clock.js';
import { Emitter, type Event } from '../events/emitter.js';
import type { StorageNotice } from '../storage/storage-notice.js';
import { LibraryCache } from './library-cache.js';
import { syncCancelled } from './library-error.js';
import { LibraryRevisions, type ChangesSince } from './library-revisions.js';
import type { LibrarySnapshot } from './library-snapshot.js';
import {
  LibrarySync,
  type FetchSavedTracksPage,
  type SyncOutcome,
  type SyncProgress,
} from './library-sync.js';

export interface LibraryServiceOptions {
  readonly dataDir: string;
  /** One page of an account's saved tracks, through its session and the shared scheduler. */
  readonly fetchPage: (
    accountId: string,
    ...page: Parameters<FetchSavedTracksPage>
  ) => ReturnType<FetchSavedTracksPage>;
  readonly clock?: Clock;
  /** Operational messages; never track data or tokens. */
  readonly log?: (message: string) => void;
  /** Page requests one sync keeps outstanding; the scheduler bounds those on the wire. */
  readonly pageWindow?: number;
}

export interface LibraryAtRevision {
  readonly library: LibrarySnapshot;
  readonly revision: string | null;
  readonly changes: ChangesSince;
}

/** The account's library now has `revision`. */
export interface LibraryChange {
  readonly accountId: string;
  readonly revision: string;
}

interface RunningSync {
  readonly controller: AbortController;
  readonly sync: LibrarySync;
  readonly done: Promise<SyncOutcome>;
}

export class LibraryService {
  readonly cache: LibraryCache;
  readonly #options: LibraryServiceOptions;
  readonly #clock: Clock;
  readonly #memory = new Map<string, LibrarySnapshot>();
  readonly #running = new Map<string, RunningSync>();
  readonly #revisions = new LibraryRevisions();
  readonly #progress = new Emitter<SyncProgress>();
  readonly #changes = new Emitter<LibraryChange>();
  // Made once per library held, for the checks jobs make before each batch.
  readonly #idsOf = new WeakMap<LibrarySnapshot, ReadonlySet<string>>();
  readonly #removals = new Map<string, Promise<void>>();

  constructor(options: LibraryServiceOptions) {
    this.#options = options;
    this.#clock = options.clock ?? systemClock;
    this.cache = new LibraryCache(options.dataDir);
  }

  /** The last complete library of the account, or null if it was never synced. No network. */
  async cached(accountId: string): Promise<LibrarySnapshot | null> {
    const inMemory = this.#memory.get(accountId);
    if (inMemory !== undefined) return inMemory;
    const read = await this.cache.load(accountId);
    if (read.notice !== null) this.#notice(read.notice);
    // A sync may have finished while the file was read; its result is newer.
    const latest = this.#memory.get(accountId) ?? read.value;
    if (latest !== null && !this.#memory.has(accountId)) {
      this.#memory.set(accountId, latest);
      this.#revisions.adopt(accountId, latest);
    }
    return latest;
  }

  /** Brings the account's library up to date; joins the sync already running for it, if any. */
  sync(accountId: string, options: { signal?: AbortSignal } = {}): Promise<SyncOutcome> {
    const running = this.#running.get(accountId);
    const joined = running?.done ?? this.#start(accountId);
    const { signal } = options;
    if (signal === undefined) return joined;
    // Only the caller that started the sync can cancel it with its signal, and only this sync: a
    // later abort must not stop a sync someone else starts afterwards.
    if (running === undefined) {
      const started = this.#running.get(accountId);
      const cancel = () => started?.controller.abort();
      signal.addEventListener('abort', cancel, { once: true });
      if (signal.aborted) cancel();
      void joined.catch(() => undefined).finally(() => signal.removeEventListener('abort', cancel));
    }
    return joined;
  }

  /** The track IDs of the account's library in memory (no request, no disk); null when none. */
  heldIds(accountId: string): ReadonlySet<string> | null {
    const library = this.#memory.get(accountId);
    if (library === undefined) return null;
    let ids = this.#idsOf.get(library);
    if (ids === undefined) {
      ids = new Set(library.tracks.flatMap((track) => (track.id === null ? [] : [track.id])));
      this.#idsOf.set(library, ids);
    }
    return ids;
  }

  /** The revision of a snapshot this service handed out; null if it was never the library. */
  revisionOf(library: LibrarySnapshot): string | null {
    return this.#revisions.revisionOf(library);
  }

  /**
   * The account's library in memory, its revision, and what changed since the revision `since`
   * (null: the page holds none). Null when no library is held.
   */
  changesSince(accountId: string, since: string | null): LibraryAtRevision | null {
    const library = this.#memory.get(accountId);
    if (library === undefined) return null;
    const revision = this.#revisions.revisionOf(library);
    const changes = this.#revisions.changesSince(accountId, since, library);
    return { library, revision, changes };
  }

  /** The progress of every account's sync. */
  get onSyncProgress(): Event<SyncProgress> {
    return this.#progress.event;
  }

  /** An account's library in memory got a new revision (a sync, or a write of the app's own). */
  get onDidChangeLibrary(): Event<LibraryChange> {
    return this.#changes.event;
  }

  /**
   * The app removed these tracks from the account on Spotify: the library in memory and on disk
   * follows without a request, as a step the page applies like a sync's. Waits for a running sync
   * first, so its older answer cannot bring the tracks back. No-op without a cached library.
   */
  applyRemoved(accountId: string, trackIds: readonly string[]): Promise<void> {
    // One after another per account: two at once would each start from the same library, and
    // the later would bring back what the earlier removed.
    const applied = (this.#removals.get(accountId) ?? Promise.resolve()).then(() =>
      this.#applyRemoved(accountId, trackIds),
    );
    const settled = applied.catch(() => undefined);
    this.#removals.set(accountId, settled);
    void settled.then(() => {
      if (this.#removals.get(accountId) === settled) this.#removals.delete(accountId);
    });
    return applied;
  }

  async #applyRemoved(accountId: string, trackIds: readonly string[]): Promise<void> {
    await this.#running.get(accountId)?.done.catch(() => undefined);
    const before = await this.cached(accountId);
    if (before === null || trackIds.length === 0) return;
    const gone = new Set(trackIds);
    const tracks = before.tracks.filter((track) => track.id === null || !gone.has(track.id));
    const removed = before.tracks.length - tracks.length;
    if (removed === 0) return;
    const after: LibrarySnapshot = {
      tracks,
      total: Math.max(0, before.total - removed),
      lastSyncedAt: before.lastSyncedAt,
    };
    await this.cache.save(accountId, after);
    // A sync that finished meanwhile started after the removal: its library is newer.
    if (this.#memory.get(accountId) !== before) return;
    this.#setLibrary(accountId, before, after, false);
  }

  /** Stops the account's sync, waits until it cannot write any more, and forgets its library. */
  async cancel(accountId: string): Promise<void> {
    const running = this.#running.get(accountId);
    if (running !== undefined) {
      running.controller.abort();
      await running.done.catch(() => undefined);
      await running.sync.writesSettled();
    }
    this.#memory.delete(accountId);
    this.#revisions.forget(accountId);
  }

  /** A removed account: its sync stops, then its cache folder and library in memory go. */
  async removeAccount(accountId: string): Promise<void> {
    await this.cancel(accountId);
    await this.cache.removeAccount(accountId);
  }

  /** At quit: every sync stops; what they fetched stays in the partial files for next time. */
  async cancelAll(): Promise<void> {
    await Promise.all(
      [...this.#running.values()].map(async (running) => {
        running.controller.abort();
        await running.done.catch(() => undefined);
        await running.sync.writesSettled();
      }),
    );
  }

  #start(accountId: string): Promise<SyncOutcome> {
    const controller = new AbortController();
    const run = async (): Promise<SyncOutcome> => {
      const cached = await this.cached(accountId);
      if (controller.signal.aborted) throw syncCancelled();
      try {
        const outcome = await sync.run(cached);
        this.#setLibrary(accountId, cached, outcome.library, outcome.kind === 'unchanged');
        return outcome;
      } catch (error) {
        // Once the caller hears of the end, this sync no longer touches the disk.
        await sync.writesSettled();
        throw error;
      }
    };
    const sync = new LibrarySync({
      accountId,
      fetchPage: (offset, limit, signal) =>
        this.#options.fetchPage(accountId, offset, limit, signal),
      cache: this.cache,
      clock: this.#clock,
      signal: controller.signal,
      onProgress: (progress) => this.#progress.fire(progress),
      onNotice: (notice) => this.#notice(notice),
      ...(this.#options.log === undefined ? {} : { log: this.#options.log }),
      ...(this.#options.pageWindow === undefined ? {} : { pageWindow: this.#options.pageWindow }),
    });
    const done = run().finally(() => {
      if (this.#running.get(accountId)?.done === done) this.#running.delete(accountId);
    });
    this.#running.set(accountId, { controller, sync, done });
    return done;
  }

  #setLibrary(
    accountId: string,
    before: LibrarySnapshot | null,
    after: LibrarySnapshot,
    unchanged: boolean,
  ): void {
    const previous = before === null ? null : this.#revisions.revisionOf(before);
    const revision = this.#revisions.record(accountId, before, after, unchanged);
    this.#memory.set(accountId, after);
    if (revision !== previous) this.#changes.fire({ accountId, revision });
  }

  #notice(notice: StorageNotice): void {
    this.#options.log?.(`A library cache file was unusable (${notice.detail}); it is rebuilt.`);
  }
}
