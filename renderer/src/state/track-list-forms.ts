// The sorted and searchable forms of loaded track lists, made once and kept beside the lists, so
// a table remounted on switching back does not sort 50,000 tracks again, and a list after a
// sync's changes is merged from the one before instead of sorted and lower-cased anew.
import type { TrackView } from '../app-contract.js';
import {
  mergeSorted,
  sortTracks,
  trackSearchText,
  type SearchTexts,
  type SortOrder,
} from '../tracks/track-order.js';

interface SortedForm {
  readonly order: SortOrder;
  readonly tracks: readonly TrackView[];
}

export class TrackListForms {
  readonly #sorted = new WeakMap<readonly TrackView[], Map<string, SortedForm>>();
  // Per track, not per list: a list after a sync's changes shares most of its tracks with the one
  // before, and their texts are not made again.
  readonly #texts = new WeakMap<TrackView, string>();
  readonly #searchTexts: SearchTexts = {
    get: (track) => {
      let text = this.#texts.get(track);
      if (text === undefined) {
        text = trackSearchText(track);
        this.#texts.set(track, text);
      }
      return text;
    },
  };

  /** The tracks in this order, sorted once per list and order. */
  sorted(tracks: readonly TrackView[], order: SortOrder): readonly TrackView[] {
    const key = `${order.key}:${order.direction}`;
    let byOrder = this.#sorted.get(tracks);
    if (byOrder === undefined) {
      byOrder = new Map();
      this.#sorted.set(tracks, byOrder);
    }
    let sorted = byOrder.get(key);
    if (sorted === undefined) {
      sorted = { order, tracks: sortTracks(tracks, order) };
      byOrder.set(key, sorted);
    }
    return sorted.tracks;
  }

  /** The search text of each track, made once per track. */
  searchTexts(): SearchTexts {
    return this.#searchTexts;
  }

  /**
   * `after` is `before` with a sync's changes applied: the orders `before` was sorted in are made
   * for `after` by merging the new tracks in (a sync that adds 30 tracks to 50,000 should not sort
   * 50,000 again).
   */
  carryOver(before: readonly TrackView[], after: readonly TrackView[]): void {
    const byOrder = this.#sorted.get(before);
    if (byOrder === undefined) return;
    const held = new Set(before);
    const added = after.filter((track) => !held.has(track));
    // What is left in `held` afterwards is what the changes took out.
    for (const track of after) held.delete(track);
    const carried = new Map<string, SortedForm>();
    for (const [key, { order, tracks }] of byOrder) {
      carried.set(key, { order, tracks: mergeSorted(tracks, added, held, order) });
    }
    this.#sorted.set(after, carried);
  }
}
