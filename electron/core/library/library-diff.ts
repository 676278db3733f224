// The step between two versions of a library, when there is a simple one: some new items on top,
// some items gone, the order of the rest kept (what an incremental sync produces). Pure; used by
// the core's revisions and by the renderer tests' fake bridge, for tracks in either form.
import { libraryItemKey } from './library-item-key.js';

type LibraryItem = Parameters<typeof libraryItemKey>[0];

export interface ItemsDiff<T> {
  /** New items, newest first, as they are on top of the newer version. */
  readonly added: readonly T[];
  /** `libraryItemKey` of each item of the older version no longer there. */
  readonly removed: readonly string[];
}

/**
 * A step larger than this is not worth sending as one: a page reads the whole library in slices
 * of this size anyway, and a change this large is rare (a first sync, an import).
 */
export const maxStepItems = 5000;

/**
 * The step from `before` to `after` when `after` is some new items on top of `before` with some
 * of its items gone, order otherwise kept (what an incremental sync produces); null otherwise, or
 * when the step would be larger than reading the library again.
 */
export function diffLibraries<T extends LibraryItem>(
  before: readonly T[],
  after: readonly T[],
): ItemsDiff<T> | null {
  const beforeKeys = before.map(libraryItemKey);
  const held = new Set(beforeKeys);
  // Two items with one key (local files saved together can share one): a key could not say
  // which of them went, so the page reads the library again.
  if (held.size !== beforeKeys.length) return null;
  const afterKeys = new Set<string>();
  let top = 0;
  for (; top < after.length; top += 1) {
    const key = libraryItemKey(after[top] as T);
    if (held.has(key)) break;
    if (afterKeys.has(key)) return null;
    afterKeys.add(key);
  }
  if (top > maxStepItems) return null;
  const removed: string[] = [];
  let at = 0;
  for (let i = top; i < after.length; i += 1) {
    const key = libraryItemKey(after[i] as T);
    // Walk `before` to this item; what is passed over is gone. Not found in order: reordered.
    while (at < beforeKeys.length && beforeKeys[at] !== key)
      removed.push(beforeKeys[at++] as string);
    if (at === beforeKeys.length) return null;
    at += 1;
    if (removed.length > maxStepItems) return null;
  }
  while (at < beforeKeys.length) removed.push(beforeKeys[at++] as string);
  if (removed.length > maxStepItems) return null;
  return { added: after.slice(0, top), removed };
}
