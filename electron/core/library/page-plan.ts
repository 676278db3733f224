// Which pages of saved tracks a sync asks for, and how the pages it got make a library: offset
// arithmetic over Spotify's fixed page size, with no network and no disk. library-sync.ts does the
// fetching, the ordering of requests and the writing.
import type { SavedTrack, SavedTracksPage } from '../spotify/models.js';
import { MAX_SAVED_TRACKS_PAGE_SIZE } from '../spotify/spotify-api-client.js';
import { itemFingerprint, type LibrarySnapshot } from './library-snapshot.js';

export const PAGE_SIZE = MAX_SAVED_TRACKS_PAGE_SIZE;

/** Offsets after page 0 down to the old newest item, when `added` items came on top. */
export function pagesDownToCached(added: number, total: number): number[] {
  const offsets: number[] = [];
  for (let offset = PAGE_SIZE; offset <= added && offset < total; offset += PAGE_SIZE) {
    offsets.push(offset);
  }
  return offsets;
}

/** Offsets after page 0 of a library of `total` items that `stored` does not hold yet. */
export function missingPages(total: number, stored: ReadonlyMap<number, unknown>): number[] {
  const missing: number[] = [];
  for (let offset = PAGE_SIZE; offset < total; offset += PAGE_SIZE) {
    if (!stored.has(offset)) missing.push(offset);
  }
  return missing;
}

/**
 * The `added` items on top of `cached`, read from page 0 (`first`) and the pages down to the old
 * newest item; null when something besides additions happened and only a full sync is safe. The
 * old newest item must sit exactly `added` places down, followed by the cached items in order.
 */
export function newItemsOnTop(
  first: SavedTracksPage,
  pages: ReadonlyMap<number, SavedTracksPage>,
  added: number,
  cached: LibrarySnapshot,
): SavedTrack[] | null {
  const seen: SavedTrack[] = [];
  for (const offset of [0, ...pagesDownToCached(added, first.total)]) {
    const page = offset === 0 ? first : pages.get(offset);
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

/** Every track of the pages, in offset order. */
export function tracksInOrder(pages: ReadonlyMap<number, readonly SavedTrack[]>): SavedTrack[] {
  return [...pages.keys()].sort((a, b) => a - b).flatMap((offset) => pages.get(offset) ?? []);
}

export function countTracks(pages: ReadonlyMap<number, readonly SavedTrack[]>): number {
  let count = 0;
  for (const tracks of pages.values()) count += tracks.length;
  return count;
}
