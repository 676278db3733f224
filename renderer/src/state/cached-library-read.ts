// Reads an account's whole cached library through the bridge: the first slice on its own (so it
// can be shown at once), then the rest asked for all together. A read that straddles a change of
// the cache (its slices of two revisions) says so instead of mixing them.
import { maxCachedTracksPerRequest, type CachedTracksView } from '../app-contract.js';
import { unwrap, type BridgeApi } from '../bridge.js';
import type { LibraryState } from './library-state.js';

/** Slice size for reading the cache: the contract's largest, so a whole read takes fewest requests. */
const cachedSliceSize = maxCachedTracksPerRequest;

/** The whole cached library as one slice, or 'changed' when the cache changed under the read. */
export async function readCachedLibrary(
  api: BridgeApi,
  accountId: string,
  onFirstSlice: (first: CachedTracksView) => void,
): Promise<'changed' | CachedTracksView> {
  const slice = (offset: number) =>
    unwrap(api.library.cached(accountId, { offset, limit: cachedSliceSize }));
  const first = await slice(0);
  if (first.nextOffset === null) return first;
  onFirstSlice(first);
  const offsets: number[] = [];
  for (let offset = first.nextOffset; offset < first.cachedCount; offset += cachedSliceSize) {
    offsets.push(offset);
  }
  // All at once: the main side answers them in turn with no round trip between them.
  const rest = await Promise.all(offsets.map(slice));
  if (rest.some((part) => part.revision !== first.revision)) return 'changed';
  const items = [first, ...rest].flatMap((part) => part.items);
  if (items.length !== first.cachedCount) return 'changed';
  return { ...first, items, nextOffset: null };
}

/** What a read shows of the tracks it got. */
export function shownSlice(
  slice: CachedTracksView,
): Pick<LibraryState, 'tracks' | 'total' | 'lastSyncedAt' | 'error'> {
  return {
    tracks: slice.items,
    total: slice.cached ? slice.total : null,
    lastSyncedAt: slice.lastSyncedAt,
    error: null,
  };
}
