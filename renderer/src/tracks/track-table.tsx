// The saved tracks as a table that only renders the rows in view (plus a few either side), so a
// library of tens of thousands scrolls smoothly. ARIA table roles keep it a table for screen
// readers: aria-rowcount and aria-rowindex say where each rendered row sits in the whole list.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, useState } from 'react';

import type { TrackView } from '../app-contract.js';
import { formatDate, formatDuration } from '../format/formatters.js';
import type { SortKey, SortOrder } from './track-order.js';

export const trackRowHeight = 56;

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

export function TrackTable({ tracks, capacity, sort, onSort, label }: TrackTableProps) {
  const scroller = useRef<HTMLDivElement>(null);
  // The virtualiser hands back functions that change identity per render; the compiler must
  // not memoise around it (react-hooks "incompatible-library").
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: Math.max(capacity, tracks.length),
    getScrollElement: () => scroller.current,
    estimateSize: () => trackRowHeight,
    overscan: 8,
    // Rows are keyed by position (the virtualiser's default). A key function would have to
    // change with every new list, and each change makes the virtualiser re-measure every row:
    // 50,000 of them on each keystroke of a search.
  });

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
          {columns.map((column) => (
            <div
              key={column.title}
              role="columnheader"
              className={column.className}
              aria-sort={
                column.sortKey === null
                  ? undefined
                  : column.sortKey === sort.key
                    ? sort.direction
                    : 'none'
              }
            >
              {column.sortKey === null ? (
                <span
                  className={
                    column.sortKey === null && column.title === 'Cover' ? 'visually-hidden' : ''
                  }
                >
                  {column.title}
                </span>
              ) : (
                <button
                  type="button"
                  className="sort-button"
                  onClick={() => column.sortKey && onSort(column.sortKey)}
                >
                  {column.title}
                  <span aria-hidden="true" className="sort-arrow">
                    {column.sortKey === sort.key
                      ? sort.direction === 'ascending'
                        ? '▲'
                        : '▼'
                      : ''}
                  </span>
                </button>
              )}
            </div>
          ))}
        </div>
      </div>
      <div
        role="rowgroup"
        className="track-body"
        style={{ height: tracks.length * trackRowHeight }}
      >
        {virtualizer.getVirtualItems().map((item) => {
          const track = tracks[item.index];
          if (!track) return null;
          return (
            <TrackRow key={item.key} track={track} rowIndex={item.index + 2} top={item.start} />
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
}

function TrackRow({ track, rowIndex, top }: TrackRowProps) {
  return (
    <div
      role="row"
      aria-rowindex={rowIndex}
      data-testid="track-row"
      className="track-grid track-row"
      style={{ transform: `translateY(${top}px)` }}
    >
      <div role="cell" className="col-cover">
        <Cover url={track.albumImageUrl} />
      </div>
      <div role="cell" className="col-title">
        <span className="track-name">{track.name}</span>
        {track.explicit && (
          <span className="badge" role="img" aria-label="Explicit" title="Explicit">
            E
          </span>
        )}
        {track.isLocal && (
          <span className="badge" title="A local file, not on Spotify">
            Local file
          </span>
        )}
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
}

/** The album cover, or a note symbol when there is none or it cannot be loaded (offline). */
function Cover({ url }: { readonly url: string | null }) {
  const [failedUrl, setFailedUrl] = useState<string | null>(null);
  if (url === null || url === failedUrl) {
    return (
      <span className="cover-placeholder" aria-hidden="true">
        ♪
      </span>
    );
  }
  return (
    <img
      // A new element per cover: rows are reused by position, and a reused <img> would show the
      // previous track's cover until the new one loads.
      key={url}
      src={url}
      alt=""
      loading="lazy"
      width={40}
      height={40}
      referrerPolicy="no-referrer"
      onError={() => setFailedUrl(url)}
    />
  );
}
