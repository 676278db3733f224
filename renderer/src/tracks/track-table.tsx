// The saved tracks as a table that only renders the rows in view (plus a few either side), so a
// library of tens of thousands scrolls smoothly. ARIA table roles keep it a table for screen
// readers: aria-rowcount and aria-rowindex say where each rendered row sits in the whole list.
import { memo, type Ref } from 'react';

import type { TrackView } from '../app-contract.js';
import { formatDate, formatDuration } from '../format/formatters.js';
import { SortHeader } from './sort-header.js';
import { Cover, TrackTitle } from './track-cells.js';
import type { SortKey, SortOrder } from './track-order.js';
import { trackRowHeight, useVirtualRows, type TrackTableHandle } from './use-virtual-rows.js';
import './track-table.css';

export { trackRowHeight, type TrackTableHandle } from './use-virtual-rows.js';

export interface TrackTableProps {
  readonly tracks: readonly TrackView[];
  /**
   * The size of the whole library the rows are drawn from. The virtualiser is sized for it, not
   * for the rows shown, so a search that changes how many rows match does not make it
   * re-measure every row (tens of thousands, on each keystroke). Rows have one fixed height.
   */
  readonly capacity: number;
  readonly sort: SortOrder;
  readonly onSort: (key: SortKey) => void;
  readonly label: string;
  /**
   * True while the person is typing a search: each keystroke's answer should cost no more than
   * the rows in view. A row that comes to show another track keeps a placeholder instead of
   * loading that track's cover (covers already shown stay), and no rows are drawn beyond the
   * view's edges; both come back once the query rests.
   */
  readonly typing?: boolean;
  readonly ref?: Ref<TrackTableHandle>;
}

interface Column {
  readonly title: string;
  readonly sortKey: SortKey | null;
  readonly className: string;
}

const columns: readonly Column[] = [
  { title: 'Cover', sortKey: null, className: 'col-cover' },
  { title: 'Title', sortKey: 'name', className: 'col-title' },
  { title: 'Artists', sortKey: 'artist', className: 'col-artists' },
  { title: 'Album', sortKey: null, className: 'col-album' },
  { title: 'Added', sortKey: 'addedAt', className: 'col-added' },
  { title: 'Duration', sortKey: 'duration', className: 'col-duration' },
];

export function TrackTable({
  tracks,
  capacity,
  sort,
  onSort,
  label,
  typing = false,
  ref,
}: TrackTableProps) {
  const { scroller, virtualItems, slots } = useVirtualRows(
    Math.max(capacity, tracks.length),
    typing,
    ref,
  );

  return (
    <div
      ref={scroller}
      className="track-table"
      role="table"
      aria-label={label}
      aria-rowcount={tracks.length + 1}
      tabIndex={0}
    >
      <div role="rowgroup" className="track-head">
        <div role="row" aria-rowindex={1} className="track-grid">
          {columns.map((column) =>
            column.sortKey === null ? (
              <div key={column.title} role="columnheader" className={column.className}>
                <span className={column.title === 'Cover' ? 'visually-hidden' : ''}>
                  {column.title}
                </span>
              </div>
            ) : (
              <SortHeader
                key={column.title}
                title={column.title}
                sortKey={column.sortKey}
                sort={sort}
                onSort={onSort}
                className={column.className}
              />
            ),
          )}
        </div>
      </div>
      <div
        role="rowgroup"
        className="track-body"
        style={{ height: tracks.length * trackRowHeight }}
      >
        {virtualItems.map((item) => {
          const track = tracks[item.index];
          if (!track) return null;
          return (
            <TrackRow
              key={item.index % slots}
              track={track}
              rowIndex={item.index + 2}
              top={item.start}
              coversPaused={typing}
            />
          );
        })}
      </div>
    </div>
  );
}

interface TrackRowProps {
  readonly track: TrackView;
  readonly rowIndex: number;
  readonly top: number;
  readonly coversPaused: boolean;
}

/**
 * Memoised: a keystroke or a scroll step that leaves a position showing the same track (the
 * props are the same track object, index and offset) does not render or touch that row again.
 */
const TrackRow = memo(function TrackRow({ track, rowIndex, top, coversPaused }: TrackRowProps) {
  return (
    <div
      role="row"
      aria-rowindex={rowIndex}
      data-testid="track-row"
      className="track-grid track-row"
      style={{ transform: `translateY(${top}px)` }}
    >
      <div role="cell" className="col-cover">
        <Cover url={track.albumImageUrl} paused={coversPaused} />
      </div>
      <div role="cell" className="col-title">
        <TrackTitle track={track} />
      </div>
      <div role="cell" className="col-artists">
        {track.artists.join(', ')}
      </div>
      <div role="cell" className="col-album">
        {track.album}
      </div>
      <div role="cell" className="col-added">
        {formatDate(track.addedAt)}
      </div>
      <div role="cell" className="col-duration">
        {formatDuration(track.durationMs)}
      </div>
    </div>
  );
});
