// The saved tracks as a table that only renders the rows in view (plus a few either side), so a
// library of tens of thousands scrolls smoothly. ARIA grid roles keep it a table for screen
// readers: aria-rowcount and aria-rowindex say where each rendered row sits in the whole list, and
// with a selection it is multi-selectable (aria-selected per row). Focus stays on the grid itself
// and aria-activedescendant names the active row: a row scrolled out of view is unmounted, and
// focus on it would be lost. Clicks and keys are handled once for the whole grid, not per row
// (selection/grid-selection-events.ts).
import { useId, useRef, type Ref } from 'react';

import { libraryItemKey, type TrackView } from '../app-contract.js';
import { gridSelectionHandlers } from '../selection/grid-selection-events.js';
import type { ListSelection } from '../selection/use-list-selection.js';
import { SortHeader } from './sort-header.js';
import type { HeartState } from './track-heart.js';
import type { SortKey, SortOrder } from './track-order.js';
import { TrackRow } from './track-row.js';
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
  const { scroller, virtualItems, slots, viewRows, scrollTo } = useVirtualRows(
    Math.max(capacity, tracks.length),
    typing,
    ref,
  );
  const head = useRef<HTMLDivElement>(null);
  const rowIdPrefix = useId();

  const keyed = selection !== undefined || hearts !== undefined;
  const keys = virtualItems.map((item) => {
    const track = tracks[item.index];
    return keyed && track !== undefined ? libraryItemKey(track) : '';
  });
  const focusKey = selection?.focus ?? null;
  const activeSlot = focusKey === null ? -1 : keys.indexOf(focusKey);
  const activeItem = activeSlot === -1 ? undefined : virtualItems[activeSlot];
  const activeId = activeItem === undefined ? undefined : `${rowIdPrefix}-${activeItem.index}`;
  const rows = virtualItems.map((item, slot) => {
    const track = tracks[item.index];
    if (!track) return null;
    const key = keys[slot] ?? '';
    return (
      <TrackRow
        key={item.index % slots}
        id={`${rowIdPrefix}-${item.index}`}
        track={track}
        rowIndex={item.index + 2}
        top={item.start}
        coversPaused={typing}
        selected={selection === undefined ? null : selection.selected.has(key)}
        active={slot === activeSlot}
        heart={hearts === undefined ? null : (hearts.changing.get(key) ?? 'saved')}
        accountLabel={hearts?.accountLabel ?? ''}
        onRemove={hearts?.onRemove ?? null}
      />
    );
  });

  const handlers =
    selection === undefined
      ? undefined
      : // The handlers read the refs in events only, never while rendering.
        // eslint-disable-next-line react-hooks/refs
        gridSelectionHandlers(selection, {
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
          {columns.map((column) =>
            column.sortKey === null ? (
              <div key={column.title} role="columnheader" className={column.className}>
                <span className={hiddenTitles.has(column.title) ? 'visually-hidden' : ''}>
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
        onClick={handlers?.onClick}
      >
        {rows}
      </div>
    </div>
  );
}
