// What changed in an account's library between two revisions, as it crosses the bridge, and the
// pure rule that applies it to the list the page holds. Browser-safe (types and plain functions
// only): the renderer imports it through app-contract.ts, so both sides share one fingerprint
// rule and one way to apply a step.
import { libraryItemKey } from '../library/library-item-key.js';
import type { TrackView } from './contract.js';

export { libraryItemKey };

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
