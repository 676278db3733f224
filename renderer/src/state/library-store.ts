// The saved tracks of every account opened in this session, kept by the app store: opening an
// account shows what it already holds at once, reads the main process's cached library (memory or
// disk, never the network) when it holds nothing yet, and syncs with Spotify in the background
// only when there is no cache or it is older than the setting. Sync progress events, the sync's
// outcome and its failures land here; components read one account's state and never fetch.
// Sorted and searchable forms of a loaded list are derived once per list and kept with it, so a
// table remounted on switching back does not sort 50,000 tracks again.
import type {
  CachedTracksView,
  SyncProgressView,
  TrackView,
  maxCachedTracksPerRequest,
} from '../app-contract.js';
import { errorCode, unwrap, type BridgeApi } from '../bridge.js';
import type { FailureCode } from '../failure-code.js';
import { errorSentence } from '../format/error-sentences.js';
import { searchText, sortTracks, type SortOrder } from '../tracks/track-order.js';

/** Slice size for reading the cache: the contract's largest, so 50,000 tracks take 10 requests. */
const cachedSliceSize: typeof maxCachedTracksPerRequest = 5000;

/** A sync started over after this many reads that straddled a change of the cache. */
const maxCacheReadAttempts = 3;

export interface LibraryFailure {
  readonly code: FailureCode;
  readonly message: string;
  /** `load`: reading the cache failed; `sync`: bringing it up to date with Spotify failed. */
  readonly during: 'load' | 'sync';
}

export interface LibraryState {
  /** Newest first, as the last complete read of the cache gave them. */
  readonly tracks: readonly TrackView[];
  /** Spotify's count at the last sync; null until the cache has answered or before any sync. */
  readonly total: number | null;
  readonly lastSyncedAt: number | null;
  /** `loading`: the first read of the cache is under way and there is nothing to show yet. */
  readonly phase: 'idle' | 'loading' | 'ready';
  /** A sync (and the read of its result) is running. */
  readonly syncing: boolean;
  /** The last progress event of the running sync. */
  readonly progress: SyncProgressView | null;
  readonly error: LibraryFailure | null;
}

export const idleLibrary: LibraryState = {
  tracks: [],
  total: null,
  lastSyncedAt: null,
  phase: 'idle',
  syncing: false,
  progress: null,
  error: null,
};

export interface LibraryStoreOptions {
  /** How old a library may be before opening the account syncs it; 0 = always. */
  readonly maxAgeMinutes: () => number;
}

// Sign-in problems are shown by the account page itself; once the account is back they are moot.
const signInCodes = new Set<FailureCode>([
  'needs_sign_in',
  'invalid_grant',
  'not_allowlisted',
  'unauthorized',
]);

export class LibraryStore {
  readonly #api: BridgeApi;
  readonly #options: LibraryStoreOptions;
  readonly #states = new Map<string, LibraryState>();
  readonly #listeners = new Set<() => void>();
  // The newest read of each account's cache; an older one still running drops its result.
  readonly #reads = new Map<string, number>();
  // Accounts whose last cache read failed: what is shown may be older than the cache.
  readonly #unread = new Set<string>();
  readonly #syncs = new Map<string, Promise<void>>();
  readonly #sorted = new WeakMap<readonly TrackView[], Map<string, readonly TrackView[]>>();
  readonly #searchTexts = new WeakMap<readonly TrackView[], ReadonlyMap<TrackView, string>>();
  #nextRead = 1;

  constructor(api: BridgeApi, options: LibraryStoreOptions) {
    this.#api = api;
    this.#options = options;
  }

