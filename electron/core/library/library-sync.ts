// One sync of one account's saved tracks against Spotify, starting from the cached library if any.
// - Re-sync: page 0 alone tells most cases. Same `total` and newest item → nothing changed (one
//   request). K more items and the old newest item exactly K places down → fetch only the pages
//   up to it (ceil(K/50) requests, at most one more) and put the new items on top. Anything else
//   (removals, re-saves, items Spotify stopped serving) → a full sync, reusing page 0.
// - Full sync: page 0 gives `total`; the other pages are requested together and the shared
//   scheduler decides how many are on the wire (this module keeps only a small window of pages
//   outstanding, so the scheduler's queue stays fair to other accounts). Pages arrive in any
//   order and are assembled by offset; each is appended to the partial file, so an interrupted
//   sync resumes without fetching them again. A last look at page 0 checks the library did not
//   change meanwhile (new items shift every offset); if it did, the full sync starts over.
// Cancel with the AbortSignal: the sync rejects at once with `library_sync_cancelled`, its pages
// still queued or waiting out a pause are dropped unsent and those on the wire aborted (the signal
// goes with each request to the scheduler), and `writesSettled()` says when it will never touch
// the disk again.
import { getMaxListeners, setMaxListeners } from 'node:events';
import type { Clock } from '../clock.js';
import type { SavedTrack, SavedTracksPage } from '../spotify/models.js';
import { MAX_SAVED_TRACKS_PAGE_SIZE } from '../spotify/spotify-api-client.js';
import type { StorageNotice } from '../storage/storage-notice.js';
import type { LibraryCache, PartialSync } from './library-cache.js';
import { LibraryError, syncCancelled } from './library-error.js';
import { itemFingerprint, type LibrarySnapshot } from './library-snapshot.js';

const PAGE_SIZE = MAX_SAVED_TRACKS_PAGE_SIZE;

export type SyncPhase = 'checking' | 'fetching' | 'saving' | 'done' | 'failed';

export interface SyncProgress {
  readonly accountId: string;
  /** Tracks known so far in this sync. */
  readonly loaded: number;
  /** Spotify's `total`, once page 0 has told it (before that: the cached total, or 0). */
  readonly total: number;
  readonly phase: SyncPhase;
}

export type SyncKind = 'unchanged' | 'incremental' | 'full';

export interface SyncOutcome {
  readonly library: LibrarySnapshot;
  readonly kind: SyncKind;
  /** Page requests this sync made (retries inside the scheduler not counted). */
  readonly pageRequests: number;
}

/** One page; `signal` cancels it (aborted when the sync is cancelled: it then sends no more). */
export type FetchSavedTracksPage = (
  offset: number,
  limit: number,
  signal: AbortSignal | undefined,
) => Promise<SavedTracksPage>;

export interface LibrarySyncOptions {
  readonly accountId: string;
  readonly fetchPage: FetchSavedTracksPage;
  readonly cache: LibraryCache;
  readonly clock: Clock;
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: SyncProgress) => void;
  /** A cache file that had to be set aside. */
  readonly onNotice?: (notice: StorageNotice) => void;
  /** Operational messages (a partial-progress write that failed); never track data or tokens. */
  readonly log?: (message: string) => void;
  /**
   * Page requests kept outstanding at once; the scheduler bounds those on the wire. Default 6, the
   * scheduler's default concurrency: more would only wait in its queue.
   */
  readonly pageWindow?: number;
  /** Full syncs started over when the library keeps changing underneath. Default 3. */
  readonly maxFullSyncAttempts?: number;
}

export class LibrarySync {
  readonly #options: LibrarySyncOptions;
  readonly #window: number;
  readonly #maxAttempts: number;
  #writes: Promise<void> = Promise.resolve();
  #pageRequests = 0;
  #loaded = 0;
  #total = 0;

  constructor(options: LibrarySyncOptions) {
    const window = options.pageWindow ?? 6;
    const attempts = options.maxFullSyncAttempts ?? 3;
    if (!Number.isInteger(window) || window < 1 || !Number.isInteger(attempts) || attempts < 1) {
      throw new LibraryError(
        'invalid_library_option',
        'The page window and the number of full-sync attempts must be whole numbers of at least 1.',
      );
    }
    this.#options = options;
    this.#window = window;
    // One listener per page outstanding (see #fetch), and a few of the caller's own.
    if (options.signal !== undefined && getMaxListeners(options.signal) < window + 5) {
      setMaxListeners(window + 5, options.signal);
    }
    this.#maxAttempts = attempts;
  }

