// The saved tracks as a table that only renders the rows in view (plus a few either side), so a
// library of tens of thousands scrolls smoothly. ARIA grid roles keep it a table for screen
// readers: aria-rowcount and aria-rowindex say where each rendered row sits in the whole list, and
// with a selection it is multi-selectable (aria-selected per row). Focus stays on the grid itself
// and aria-activedescendant names the active row: a row scrolled out of view is unmounted, and
// focus on it would be lost. Clicks and keys are handled once for the whole grid, not per row
// (selection/grid-selection-events.ts).
import { observeElementOffset, useVirtualizer } from '@tanstack/react-virtual';
import { useId, useImperativeHandle, useRef, type Ref } from 'react';

import { libraryItemKey, type TrackView } from '../app-contract.js';
import { gridSelectionHandlers } from '../selection/grid-selection-events.js';
import type { ListSelection } from '../selection/use-list-selection.js';
import type { HeartState } from './track-heart.js';
import type { SortKey, SortOrder } from './track-order.js';
import { TrackRow } from './track-row.js';
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
  /** Rows the person can select (keyed by `libraryItemKey`); without it none can be. */
  readonly selection?: ListSelection<string>;
  /** A heart per row, for an account's own view where every row is saved. */
  readonly hearts?: RowHearts;
  readonly ref?: Ref<TrackTableHandle>;
}

export interface RowHearts {
  /** Whose saved tracks these are: it names each heart. */
  readonly accountLabel: string;
  /** Tracks (by `libraryItemKey`) whose removal was asked for; the rest are saved. */
  readonly changing: ReadonlyMap<string, Exclude<HeartState, 'saved'>>;
  /** Must keep its identity across renders: every row holds it. */
  readonly onRemove: (track: TrackView) => void;
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

/** Columns whose contents say what they are: their titles are for screen readers only. */
const hiddenTitles = new Set(['Cover', 'Saved']);

const columns: readonly Column[] = [
  { title: 'Cover', sortKey: null, className: 'col-cover' },
  { title: 'Title', sortKey: 'name', className: 'col-title' },
  { title: 'Artists', sortKey: 'artist', className: 'col-artists' },
  { title: 'Album', sortKey: null, className: 'col-album' },
  { title: 'Added', sortKey: 'addedAt', className: 'col-added' },
  { title: 'Saved', sortKey: null, className: 'col-heart' },
  { title: 'Duration', sortKey: 'duration', className: 'col-duration' },
];

export function TrackTable({
  tracks,
  capacity,
  sort,
  onSort,
  label,
  typing = false,
  selection,
  hearts,
  ref,
}: TrackTableProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const head = useRef<HTMLDivElement>(null);
  const rowIdPrefix = useId();
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

  // Told at once, the virtualiser draws the new position in the coming render. Left to the
  // scroll event, it would hear of it in the next frame: that render would draw rows for the old
  // position (none, past the end of a shorter list), then a second render the new one.
  const scrollTo = (offset: number) =>
    scrollElement(scroller.current, offset, offsetListener.current);

  useImperativeHandle(
    ref,
    () => ({ scrollToTop: () => scrollElement(scroller.current, 0, offsetListener.current) }),
    [],
  );

  const focusKey = selection?.focus ?? null;
  let activeId: string | undefined;
  const rows = virtualItems.map((item) => {
    const track = tracks[item.index];
    if (!track) return null;
    const key = selection !== undefined || hearts !== undefined ? libraryItemKey(track) : '';
    const active = focusKey !== null && key === focusKey;
    const id = `${rowIdPrefix}-${item.index}`;
    if (active) activeId = id;
    return (
      <TrackRow
        key={item.index % slots}
        id={id}
        track={track}
        rowIndex={item.index + 2}
        top={item.start}
        coversPaused={typing}
        selected={selection === undefined ? null : selection.selected.has(key)}
        active={active}
        heart={hearts === undefined ? null : (hearts.changing.get(key) ?? 'saved')}
        accountLabel={hearts?.accountLabel ?? ''}
        onRemove={hearts?.onRemove ?? null}
      />
    );
  });

  const handlers =
    selection === undefined
      ? undefined
      : gridSelectionHandlers(selection, {
          rowHeight: trackRowHeight,
          firstRowIndex: 2,
          rowCount: tracks.length,
          viewRows,
          activeShown: activeId !== undefined,
          scroller,
          head,
          scrollTo,
        });

  return (
    <div
      ref={scroller}
      className="track-table"
      role="grid"
      aria-label={label}
      aria-rowcount={tracks.length + 1}
      aria-multiselectable={selection === undefined ? undefined : true}
      aria-activedescendant={activeId}
      tabIndex={0}
      onKeyDown={handlers?.onKeyDown}
      onFocus={handlers?.onFocus}
    >
      <div ref={head} role="rowgroup" className="track-head">
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
                <span className={hiddenTitles.has(column.title) ? 'visually-hidden' : ''}>
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
        onClick={handlers?.onClick}
      >
        {rows}
      </div>
    </div>
  );
}

function scrollElement(
  element: HTMLElement | null,
  offset: number,
  listener: OffsetListener | null,
): void {
  if (element === null || element.scrollTop === offset) return;
  element.scrollTop = offset;
  listener?.(offset, false);
}