  /** Listens for sync progress; returns the function that stops listening. */
  start(): () => void {
    return this.#api.events.on('sync:progress', (progress) => {
      const state = this.#states.get(progress.accountId);
      if (state !== undefined) this.#set(progress.accountId, { progress });
    });
  }

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  /** The account's state; the same object until something about it changes. */
  get = (accountId: string): LibraryState => this.#states.get(accountId) ?? idleLibrary;

  /**
   * The account is on screen: show what is held, read the cache if nothing is, and sync in the
   * background if the library is missing or older than the setting. Never waits for either.
   */
  open(accountId: string): void {
    const state = this.#states.get(accountId);
    if (state === undefined || (state.error?.during === 'load' && state.phase !== 'loading')) {
      void this.#readThenSyncIfStale(accountId);
      return;
    }
    if (state.error !== null && signInCodes.has(state.error.code)) {
      this.#set(accountId, { error: null });
    }
    if (state.phase === 'ready' && this.#isStale(state)) void this.sync(accountId);
  }

  /** Syncs the account now (joins the sync already running), then reads the result. */
  sync(accountId: string): Promise<void> {
    const running = this.#syncs.get(accountId);
    if (running !== undefined) return running;
    const done = this.#sync(accountId).finally(() => this.#syncs.delete(accountId));
    this.#syncs.set(accountId, done);
    return done;
  }

  /** Drops the libraries of accounts no longer listed (removed here or elsewhere). */
  retain(accountIds: readonly string[]): void {
    const keep = new Set(accountIds);
    for (const id of [...this.#states.keys()]) {
      if (!keep.has(id)) {
        this.#states.delete(id);
        this.#reads.delete(id);
        this.#unread.delete(id);
      }
    }
  }

  /** The tracks in this order, sorted once per loaded list and order. */
  sorted(tracks: readonly TrackView[], order: SortOrder): readonly TrackView[] {
    const key = `${order.key}:${order.direction}`;
    let byOrder = this.#sorted.get(tracks);
    if (byOrder === undefined) {
      byOrder = new Map();
      this.#sorted.set(tracks, byOrder);
    }
    let sorted = byOrder.get(key);
    if (sorted === undefined) {
      sorted = sortTracks(tracks, order);
      byOrder.set(key, sorted);
    }
    return sorted;
  }

  /** The search text of each track, built once per loaded list. */
  searchText(tracks: readonly TrackView[]): ReadonlyMap<TrackView, string> {
    let text = this.#searchTexts.get(tracks);
    if (text === undefined) {
      text = searchText(tracks);
      this.#searchTexts.set(tracks, text);
    }
    return text;
  }

  async #readThenSyncIfStale(accountId: string): Promise<void> {
    const read = await this.#read(accountId);
    const state = this.#states.get(accountId);
    if (read && state !== undefined && this.#isStale(state)) await this.sync(accountId);
  }

  async #sync(accountId: string): Promise<void> {
    this.#set(accountId, { syncing: true, progress: null, error: null });
    try {
      const outcome = await unwrap(this.#api.library.sync(accountId));
      const state = this.#states.get(accountId);
      if (state === undefined) return; // the account went away meanwhile
      if (
        outcome.kind === 'unchanged' &&
        state.lastSyncedAt !== null &&
        !this.#unread.has(accountId)
      ) {
        // The cache holds the tracks shown (no read of it has failed since): only the time moves.
        this.#set(accountId, { lastSyncedAt: outcome.lastSyncedAt, total: outcome.total });
      } else {
        await this.#read(accountId);
      }
    } catch (error) {
      this.#fail(accountId, error, 'sync');
    } finally {
      if (this.#states.has(accountId)) this.#set(accountId, { syncing: false, progress: null });
    }
  }

  /**
   * Reads the whole cached library in slices and shows it in one step (one sort, not one per
   * slice). A sync that lands between slices changes `lastSyncedAt`; the read then starts over so
   * the list never mixes two versions. Resolves true when the read was the newest and succeeded.
   */
  async #read(accountId: string): Promise<boolean> {
    const read = this.#nextRead++;
    this.#reads.set(accountId, read);
    const before = this.#states.get(accountId);
    if (before === undefined || before.phase === 'idle') {
      this.#states.set(accountId, { ...idleLibrary, phase: 'loading' });
      this.#emit();
    } else if (before.error?.during === 'load') {
      // Retrying a failed read: say it is under way again (what was shown stays).
      this.#set(accountId, {
        phase: before.tracks.length === 0 ? 'loading' : 'ready',
        error: null,
      });
    }
    try {
      for (let attempt = 1; ; attempt += 1) {
        const slices = await this.#readSlices(accountId);
        if (this.#reads.get(accountId) !== read) return false;
        if (slices === 'changed' && attempt < maxCacheReadAttempts) continue;
        if (slices === 'changed') {
          throw new Error('The saved tracks kept changing while they were read. Try again.');
        }
        this.#unread.delete(accountId);
        this.#set(accountId, {
          tracks: slices.tracks,
          total: slices.cached ? slices.total : null,
          lastSyncedAt: slices.lastSyncedAt,
          phase: 'ready',
          error: null,
        });
        return true;
      }
    } catch (error) {
      if (this.#reads.get(accountId) !== read) return false;
      // The cache may now hold more than is shown: the next sync must read it even if unchanged.
      this.#unread.add(accountId);
      this.#fail(accountId, error, 'load');
      return false;
    }
  }

  async #readSlices(accountId: string): Promise<
    | 'changed'
    | {
        tracks: TrackView[];
        total: number;
        lastSyncedAt: number | null;
        cached: boolean;
      }
  > {
    const tracks: TrackView[] = [];
    let offset: number | null = 0;
    let first: { total: number; lastSyncedAt: number | null; cached: boolean } | null = null;
    while (offset !== null) {
      const slice: CachedTracksView = await unwrap(
        this.#api.library.cached(accountId, { offset, limit: cachedSliceSize }),
      );
      if (first === null) first = slice;
      else if (slice.lastSyncedAt !== first.lastSyncedAt) return 'changed';
      tracks.push(...slice.items);
      offset = slice.nextOffset;
    }
    return {
      tracks,
      total: first?.total ?? 0,
      lastSyncedAt: first?.lastSyncedAt ?? null,
      cached: first?.cached ?? false,
    };
  }

  #isStale(state: LibraryState): boolean {
    if (state.lastSyncedAt === null) return true;
    const maxAgeMs = this.#options.maxAgeMinutes() * 60_000;
    return maxAgeMs === 0 || Date.now() - state.lastSyncedAt >= maxAgeMs;
  }

  #fail(accountId: string, error: unknown, during: LibraryFailure['during']): void {
    const state = this.#states.get(accountId);
    if (state === undefined) return;
    this.#set(accountId, {
      phase: 'ready',
      error: { code: errorCode(error), message: errorSentence(error), during },
    });
  }

  #set(accountId: string, patch: Partial<LibraryState>): void {
    const state = this.#states.get(accountId);
    if (state === undefined) return;
    this.#states.set(accountId, { ...state, ...patch });
    this.#emit();
  }

  #emit(): void {
    for (const listener of this.#listeners) listener();
  }
}
