// The library as it crosses the bridge: its tracks, a sync's outcome, slices of the cache, and
// what changed between two revisions with the pure rule that applies it to the list the page
// holds. Part of the IPC contract (contract.ts re-exports the views). Browser-safe: types and
// plain functions only; the renderer imports it through app-contract.ts, so both sides share one
// item-key rule and one way to apply a step.
import type { SyncKind, SyncPhase } from '../library/library-sync.js';
import { libraryItemKey } from '../library/library-item-key.js';
import type { SavedTrack } from '../spotify/models.js';

export { libraryItemKey };

/** A saved track as the renderer gets it: the core's model with artists flattened to names. */
export type TrackView = Omit<SavedTrack, 'artists'> & { readonly artists: readonly string[] };

export interface TracksPageView {
  readonly items: readonly TrackView[];
  readonly total: number;
  readonly offset: number;
  readonly nextOffset: number | null;
}

/**
 * What one library sync did, and what changed since the revision the page named in `since`: the
 * page applies `changes`, or reads the library again with `library:cached` when told to reload.
 */
export interface LibrarySyncView extends LibraryAtRevisionView {
  readonly kind: SyncKind;
}

/**
 * The library the core holds now and what changed since the revision the page named: answers
 * `library:changes`, which the page asks after `library:changed` (a job or a heart wrote to it).
 */
export interface LibraryAtRevisionView {
  readonly total: number;
  readonly lastSyncedAt: number;
  /** The revision `changes` lead to; null when the page must read the library again. */
  readonly revision: string | null;
  readonly changes: LibraryChanges;
}

/**
 * A slice of the account's last synced library, read from memory or disk and never the network.
 * Before any sync: `cached` false, no items, `lastSyncedAt` null. `total` is Spotify's count (it
 * may include items Spotify no longer serves); `nextOffset` is null after the last slice.
 */
export interface CachedTracksView {
  readonly items: readonly TrackView[];
  readonly total: number;
  readonly offset: number;
  readonly nextOffset: number | null;
  readonly lastSyncedAt: number | null;
  readonly cached: boolean;
  /** Tracks held (Spotify's `total` may count more): the slices a whole read takes. */
  readonly cachedCount: number;
  /** The library's revision: slices of one read must all have the same. Null before any sync. */
  readonly revision: string | null;
}

export interface SyncProgressView {
  readonly accountId: string;
  readonly loaded: number;
  readonly total: number;
  readonly phase: SyncPhase;
}

/** One sync's difference: new items at the top (newest first), and items no longer saved. */
export interface LibraryStep {
  readonly added: readonly TrackView[];
  /** `libraryItemKey` of each item removed. */
  readonly removed: readonly string[];
}

/**
 * `none`: the tracks are those of the revision the page has. `delta`: apply the steps in order.
 * `reload`: the page's revision is unknown here or too old (the app restarted, a full sync replaced
 * the library, or the change is larger than reading it again): read the library again.
 */
export type LibraryChanges =
  | { readonly kind: 'none' }
  | { readonly kind: 'delta'; readonly steps: readonly LibraryStep[] }
  | { readonly kind: 'reload' };

/** The list after one step: its removed items dropped, its added items on top. */
export function applyLibraryStep(tracks: readonly TrackView[], step: LibraryStep): TrackView[] {
  const removed = new Set(step.removed);
  const kept = removed.size === 0 ? tracks : tracks.filter((t) => !removed.has(libraryItemKey(t)));
  return [...step.added, ...kept];
}
