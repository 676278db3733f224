// The compare table: every distinct track of the compared accounts, one presence column per
// account (its colour and initials in the header, a heart in each cell), virtualised like an
// account's track table and built from the same parts. Rows carry their union key
// (data-row-key), stable while the row is there, and are drawn in the order of `rows`.
import { memo, type CSSProperties, type Ref } from 'react';

import type { AccountView } from '../app-contract.js';
import { formatDate, formatDuration } from '../format/formatters.js';
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
  ref,
}: CompareTableProps) {
  const { scroller, virtualItems, slots } = useVirtualRows(
    Math.max(union.size, rows.length),
    typing,
    ref,
  );
  const header = (title: string, sortKey: SortKey, className: string) => (
    <SortHeader title={title} sortKey={sortKey} sort={sort} onSort={onSort} className={className} />
  );
  return (
    <div
      ref={scroller}
      className="track-table compare-table"
      role="table"
      aria-label={label}
      aria-rowcount={rows.length + 1}
      tabIndex={0}
      style={{ '--accounts': accounts.length } as CSSProperties}
    >
      <div role="rowgroup" className="track-head">
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
      <div role="rowgroup" className="track-body" style={{ height: rows.length * trackRowHeight }}>
        {virtualItems.map((item) => {
          const row = rows[item.index];
          if (row === undefined) return null;
          return (
            <CompareRow
              key={item.index % slots}
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
  return (
    <div
      role="row"
      aria-rowindex={props.rowIndex}
      data-testid="compare-row"
      data-row-key={key}
      className="track-grid compare-grid track-row"
      style={{ transform: `translateY(${props.top}px)` }}
    >
      <div role="cell" className="col-cover">
        <Cover url={track.albumImageUrl} paused={props.coversPaused} />
      </div>
      <div role="cell" className="col-title">
        <TrackTitle track={track} localNote={localFileReason} />
      </div>
      <div role="cell" className="col-artists">
        {track.artists.join(', ')}
      </div>
      <div role="cell" className="col-album">
        {track.album}
      </div>
      <div role="cell" className="col-added">
        {formatDate(union.firstSavedAt[row] ?? track.addedAt)}
      </div>
      {accounts.map((account, a) => {
        return (
          <PresenceCell
            key={account.id}
            account={account}
            savedAt={savedAtOf(union, row, a)}
            local={local}
            pending={pending.get(pendingKey(key, account.id)) ?? null}
            onToggle={() => props.onToggle(row, a)}
          />
        );
      })}
      <div role="cell" className="col-duration">
        {formatDuration(track.durationMs)}
      </div>
    </div>
  );
});
