// One row of the track table: cover, title with its badges, artists, album, date added, the heart
// and the duration, placed by the virtualiser. Memoised on plain values, so a change of selection,
// of the active row or of one heart re-renders the rows it concerns and no other.
import { memo } from 'react';

import type { TrackView } from '../app-contract.js';
import { formatDate, formatDuration } from '../format/formatters.js';
import { Cover, TrackTitle } from './track-cells.js';
import { TrackHeart, type HeartState } from './track-heart.js';

export interface TrackRowProps {
  readonly track: TrackView;
  readonly id: string;
  readonly rowIndex: number;
  readonly top: number;
  readonly coversPaused: boolean;
  /** Null when the table's rows are not selectable. */
  readonly selected: boolean | null;
  /** The row keyboard commands act on; its heart is the one Tab reaches. */
  readonly active: boolean;
  /** Null when the table shows no hearts. */
  readonly heart: HeartState | null;
  readonly accountLabel: string;
  readonly onRemove: ((track: TrackView) => void) | null;
}

/**
 * Memoised: a keystroke or a scroll step that leaves a position showing the same track (the
 * props are the same track object, index and offset) does not render or touch that row again.
 */
export const TrackRow = memo(function TrackRow(props: TrackRowProps) {
  const { track, selected, active } = props;
  const classes = ['track-grid', 'track-row'];
  if (selected === true) classes.push('selected');
  if (active) classes.push('active');
  return (
    <div
      id={props.id}
      role="row"
      aria-rowindex={props.rowIndex}
      aria-selected={selected ?? undefined}
      data-testid="track-row"
      className={classes.join(' ')}
      style={{ transform: `translateY(${props.top}px)` }}
    >
      <div role="gridcell" className="col-cover">
        <Cover url={track.albumImageUrl} paused={props.coversPaused} />
      </div>
      <div role="gridcell" className="col-title">
        <TrackTitle track={track} />
      </div>
      <div role="gridcell" className="col-artists">
        {track.artists.join(', ')}
      </div>
      <div role="gridcell" className="col-album">
        {track.album}
      </div>
      <div role="gridcell" className="col-added">
        {formatDate(track.addedAt)}
      </div>
      <div role="gridcell" className="col-heart">
        {props.heart !== null && props.onRemove !== null && (
          <TrackHeart
            track={track}
            state={props.heart}
            accountLabel={props.accountLabel}
            tabbable={active}
            onRemove={props.onRemove}
          />
        )}
      </div>
      <div role="gridcell" className="col-duration">
        {formatDuration(track.durationMs)}
      </div>
    </div>
  );
});
