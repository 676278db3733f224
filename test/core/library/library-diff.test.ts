// The step between two versions of a library: new items on top and items gone, or nothing when
// the change is anything else (then the page reads the library again).
import { describe, expect, it } from 'vitest';
import { diffLibraries } from '../../../electron/core/library/library-diff.js';
import { libraryItemKey } from '../../../electron/core/library/library-item-key.js';

const item = (n: number, addedAt = n) => ({ id: `t${n}`, uri: `spotify:track:t${n}`, addedAt });
/** Newest first, as a library is held. */
const lib = (...ns: number[]) => ns.map((n) => item(n));

describe('diffLibraries', () => {
  it('gives the new items on top, newest first, and nothing removed', () => {
    const diff = diffLibraries(lib(3, 2, 1), lib(6, 5, 4, 3, 2, 1));
    expect(diff?.added.map((t) => t.id)).toEqual(['t6', 't5', 't4']);
    expect(diff?.removed).toEqual([]);
  });

  it('names the items gone from anywhere, by item key', () => {
    const diff = diffLibraries(lib(5, 4, 3, 2, 1), lib(7, 5, 3, 1));
    expect(diff?.added.map((t) => t.id)).toEqual(['t7']);
    expect(diff?.removed).toEqual([libraryItemKey(item(4)), libraryItemKey(item(2))]);
  });

  it('treats a track saved again later as a new item and its old save as gone', () => {
    const diff = diffLibraries(lib(3, 2, 1), [item(2, 10), item(3), item(1)]);
    expect(diff?.added).toEqual([item(2, 10)]);
    expect(diff?.removed).toEqual([libraryItemKey(item(2))]);
  });

  it('has no step for a reorder or a new item below the top', () => {
    expect(diffLibraries(lib(3, 2, 1), lib(2, 3, 1))).toBeNull();
    expect(diffLibraries(lib(3, 2, 1), lib(3, 9, 2, 1))).toBeNull();
  });

  it('has no step when it would be larger than reading the library again', () => {
    const before = Array.from({ length: 6000 }, (_, i) => item(6000 - i));
    expect(diffLibraries(before, [])).toBeNull();
    const after = [...Array.from({ length: 5001 }, (_, i) => item(20_000 - i)), ...before];
    expect(diffLibraries(before, after)).toBeNull();
    expect(diffLibraries(before, after.slice(1))?.added).toHaveLength(5000);
  });

  it('has no step when two items share a key, since a key could not say which one went', () => {
    const twin = { id: null, uri: 'spotify:local:a:b:c:1', addedAt: 5 };
    expect(diffLibraries([twin, { ...twin }, item(1)], [twin, item(1)])).toBeNull();
    expect(diffLibraries(lib(1), [item(2), item(2), item(1)])).toBeNull();
  });
});
