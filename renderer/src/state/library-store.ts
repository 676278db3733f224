// The saved tracks of every account opened in this session, kept by the app store: opening an
// account shows what it already holds at once, reads the main process's cached library (memory or
// disk, never the network) when it holds nothing yet, and syncs with Spotify in the background
// only when there is no cache or it is older than the setting. Sync progress events, the sync's
// outcome and its failures land here; components read one account's state and never fetch.
// The library is read whole once; after that a sync answers with what changed since the revision
// held here (new tracks on top, tracks gone), applied in place of reading it all again; so does a
// library changed outside a sync (a heart, a job: `library:changed`), through `library:changes`.
// Sorted and searchable forms of the lists are kept in `forms` (track-list-forms.ts), and their
// columns of numbers for comparing accounts in `columns` (made in idle time as each list arrives).
import {
  applyLibraryStep,
  type LibraryAtRevisionView,
  type LibraryChangedView,
  type TrackView,
} from '../app-contract.js';
import { errorCode, unwrap, type BridgeApi } from '../bridge.js';
import type { FailureCode } from '../failure-code.js';
import { errorSentence } from '../format/error-sentences.js';
import { ListColumns } from '../compare/list-columns.js';
import { readCachedLibrary, shownSlice } from './cached-library-read.js';
import { ExternalStore } from './external-store.js';
import { idleLibrary, type LibraryFailure, type LibraryState } from './library-state.js';
import { TrackListForms } from './track-list-forms.js';

/** A sync started over after this many reads that straddled a change of the cache. */
const maxCacheReadAttempts = 3;

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

export class LibraryStore extends ExternalStore {
  /** The sorted and searchable forms of the lists this store hands out. */
  readonly forms = new TrackListForms();
  /** The lists as columns of numbers, for the union of every account's library. */
  readonly columns = new ListColumns();
  readonly #api: BridgeApi;
  readonly #options: LibraryStoreOptions;
  readonly #states = new Map<string, LibraryState>();
  // The revision of the tracks each account shows: what the next sync's changes start from.
  readonly #revisions = new Map<string, string>();
  // The newest read of each account's cache; an older one still running drops its result.
  readonly #reads = new Map<string, number>();
  // Accounts whose last cache read failed: what is shown may be older than the cache.
  readonly #unread = new Set<string>();
  readonly #syncs = new Map<string, Promise<void>>();
  readonly #readsRunning = new Map<string, Promise<boolean>>();
  // Per account, the last catch-up with a library:changed, after the ones before it.
  readonly #catchUps = new Map<string, Promise<void>>();
  #nextRead = 1;

  constructor(api: BridgeApi, options: LibraryStoreOptions) {
    super();
    this.#api = api;
    this.#options = options;
  }

