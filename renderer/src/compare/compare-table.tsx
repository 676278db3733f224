// The compare table: every distinct track of the compared accounts, one presence column per
// account (its colour and initials in the header, a heart in each cell), virtualised like an
// account's track table and built from the same parts. Rows carry their union key
// (data-row-key), stable while the row is there, and are drawn in the order of `rows`. Rows are
// selected as in an account's table: an ARIA grid, multi-selectable, focus kept on the grid and
// the active row named by aria-activedescendant, clicks and keys handled once for the whole grid
// (selection/grid-selection-events.ts); only the active row's hearts are in the Tab order.
import { memo, useId, useRef, type CSSProperties, type Ref } from 'react';

import type { AccountView } from '../app-contract.js';
import { formatDate, formatDuration } from '../format/formatters.js';
import { gridSelectionHandlers } from '../selection/grid-selection-events.js';
import type { ListSelection } from '../selection/use-list-selection.js';
import { AccountAvatar } from '../sidebar/account-avatar.js';
import { SortHeader } from '../tracks/sort-header.js';
import { Cover, TrackTitle } from '../tracks/track-cells.js';
import type { SortKey, SortOrder } from '../tracks/track-order.js';
import {
  trackRowHeight,
  useVirtualRows,
  type TrackTableHandle,
} from '../tracks/use-virtual-rows.js';
import { isLocalRow, rowKey, savedAtOf, trackAt, type LibraryUnion } from './library-union.js';
import { PresenceCell } from './presence-cell.js';
import { localFileReason } from './presence-words.js';
import { pendingKey } from './use-pending-hearts.js';
import '../tracks/track-table.css';
import './compare-table.css';

export interface CompareTableProps {
  readonly union: LibraryUnion;
  /** The rows shown, in order (positions in the union). */
  readonly rows: readonly number[];
  /** The union's accounts, in its order. */
  readonly accounts: readonly AccountView[];
  readonly sort: SortOrder;
  readonly onSort: (key: SortKey) => void;
  readonly label: string;
  /** See TrackTableProps.typing. */
  readonly typing: boolean;
  /** Hearts pressed whose change is on its way: `pendingKey(row key, account id)` → saved. */
  readonly pending: ReadonlyMap<string, boolean>;
  readonly onToggle: (row: number, account: number) => void;
  /** The selection, keyed by `rowKey`. */
  readonly selection: ListSelection<string>;
  readonly ref?: Ref<TrackTableHandle>;
}

