// The heart of a row in an account's own view: every track there is saved, so the heart is filled
// and pressing it removes the track from that account. A local file has no Spotify ID to remove
// by: its heart stays, marked unavailable, and says why. Only the active row's heart is in the Tab
// order, so Tab leaves the table after one stop instead of one per row.
import type { TrackView } from '../app-contract.js';

/** `removing`: asked, waiting for the answer; `removed`: done, until the list drops the row. */
export type HeartState = 'saved' | 'removing' | 'removed';

export interface TrackHeartProps {
  readonly track: TrackView;
  readonly state: HeartState;
  readonly accountLabel: string;
  readonly tabbable: boolean;
  readonly onRemove: (track: TrackView) => void;
}

export function TrackHeart({ track, state, accountLabel, tabbable, onRemove }: TrackHeartProps) {
  const local = track.isLocal || track.id === null;
  const { label, title } = heartWords(track.name, accountLabel, local ? 'local' : state);
  const unavailable = local || state !== 'saved';
  return (
    <button
      type="button"
      className={`heart-button heart-${local ? 'local' : state}`}
      aria-label={label}
      title={title}
      // Focusable even when it cannot act, so its reason can be heard.
      aria-disabled={unavailable || undefined}
      tabIndex={tabbable ? 0 : -1}
      onClick={() => {
        if (!unavailable) onRemove(track);
      }}
    >
      {/* Drawn by the stylesheet (a mask): no SVG elements to create in every row. */}
      <span className="heart-icon" aria-hidden="true" />
    </button>
  );
}

function heartWords(
  name: string,
  accountLabel: string,
  state: HeartState | 'local',
): { label: string; title: string } {
  const track = `“${name}”`;
  switch (state) {
    case 'saved':
      return {
        label: `Remove ${track} from ${accountLabel}’s saved tracks`,
        title: 'Remove from saved tracks',
      };
    case 'removing':
      return { label: `Removing ${track}…`, title: 'Removing…' };
    case 'removed':
      return {
        label: `${track} was removed from ${accountLabel}’s saved tracks`,
        title: 'Removed from saved tracks',
      };
    case 'local':
      return {
        label: `${track} is a local file: it can only be removed in the Spotify app`,
        title: 'A local file: remove it in the Spotify app',
      };
  }
}
