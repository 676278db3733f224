// The selection of the account view as the core reads it: the positions of the selected tracks in
// the library as the page holds it (newest first, as `library:cached` sent it), at the revision
// the page holds, encoded as the contract's bitmap.
import {
  encodePositions,
  libraryItemKey,
  type JobSelection,
  type TrackView,
} from '../app-contract.js';

/** `tracks`: the library at `revision`, newest first; `selected`: keys by `libraryItemKey`. */
export function jobSelection(
  accountId: string,
  revision: string,
  tracks: readonly TrackView[],
  selected: ReadonlySet<string>,
): JobSelection {
  const positions: number[] = [];
  tracks.forEach((track, position) => {
    if (selected.has(libraryItemKey(track))) positions.push(position);
  });
  return { accountId, revision, positions: encodePositions(positions, tracks.length) };
}
