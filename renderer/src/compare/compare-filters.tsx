// The filters of the compare table, as one labelled radio group: every track, tracks in every
// account, in more than one, only in a chosen account, in one account but not another. Each
// option says how many tracks it would show (among the search's matches), and the line below
// gives every count in words.
import { useId, type ReactNode } from 'react';

import type { AccountView } from '../app-contract.js';
import { formatCount } from '../format/formatters.js';
import { countsSentence } from './presence-words.js';
import type { PresenceCounts } from './union-view.js';

/** A filter by account ids, so it survives the accounts being reordered. */
export type CompareFilter =
  | { readonly kind: 'all' }
  | { readonly kind: 'every' }
  | { readonly kind: 'several' }
  | { readonly kind: 'only'; readonly accountId: string }
  | { readonly kind: 'notIn'; readonly accountId: string; readonly otherId: string };

export interface CompareFiltersProps {
  readonly accounts: readonly AccountView[];
  readonly filter: CompareFilter;
  readonly counts: PresenceCounts;
  readonly onChange: (filter: CompareFilter) => void;
}

export function CompareFilters({ accounts, filter, counts, onChange }: CompareFiltersProps) {
  const name = useId();
  const index = (id: string) => accounts.findIndex((account) => account.id === id);
  const first = accounts[0]?.id ?? '';
  const second = accounts[1]?.id ?? first;
  const onlyId = filter.kind === 'only' ? filter.accountId : first;
  const fromId = filter.kind === 'notIn' ? filter.accountId : first;
  const notId = filter.kind === 'notIn' ? filter.otherId : second;
  const labelOf = (id: string) => accounts[index(id)]?.label ?? '';
  const two = accounts.length === 2;

  const option = (
    kind: CompareFilter['kind'],
    choose: CompareFilter,
    label: string,
    count: number,
    visible: string,
    choosers: ReactNode = null,
  ) => {
    const checked = filter.kind === kind;
    return (
      <div className={checked ? 'filter-option checked' : 'filter-option'}>
        <label>
          <input
            type="radio"
            name={name}
            checked={checked}
            aria-label={`${label}: ${formatCount(count)}`}
            onChange={() => onChange(choose)}
          />
          {visible}
        </label>
        {choosers}
        <span className="filter-count" aria-hidden="true">
          {formatCount(count)}
        </span>
      </div>
    );
  };

  const accountSelect = (value: string, label: string, choose: (id: string) => CompareFilter) => (
    <select
      className="filter-select"
      aria-label={label}
      value={value}
      onChange={(event) => onChange(choose(event.target.value))}
    >
      {accounts.map((account) => (
        <option key={account.id} value={account.id}>
          {account.label}
        </option>
      ))}
    </select>
  );

  return (
    <div className="compare-filters">
      <div role="radiogroup" aria-label="Show tracks" className="filter-options">
        {option('all', { kind: 'all' }, 'All tracks', counts.all, 'All')}
        {option(
          'every',
          { kind: 'every' },
          two ? 'In both accounts' : `In all ${accounts.length} accounts`,
          counts.every,
          two ? 'In both' : 'In all',
        )}
        {!two &&
          option(
            'several',
            { kind: 'several' },
            'In more than one account',
            counts.several,
            'In more than one',
          )}
        {option(
          'only',
          { kind: 'only', accountId: onlyId },
          `Only in ${labelOf(onlyId)}`,
          counts.only[index(onlyId)] ?? 0,
          'Only in',
          accountSelect(onlyId, 'Only in which account', (accountId) => ({
            kind: 'only',
            accountId,
          })),
        )}
        {option(
          'notIn',
          { kind: 'notIn', accountId: fromId, otherId: notId },
          `In ${labelOf(fromId)} but not in ${labelOf(notId)}`,
          counts.notIn[index(fromId)]?.[index(notId)] ?? 0,
          'In',
          <>
            {accountSelect(fromId, 'In which account', (accountId) => ({
              kind: 'notIn',
              accountId,
              otherId: accountId === notId ? fromId : notId,
            }))}
            <span className="filter-word">not in</span>
            {accountSelect(notId, 'But not in which account', (otherId) => ({
              kind: 'notIn',
              accountId: otherId === fromId ? notId : fromId,
              otherId,
            }))}
          </>,
        )}
      </div>
      <p className="compare-counts" data-testid="compare-counts">
        {countsSentence(
          accounts.map((account) => account.label),
          counts,
        )}
      </p>
    </div>
  );
}