  /** Runs once; `cached` is the complete library of the last sync, or null for a first sync. */
  async run(cached: LibrarySnapshot | null): Promise<SyncOutcome> {
    this.#loaded = cached?.tracks.length ?? 0;
    this.#total = cached?.total ?? 0;
    this.#emit('checking');
    try {
      const first = await this.#fetch(0);
      this.#total = first.total;
      const outcome =
        cached === null ? await this.#fullSync(first, 1) : await this.#resync(cached, first);
      this.#loaded = outcome.library.tracks.length;
      this.#emit('done');
      return outcome;
    } catch (error) {
      this.#emit('failed');
      throw error;
    }
  }

  /** Resolves once no cache write of this sync is running; after a cancel none starts again. */
  writesSettled(): Promise<void> {
    return this.#writes;
  }

  async #resync(cached: LibrarySnapshot, first: SavedTracksPage): Promise<SyncOutcome> {
    const cachedFirst = itemFingerprint(cached.tracks[0]);
    if (first.total === cached.total && itemFingerprint(first.items[0]) === cachedFirst) {
      // Nothing to write: the registry records when the library was last confirmed.
      return this.#outcome({ ...cached, lastSyncedAt: this.#now() }, 'unchanged');
    }
    const added = first.total - cached.total;
    if (added > 0 && cachedFirst !== null) {
      const newOnTop = await this.#newItemsOnTop(first, added, cached);
      if (newOnTop !== null) {
        const library = {
          tracks: [...newOnTop, ...cached.tracks],
          total: first.total,
          lastSyncedAt: this.#now(),
        };
        this.#loaded = library.tracks.length;
        this.#emit('saving');
        await this.#write((cache, key) => cache.save(key, library));
        return this.#outcome(library, 'incremental');
      }
    }
    return this.#fullSync(first, 1);
  }

  // The old newest item must sit exactly `added` places down, followed by the cached items in
  // order; otherwise something besides additions happened and only a full sync is safe.
  async #newItemsOnTop(
    first: SavedTracksPage,
    added: number,
    cached: LibrarySnapshot,
  ): Promise<SavedTrack[] | null> {
    const offsets: number[] = [];
    for (let offset = PAGE_SIZE; offset <= added && offset < first.total; offset += PAGE_SIZE) {
      offsets.push(offset);
    }
    const pages = new Map<number, SavedTracksPage>([[0, first]]);
    this.#emit('fetching');
    await this.#fetchAll(offsets, (offset, page) => {
      pages.set(offset, page);
      return page.total === first.total ? 'continue' : 'stop';
    });
    const seen: SavedTrack[] = [];
    for (const offset of [0, ...offsets]) {
      const page = pages.get(offset);
      // A short page (an item Spotify cannot serve) breaks the index arithmetic.
      if (page === undefined || page.total !== first.total) return null;
      if (page.items.length !== Math.min(PAGE_SIZE, first.total - offset)) return null;
      seen.push(...page.items);
    }
    if (seen.length <= added) return null;
    for (let index = added; index < seen.length; index += 1) {
      if (itemFingerprint(seen[index]) !== itemFingerprint(cached.tracks[index - added])) {
        return null;
      }
    }
    return seen.slice(0, added);
  }

  async #fullSync(first: SavedTracksPage, attempt: number): Promise<SyncOutcome> {
    const { total } = first;
    const firstItem = itemFingerprint(first.items[0]);
    this.#total = total;
    const pages = await this.#startPartial(total, firstItem);
    if (!pages.has(0)) {
      pages.set(0, first.items);
      this.#appendPage(0, first.items);
    }
    this.#loaded = countTracks(pages);
    this.#emit('fetching');

    const missing: number[] = [];
    for (let offset = PAGE_SIZE; offset < total; offset += PAGE_SIZE) {
      if (!pages.has(offset)) missing.push(offset);
    }
    let changed = false;
    await this.#fetchAll(missing, (offset, page) => {
      if (page.total !== total) {
        changed = true;
        return 'stop';
      }
      pages.set(offset, page.items);
      this.#appendPage(offset, page.items);
      this.#loaded += page.items.length;
      this.#emit('fetching');
      return 'continue';
    });

    const recheck = await this.#fetch(0);
    if (changed || recheck.total !== total || itemFingerprint(recheck.items[0]) !== firstItem) {
      if (attempt >= this.#maxAttempts) {
        throw new LibraryError(
          'library_kept_changing',
          `The library changed during ${attempt} full syncs in a row; try again later.`,
        );
      }
      return this.#fullSync(recheck, attempt + 1);
    }

    const tracks = [...pages.keys()]
      .sort((a, b) => a - b)
      .flatMap((offset) => pages.get(offset) ?? []);
    const library: LibrarySnapshot = { tracks, total, lastSyncedAt: this.#now() };
    this.#emit('saving');
    await this.#write((cache, key) => cache.save(key, library));
    await this.#write((cache, key) => cache.clearPartial(key));
    return this.#outcome(library, 'full');
  }

  // Resumes the partial file only when it began from this same library state (same total, same
  // newest item); otherwise its offsets may be shifted and it starts afresh.
  async #startPartial(
    total: number,
    first: string | null,
  ): Promise<Map<number, readonly SavedTrack[]>> {
    const { cache, accountId } = this.#options;
    const read = await this.#untilAborted(cache.loadPartial(accountId));
    if (read.notice !== null) this.#options.onNotice?.(read.notice);
    const partial: PartialSync | null = read.value;
    if (partial !== null && partial.total === total && partial.first === first) {
      return new Map(partial.pages);
    }
    await this.#write((c, key) => c.beginPartial(key, { total, first, startedAt: this.#now() }));
    return new Map();
  }

  /**
   * Requests pages with at most `pageWindow` outstanding. The first failure stops new requests;
   * those already sent finish (their pages are kept) before it is rethrown. A cancel rejects at once.
   */
  async #fetchAll(
    offsets: readonly number[],
    onPage: (offset: number, page: SavedTracksPage) => 'continue' | 'stop',
  ): Promise<void> {
    let next = 0;
    let stopped = false;
    let failure: { error: unknown } | null = null;
    const worker = async () => {
      while (!stopped && failure === null && next < offsets.length) {
        const offset = offsets[next] as number;
        next += 1;
        try {
          const page = await this.#fetch(offset);
          if (failure === null && onPage(offset, page) === 'stop') stopped = true;
        } catch (error) {
          failure ??= { error };
        }
      }
    };
    const workers = Math.min(this.#window, offsets.length);
    await Promise.all(Array.from({ length: workers }, worker));
    if (failure !== null) throw (failure as { error: unknown }).error;
  }

  #fetch(offset: number): Promise<SavedTracksPage> {
    const { fetchPage, signal } = this.#options;
    if (signal?.aborted) return Promise.reject(syncCancelled());
    this.#pageRequests += 1;
    // Each page gets a signal of its own, tied to the sync's by the one listener #untilAborted
    // adds: the scheduler listens to a request's signal in several places, and that many per page
    // on the sync's signal would pass Node's limit of 10 listeners, which it reports as a leak.
    const page = new AbortController();
    return this.#untilAborted(fetchPage(offset, PAGE_SIZE, page.signal), () =>
      page.abort(syncCancelled()),
    );
  }

  /** `work`, or a rejection with `library_sync_cancelled` as soon as the sync is cancelled. */
  #untilAborted<T>(work: Promise<T>, onAbort?: () => void): Promise<T> {
    const { signal } = this.#options;
    if (signal === undefined) return work;
    return new Promise<T>((resolve, reject) => {
      const cancelled = () => {
        onAbort?.();
        reject(syncCancelled());
      };
      if (signal.aborted) cancelled();
      signal.addEventListener('abort', cancelled, { once: true });
      work.then(
        (value) => {
          signal.removeEventListener('abort', cancelled);
          resolve(value);
        },
        (error: unknown) => {
          signal.removeEventListener('abort', cancelled);
          reject(error);
        },
      );
    });
  }

  // Partial progress is a speed-up for an interrupted sync; failing to store it is not worth
  // failing the sync over.
  #appendPage(offset: number, tracks: readonly SavedTrack[]): void {
    this.#write((cache, key) => cache.appendPartialPage(key, offset, tracks)).catch(
      (error: unknown) => {
        if (error instanceof LibraryError && error.code === 'library_sync_cancelled') return;
        this.#options.log?.(`Could not store library sync progress (${describe(error)}).`);
      },
    );
  }

  /**
   * Cache writes run one after another. Those queued before a cancel still run (the page is in
   * hand; `writesSettled()` waits for them); none is queued after it (the folder may be gone).
   */
  #write(work: (cache: LibraryCache, accountKey: string) => Promise<void>): Promise<void> {
    const { cache, accountId, signal } = this.#options;
    if (signal?.aborted) return Promise.reject(syncCancelled());
    const run = this.#writes.then(() => work(cache, accountId));
    this.#writes = run.catch(() => undefined);
    return run;
  }

  #outcome(library: LibrarySnapshot, kind: SyncKind): SyncOutcome {
    return { library, kind, pageRequests: this.#pageRequests };
  }

  #emit(phase: SyncPhase): void {
    const { onProgress, accountId } = this.#options;
    onProgress?.({ accountId, loaded: this.#loaded, total: this.#total, phase });
  }

  #now(): number {
    return this.#options.clock.now();
  }
}

function countTracks(pages: Map<number, readonly SavedTrack[]>): number {
  let count = 0;
  for (const tracks of pages.values()) count += tracks.length;
  return count;
}

function describe(error: unknown): string {
  return error instanceof Error && 'code' in error ? String(error.code) : 'unexpected error';
}
