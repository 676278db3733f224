// The cache writes of one library sync, one after another. Those queued before a cancel still run
// (the page is in hand; `settled()` waits for them); none is queued after it (the folder may be
// gone). What to write and when is library-sync.ts's business; how to write is LibraryCache's.
import type { SavedTrack } from '../spotify/models.js';
import type { LibraryCache } from './library-cache.js';
import { LibraryError, syncCancelled } from './library-error.js';
import { errorCodeOf } from '../errors/app-error.js';

export interface SyncWritesOptions {
  readonly cache: LibraryCache;
  readonly accountId: string;
  readonly signal?: AbortSignal;
  /** Operational messages (a partial-progress write that failed); never track data or tokens. */
  readonly log?: (message: string) => void;
}

export class SyncWrites {
  readonly #options: SyncWritesOptions;
  #writes: Promise<void> = Promise.resolve();

  constructor(options: SyncWritesOptions) {
    this.#options = options;
  }

  /** Runs `work` after the writes queued before it; rejects at once once the sync is cancelled. */
  write(work: (cache: LibraryCache, accountKey: string) => Promise<void>): Promise<void> {
    const { cache, accountId, signal } = this.#options;
    if (signal?.aborted) return Promise.reject(syncCancelled());
    const run = this.#writes.then(() => work(cache, accountId));
    this.#writes = run.catch(() => undefined);
    return run;
  }

  // Partial progress is a speed-up for an interrupted sync; failing to store it is not worth
  // failing the sync over.
  appendPage(offset: number, tracks: readonly SavedTrack[]): void {
    this.write((cache, key) => cache.appendPartialPage(key, offset, tracks)).catch(
      (error: unknown) => {
        if (error instanceof LibraryError && error.code === 'library_sync_cancelled') return;
        this.#options.log?.(`Could not store library sync progress (${errorCodeOf(error)}).`);
      },
    );
  }

  /** Resolves once no write queued so far is running. */
  settled(): Promise<void> {
    return this.#writes;
  }
}