export function CompareTable({
  union,
  rows,
  accounts,
  sort,
  onSort,
  label,
  typing,
  pending,
  onToggle,
  selection,
  ref,
}: CompareTableProps) {
  const { scroller, virtualItems, slots, viewRows, scrollTo } = useVirtualRows(
    Math.max(union.size, rows.length),
    typing,
    ref,
  );
  const head = useRef<HTMLDivElement>(null);
  const rowIdPrefix = useId();
  const keys = virtualItems.map((item) => {
    const row = rows[item.index];
    return row === undefined || row >= union.size ? '' : rowKey(union, row);
  });
  const activeSlot = selection.focus === null ? -1 : keys.indexOf(selection.focus);
  const activeItem = activeSlot === -1 ? undefined : virtualItems[activeSlot];
  const activeId = activeItem === undefined ? undefined : `${rowIdPrefix}-${activeItem.index}`;
  // The handlers read the refs in events only, never while rendering.
  // eslint-disable-next-line react-hooks/refs
  const handlers = gridSelectionHandlers(selection, {
    rowHeight: trackRowHeight,
    firstRowIndex: 2,
    rowCount: rows.length,
    viewRows,
    activeShown: activeId !== undefined,
    scroller,
    head,
    scrollTo,
  });
  const header = (title: string, sortKey: SortKey, className: string) => (
    <SortHeader title={title} sortKey={sortKey} sort={sort} onSort={onSort} className={className} />
  );
  return (
    <div
      ref={scroller}
      className="track-table compare-table"
      role="grid"
      aria-label={label}
      aria-rowcount={rows.length + 1}
      aria-multiselectable
      aria-activedescendant={activeId}
      tabIndex={0}
      onKeyDown={handlers.onKeyDown}
      onFocus={handlers.onFocus}
      style={{ '--accounts': accounts.length } as CSSProperties}
    >
      <div ref={head} role="rowgroup" className="track-head">
        <div role="row" aria-rowindex={1} className="track-grid compare-grid">
          <div role="columnheader" className="col-cover">
            <span className="visually-hidden">Cover</span>
          </div>
          {header('Title', 'name', 'col-title')}
          {header('Artists', 'artist', 'col-artists')}
          <div role="columnheader" className="col-album">
            Album
          </div>
          {header('First saved', 'addedAt', 'col-added')}
          {accounts.map((account) => (
            <div
              key={account.id}
              role="columnheader"
              className="col-presence"
              title={account.label}
            >
              <AccountAvatar account={{ ...account, imageUrl: null }} />
              <span className="visually-hidden">{account.label}</span>
            </div>
          ))}
          {header('Duration', 'duration', 'col-duration')}
        </div>
      </div>
      <div
        role="rowgroup"
        className="track-body"
        style={{ height: rows.length * trackRowHeight }}
        onClick={handlers.onClick}
      >
        {virtualItems.map((item, slot) => {
          const row = rows[item.index];
          if (row === undefined) return null;
          return (
            <CompareRow
              key={item.index % slots}
              id={`${rowIdPrefix}-${item.index}`}
              selected={selection.selected.has(keys[slot] ?? '')}
              active={slot === activeSlot}
              union={union}
              row={row}
              accounts={accounts}
              rowIndex={item.index + 2}
              top={item.start}
              coversPaused={typing}
              pending={pending}
              onToggle={onToggle}
            />
          );
        })}
      </div>
    </div>
  );
}

interface CompareRowProps {
  readonly id: string;
  readonly selected: boolean;
  /** The row keyboard commands act on; its hearts are the ones Tab reaches. */
  readonly active: boolean;
  readonly union: LibraryUnion;
  readonly row: number;
  readonly accounts: readonly AccountView[];
  readonly rowIndex: number;
  readonly top: number;
  readonly coversPaused: boolean;
  readonly pending: ReadonlyMap<string, boolean>;
  readonly onToggle: (row: number, account: number) => void;
}

/** Memoised, as an account table's rows: a row showing the same thing is not rendered again. */
const CompareRow = memo(function CompareRow(props: CompareRowProps) {
  const { union, row, accounts, pending } = props;
  if (row >= union.size) return null;
  const track = trackAt(union, row);
  const key = rowKey(union, row);
  const local = isLocalRow(union, row);
  const classes = ['track-grid', 'compare-grid', 'track-row'];
  if (props.selected) classes.push('selected');
  if (props.active) classes.push('active');
  return (
    <div
      id={props.id}
      role="row"
      aria-rowindex={props.rowIndex}
      aria-selected={props.selected}
      data-testid="compare-row"
      data-row-key={key}
      className={classes.join(' ')}
      style={{ transform: `translateY(${props.top}px)` }}
    >
      <div role="gridcell" className="col-cover">
        <Cover url={track.albumImageUrl} paused={props.coversPaused} />
      </div>
      <div role="gridcell" className="col-title">
        <TrackTitle track={track} localNote={localFileReason} />
      </div>
      <div role="gridcell" className="col-artists">
        {track.artists.join(', ')}
      </div>
      <div role="gridcell" className="col-album">
        {track.album}
      </div>
      <div role="gridcell" className="col-added">
        {formatDate(union.firstSavedAt[row] ?? track.addedAt)}
      </div>
      {accounts.map((account, a) => {
        return (
          <PresenceCell
            key={account.id}
            account={account}
            savedAt={savedAtOf(union, row, a)}
            local={local}
            tabbable={props.active}
            pending={pending.get(pendingKey(key, account.id)) ?? null}
            onToggle={() => props.onToggle(row, a)}
          />
        );
      })}
      <div role="gridcell" className="col-duration">
        {formatDuration(track.durationMs)}
      </div>
    </div>
  );
});
