// The selection of a list as the core reads it: the positions of the selected tracks in one
// account's library as the page holds it (newest first, as `library:cached` sent it), at the
// revision the page holds, encoded as the contract's bitmap. The account view selects saved items
// (by `libraryItemKey`); the compare view selects tracks (by Spotify ID, local files by their own
// key) and picks the source account's tracks with those keys.
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
  return jobSelectionWhere(accountId, revision, tracks, (track) =>
    selected.has(libraryItemKey(track)),
  );
}

/** The account's saved tracks `chosen` picks (the compare view picks them by its own keys). */
export function jobSelectionWhere(
  accountId: string,
  revision: string,
  tracks: readonly TrackView[],
  chosen: (track: TrackView) => boolean,
): JobSelection {
  const positions: number[] = [];
  tracks.forEach((track, position) => {
    if (chosen(track)) positions.push(position);
  });
  return { accountId, revision, positions: encodePositions(positions, tracks.length) };
}
