// What the page knows of one account's saved tracks at a moment: an immutable snapshot the
// library store replaces on every change, and the screen renders.
import type { SyncProgressView, TrackView } from '../app-contract.js';
import type { FailureCode } from '../failure-code.js';

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
  /** The first slice is shown and the rest of the library is still being read. */
  readonly readingRest: boolean;
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
  readingRest: false,
  syncing: false,
  progress: null,
  error: null,
};
