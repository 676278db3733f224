// The saved tracks as a table that only renders the rows in view (plus a few either side), so a
// library of tens of thousands scrolls smoothly. ARIA table roles keep it a table for screen
// readers: aria-rowcount and aria-rowindex say where each rendered row sits in the whole list.
import { observeElementOffset, useVirtualizer } from '@tanstack/react-virtual';
import { memo, useImperativeHandle, useRef, useState, type Ref } from 'react';

import type { TrackView } from '../app-contract.js';
import { formatDate, formatDuration } from '../format/formatters.js';
import { useImageSource } from '../images/image-source.js';
import type { SortKey, SortOrder } from './track-order.js';
import './track-table.css';

export const trackRowHeight = 56;

/** Rows drawn beyond each edge of the view when the person is not typing. */
const overscanAtRest = 5;

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

export interface TrackTableHandle {
  /**
   * Shows the first rows, in the very render that follows: call it before the state change
   * that gives the table its new rows (a new search shows its best matches from the top).
   */
  scrollToTop(): void;
}

/** How the virtualiser hears of a new scroll position (its observeElementOffset callback). */
type OffsetListener = (offset: number, isScrolling: boolean) => void;

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
  const scroller = useRef<HTMLDivElement>(null);
  const offsetListener = useRef<OffsetListener | null>(null);
  // The virtualiser hands back functions that change identity per render; the compiler must
  // not memoise around it (react-hooks "incompatible-library").
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: Math.max(capacity, tracks.length),
    getScrollElement: () => scroller.current,
    estimateSize: () => trackRowHeight,
    // Rows drawn beyond each edge of the view: 280 px, more than a wheel step or two ahead of
    // the next render. None while typing: each row drawn adds to a keystroke that changes every
    // row shown (see the README's renderer benchmark), and rows out of view only matter once the
    // person scrolls.
    overscan: typing ? 0 : overscanAtRest,
    // No getItemKey: the virtualiser keys its items by position. A key function would have to
    // change with every new list, and each change makes the virtualiser re-measure every row:
    // 50,000 of them on each keystroke of a search. (React keys are set below, by slot.)
    observeElementOffset: (instance, listener) => {
      offsetListener.current = listener;
      return observeElementOffset(instance, listener);
    },
  });

  const virtualItems = virtualizer.getVirtualItems();
  // Rows are keyed by slot, not by position. The rendered rows are always a run of consecutive
  // positions no longer than `slots`, so position modulo `slots` gives each one its own slot: a
  // row scrolled out hands its elements to the row scrolled in, and a jump (back to the top for
  // a new search, a long scroll) updates the rendered rows in place instead of replacing them
  // all. `slots` is the longest run the view can need (a row cut at each edge, the overscan
  // either side), not the run's own length, which changes by one as rows align with the edges
  // and by the overscan as typing starts and stops: each such change would move every row to
  // another slot and redraw it. It changes only with the view's height.
  const viewRows = Math.ceil((virtualizer.scrollRect?.height ?? 0) / trackRowHeight) + 1;
  const slots = Math.max(virtualItems.length, viewRows + 2 * overscanAtRest);

  useImperativeHandle(
    ref,
    () => ({
      scrollToTop() {
        const element = scroller.current;
        if (element === null || element.scrollTop === 0) return;
        element.scrollTop = 0;
        // Told now, the virtualiser draws the first rows in the coming render. Left to the
        // scroll event, it would hear of it in the next frame: that render would draw rows for
        // the old position (none, past the end of a shorter list), then a second render the top.
        offsetListener.current?.(0, false);
      },
    }),
    [],
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
});

/** The album cover, or a note symbol when there is none or it cannot be loaded (offline). */
function Cover({ url, paused }: { readonly url: string | null; readonly paused: boolean }) {
  const [failedUrl, setFailedUrl] = useState<string | null>(null);
  // The cover this row has shown: it stays while loading is paused, a new one waits.
  const [loadedUrl, setLoadedUrl] = useState<string | null>(null);
  const imageSource = useImageSource();
  if (url === null || url === failedUrl || (paused && url !== loadedUrl)) {
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
      src={imageSource(url)}
      alt=""
      loading="lazy"
      width={40}
      height={40}
      onLoad={() => setLoadedUrl(url)}
      onError={() => setFailedUrl(url)}
    />
  );
}
