// What the app knows about one account's saved tracks: the tracks newest first, Spotify's `total`
// when they were fetched, and when. The fingerprint of the newest item plus `total` is what a
// re-sync compares to tell "nothing changed" from one page of Spotify's answer.
import { libraryItemKey } from './library-item-key.js';
import type { SavedTrack } from '../spotify/models.js';

export interface LibrarySnapshot {
  /** Newest first, as Spotify orders them. */
  readonly tracks: readonly SavedTrack[];
  /** Spotify's `total` (items Spotify can no longer serve are counted there but not listed). */
  readonly total: number;
  /** When Spotify last confirmed these tracks, epoch milliseconds. */
  readonly lastSyncedAt: number;
}

/** Identifies one saved item: the same track saved again gets a new `addedAt`. */
export function itemFingerprint(track: SavedTrack | undefined): string | null {
  return track === undefined ? null : libraryItemKey(track);
}
