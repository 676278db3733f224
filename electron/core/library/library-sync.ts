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
import PQueue from 'p-queue';
import type { Clock } from '../clock.js';
import type { SavedTrack, SavedTracksPage } from '../spotify/models.js';
import type { StorageNotice } from '../storage/storage-notice.js';
import type { LibraryCache, PartialSync } from './library-cache.js';
import { LibraryError, syncCancelled } from './library-error.js';
import { itemFingerprint, type LibrarySnapshot } from './library-snapshot.js';
import { SyncWrites } from './sync-writes.js';
import {
  PAGE_SIZE,
  countTracks,
  missingPages,
  newItemsOnTop,
  pagesDownToCached,
  tracksInOrder,
} from './page-plan.js';

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
  readonly #maxAttempts: number;
  // Everything this sync waits for from outside (pages, the partial file): at most `pageWindow`
  // at once, in the order asked, each dropped or let go the moment the sync is cancelled.
  readonly #queue: PQueue;
  readonly #writes: SyncWrites;
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
    this.#queue = new PQueue({ concurrency: window });
    this.#writes = new SyncWrites(options);
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
    return this.#writes.settled();
  }

  async #resync(cached: LibrarySnapshot, first: SavedTracksPage): Promise<SyncOutcome> {
    const cachedFirst = itemFingerprint(cached.tracks[0]);
    if (first.total === cached.total && itemFingerprint(first.items[0]) === cachedFirst) {
      // Nothing to write: the registry records when the library was last confirmed.
      return this.#outcome({ ...cached, lastSyncedAt: this.#now() }, 'unchanged');
    }
    const added = first.total - cached.total;
    if (added > 0 && cachedFirst !== null) {
      const pages = new Map<number, SavedTracksPage>();
      this.#emit('fetching');
      await this.#fetchAll(pagesDownToCached(added, first.total), (offset, page) => {
        pages.set(offset, page);
        return page.total === first.total ? 'continue' : 'stop';
      });
      const newOnTop = newItemsOnTop(first, pages, added, cached);
      if (newOnTop !== null) {
        const library = {
          tracks: [...newOnTop, ...cached.tracks],
          total: first.total,
          lastSyncedAt: this.#now(),
        };
        this.#loaded = library.tracks.length;
        this.#emit('saving');
        await this.#writes.write((cache, key) => cache.save(key, library));
        return this.#outcome(library, 'incremental');
      }
    }
    return this.#fullSync(first, 1);
  }

  async #fullSync(first: SavedTracksPage, attempt: number): Promise<SyncOutcome> {
    const { total } = first;
    const firstItem = itemFingerprint(first.items[0]);
    this.#total = total;
    const pages = await this.#startPartial(total, firstItem);
    if (!pages.has(0)) {
      pages.set(0, first.items);
      this.#writes.appendPage(0, first.items);
    }
    this.#loaded = countTracks(pages);
    this.#emit('fetching');

    let changed = false;
    await this.#fetchAll(missingPages(total, pages), (offset, page) => {
      if (page.total !== total) {
        changed = true;
        return 'stop';
      }
      pages.set(offset, page.items);
      this.#writes.appendPage(offset, page.items);
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

    const library: LibrarySnapshot = {
      tracks: tracksInOrder(pages),
      total,
      lastSyncedAt: this.#now(),
    };
    this.#emit('saving');
    await this.#writes.write((cache, key) => cache.save(key, library));
    await this.#writes.write((cache, key) => cache.clearPartial(key));
    return this.#outcome(library, 'full');
  }

  // Resumes the partial file only when it began from this same library state (same total, same
  // newest item); otherwise its offsets may be shifted and it starts afresh.
  async #startPartial(
    total: number,
    first: string | null,
  ): Promise<Map<number, readonly SavedTrack[]>> {
    const { cache, accountId } = this.#options;
    const read = await this.#untilCancelled(() => cache.loadPartial(accountId));
    if (read.notice !== null) this.#options.onNotice?.(read.notice);
    const partial: PartialSync | null = read.value;
    if (partial !== null && partial.total === total && partial.first === first) {
      return new Map(partial.pages);
    }
    await this.#writes.write((c, key) =>
      c.beginPartial(key, { total, first, startedAt: this.#now() }),
    );
    return new Map();
  }

  /**
   * Requests the pages in order, at most `pageWindow` outstanding. The first failure stops new
   * requests; those already sent finish before it is rethrown, their pages unused. A cancel
   * rejects at once.
   */
  async #fetchAll(
    offsets: readonly number[],
    onPage: (offset: number, page: SavedTracksPage) => 'continue' | 'stop',
  ): Promise<void> {
    let stopped = false;
    let failure: { error: unknown } | null = null;
    // Pages that ran their course; those a cancel dropped from the queue or cut off never do.
    let finished = 0;
    for (const offset of offsets) {
      const page = async ({ signal }: { signal?: AbortSignal }) => {
        try {
          if (!stopped && failure === null) {
            const answer = await this.#requestPage(offset, signal);
            if (signal?.aborted) return;
            if (failure === null && onPage(offset, answer) === 'stop') stopped = true;
          }
        } catch (error) {
          if (signal?.aborted) return;
          failure ??= { error };
        }
        finished += 1;
      };
      // Rejects only when a cancel drops or cuts off the page, which `finished` tells below.
      this.#queue.add(page, this.#cancelOptions()).catch(() => undefined);
    }
    await this.#queue.onIdle();
    if (failure !== null) throw (failure as { error: unknown }).error;
    if (finished < offsets.length) throw syncCancelled();
  }

  #fetch(offset: number): Promise<SavedTracksPage> {
    return this.#untilCancelled((signal) => this.#requestPage(offset, signal));
  }

  #requestPage(offset: number, signal: AbortSignal | undefined): Promise<SavedTracksPage> {
    this.#pageRequests += 1;
    return this.#options.fetchPage(offset, PAGE_SIZE, signal);
  }

  /** `work` in a queue slot; rejects with `library_sync_cancelled` the moment the sync is. */
  async #untilCancelled<T>(work: (signal: AbortSignal | undefined) => Promise<T>): Promise<T> {
    try {
      return await this.#queue.add(({ signal }) => work(signal), this.#cancelOptions());
    } catch (error) {
      throw this.#options.signal?.aborted ? syncCancelled() : error;
    }
  }

  // A signal of its own for each piece of work, following the sync's: the queue and the scheduler
  // listen to a request's signal in several places, and that many per page on the sync's signal
  // would pass Node's limit of listeners, which it reports as a leak.
  #cancelOptions(): { signal?: AbortSignal } {
    const { signal } = this.#options;
    return signal === undefined ? {} : { signal: AbortSignal.any([signal]) };
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