  /** Listens for sync progress and changed libraries; returns the function that stops it. */
  start(): () => void {
    const stops = [
      this.#api.events.on('sync:progress', (progress) => {
        const state = this.#states.get(progress.accountId);
        if (state !== undefined) this.#set(progress.accountId, { progress });
      }),
      this.#api.events.on('library:changed', (change) => this.#changed(change)),
    ];
    return () => {
      for (const stop of stops) stop();
      this.columns.stopPreparing();
    };
  }

  /** The account's state; the same object until something about it changes. */
  get = (accountId: string): LibraryState => this.#states.get(accountId) ?? idleLibrary;

  /**
   * The revision of the tracks `get` shows, once they are read whole: what a job's selection of
   * them names. Null before that.
   */
  revisionOf = (accountId: string): string | null => {
    const state = this.#states.get(accountId);
    if (state === undefined || state.readingRest || this.#unread.has(accountId)) return null;
    return this.#revisions.get(accountId) ?? null;
  };

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

  /**
   * Saves (true) or removes (false) one track for the account; the list shown follows when the
   * core announces the change. Rejects with the BridgeError when the core refuses.
   */
  async setSaved(accountId: string, trackId: string, saved: boolean): Promise<void> {
    await unwrap(this.#api.library.setSaved(accountId, trackId, saved));
  }

  /** Drops the libraries of accounts no longer listed (removed here or elsewhere). */
  retain(accountIds: readonly string[]): void {
    const keep = new Set(accountIds);
    for (const id of [...this.#states.keys()]) {
      if (!keep.has(id)) {
        this.#states.delete(id);
        this.#revisions.delete(id);
        this.#reads.delete(id);
        this.#unread.delete(id);
        this.#catchUps.delete(id);
        this.columns.forget(id);
      }
    }
  }

  /** The core changed the account's library: catch up after the catch-ups before, one by one. */
  #changed({ accountId, revision }: LibraryChangedView): void {
    if (!this.#states.has(accountId)) return; // never opened: its first read gets it all
    const before = this.#catchUps.get(accountId) ?? Promise.resolve();
    const next = before.then(() => this.#catchUp(accountId, revision));
    this.#catchUps.set(accountId, next);
    const forget = () => {
      if (this.#catchUps.get(accountId) === next) this.#catchUps.delete(accountId);
    };
    next.then(forget, forget);
  }

  async #catchUp(accountId: string, revision: string | null): Promise<void> {
    // A sync or read under way ends at a revision of its own: catch up from there.
    await this.#syncs.get(accountId);
    await this.#readsRunning.get(accountId);
    const state = this.#states.get(accountId);
    if (state?.phase !== 'ready') return;
    if (revision !== null && this.#revisions.get(accountId) === revision) return;
    const since = this.#unread.has(accountId) ? null : (this.#revisions.get(accountId) ?? null);
    try {
      if (since !== null) {
        const answer = await unwrap(this.#api.library.changes(accountId, { since }));
        if (!this.#states.has(accountId) || this.#apply(accountId, since, answer)) return;
      }
      await this.#read(accountId);
    } catch (error) {
      // What is shown is behind the core's: the next sync or read must start from nothing.
      this.#unread.add(accountId);
      this.#fail(accountId, error, 'load');
    }
  }

  async #readThenSyncIfStale(accountId: string): Promise<void> {
    const read = await this.#read(accountId);
    const state = this.#states.get(accountId);
    if (read && state !== undefined && this.#isStale(state)) await this.sync(accountId);
  }

  async #sync(accountId: string): Promise<void> {
    this.#set(accountId, { syncing: true, progress: null, error: null });
    try {
      // A read under way (the rest after the first slice): its revision is the one to start from.
      await this.#readsRunning.get(accountId);
      // A failed read since: what is shown may be older than the revision held, so ask for all.
      const since = this.#unread.has(accountId) ? null : (this.#revisions.get(accountId) ?? null);
      const outcome = await unwrap(this.#api.library.sync(accountId, { since }));
      const state = this.#states.get(accountId);
      if (state === undefined) return; // the account went away meanwhile
      if (!this.#apply(accountId, since, outcome)) await this.#read(accountId);
    } catch (error) {
      this.#fail(accountId, error, 'sync');
    } finally {
      if (this.#states.has(accountId)) this.#set(accountId, { syncing: false, progress: null });
    }
  }

  /**
   * Applies what changed (a sync's answer, or `library:changes`'s) to what is shown, if it starts
   * from it: false when the library must be read again instead (told so, or a read of it started
   * or failed meanwhile).
   */
  #apply(accountId: string, since: string | null, outcome: LibraryAtRevisionView): boolean {
    const { changes, revision } = outcome;
    if (since === null || revision === null || changes.kind === 'reload') return false;
    if (this.#revisions.get(accountId) !== since || this.#unread.has(accountId)) return false;
    const state = this.#states.get(accountId);
    if (state === undefined || state.readingRest) return false;
    const tracks =
      changes.kind === 'none'
        ? state.tracks
        : changes.steps.reduce<readonly TrackView[]>(applyLibraryStep, state.tracks);
    if (tracks !== state.tracks) {
      this.forms.carryOver(state.tracks, tracks);
      this.columns.carryOver(state.tracks, tracks);
      this.columns.prepareLater(accountId, tracks);
    }
    this.#revisions.set(accountId, revision);
    // Only the time moves when nothing changed: the same list keeps its sorted and search forms.
    this.#set(accountId, { tracks, total: outcome.total, lastSyncedAt: outcome.lastSyncedAt });
    return true;
  }

  /**
   * Reads the whole cached library: the first slice is shown at once, the rest is asked for all
   * together and shown in one step (one sort, not one per slice). A sync that lands between
   * slices changes the revision; the read then starts over so the list never mixes two
   * versions. Resolves true when the read was the newest and succeeded.
   */
  #read(accountId: string): Promise<boolean> {
    const running = this.#readAll(accountId);
    this.#readsRunning.set(accountId, running);
    const forget = () => {
      if (this.#readsRunning.get(accountId) === running) this.#readsRunning.delete(accountId);
    };
    running.then(forget, forget);
    return running;
  }

  async #readAll(accountId: string): Promise<boolean> {
    const read = this.#nextRead++;
    this.#reads.set(accountId, read);
    const before = this.#states.get(accountId);
    if (before === undefined || before.phase === 'idle') {
      this.#states.set(accountId, { ...idleLibrary, phase: 'loading' });
      this.notify();
    } else if (before.error?.during === 'load') {
      // Retrying a failed read: say it is under way again (what was shown stays).
      this.#set(accountId, {
        phase: before.tracks.length === 0 ? 'loading' : 'ready',
        error: null,
      });
    }
    const current = () => this.#reads.get(accountId) === read;
    try {
      for (let attempt = 1; ; attempt += 1) {
        const slices = await readCachedLibrary(this.#api, accountId, (first) => {
          // Nothing shown yet: the first rows need not wait for the rest.
          if (current() && this.#states.get(accountId)?.phase === 'loading') {
            this.#set(accountId, { ...shownSlice(first), phase: 'ready', readingRest: true });
          }
        });
        if (!current()) return false;
        if (slices === 'changed' && attempt < maxCacheReadAttempts) continue;
        if (slices === 'changed') {
          throw new Error('The saved tracks kept changing while they were read. Try again.');
        }
        this.#unread.delete(accountId);
        if (slices.revision === null) this.#revisions.delete(accountId);
        else this.#revisions.set(accountId, slices.revision);
        this.#set(accountId, { ...shownSlice(slices), phase: 'ready', readingRest: false });
        this.columns.prepareLater(accountId, slices.items);
        return true;
      }
    } catch (error) {
      if (!current()) return false;
      // The cache may now hold more than is shown: the next sync must read it even if unchanged.
      this.#unread.add(accountId);
      this.#set(accountId, { readingRest: false });
      this.#fail(accountId, error, 'load');
      return false;
    }
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
    this.notify();
  }
}
