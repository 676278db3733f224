// A column header that sorts the table by its key: a button, with the order it is sorted in
// given to screen readers (aria-sort) and shown as an arrow.
import type { SortKey, SortOrder } from './track-order.js';

export interface SortHeaderProps {
  readonly title: string;
  readonly sortKey: SortKey;
  readonly sort: SortOrder;
  readonly onSort: (key: SortKey) => void;
  readonly className: string;
}

export function SortHeader({ title, sortKey, sort, onSort, className }: SortHeaderProps) {
  const sorted = sortKey === sort.key;
  return (
    <div role="columnheader" className={className} aria-sort={sorted ? sort.direction : 'none'}>
      <button type="button" className="sort-button" onClick={() => onSort(sortKey)}>
        {title}
        <span aria-hidden="true" className="sort-arrow">
          {sorted ? (sort.direction === 'ascending' ? '▲' : '▼') : ''}
        </span>
      </button>
    </div>
  );
}
