// "All accounts": one table of every distinct track saved in any compared account, with who saved
// it when, a search that looks through every library at once, filters by who holds a track with
// their counts, a heart per account, a selection to copy or move through the plan dialog
// (use-compare-selection.ts), and exports of the rows shown or of every library (files/). Each
// account's library comes from the library store as its own page has it; one that is older than
// the setting syncs in the background, and a finished job's library:changed arrives, and the
// table follows in place (scroll position, search, filter and selection kept).
import { useDeferredValue, useEffect, useId, useMemo, useRef, useState } from 'react';

import type { AccountView } from '../app-contract.js';
import { inIdleSlices } from '../common/idle-slices.js';
import { typingRestMs, useChangedWithin } from '../common/use-changed-within.js';
import { filterName } from '../files/compare-export.js';
import { CompareExportActions } from '../files/compare-export-actions.js';
import { formatCount, plural } from '../format/formatters.js';
import { useAppState, useStore } from '../state/app-store.js';
import { ProgressRow } from '../tracks/saved-tracks-section.js';
import { SelectionBar } from '../tracks/selection-bar.js';
import { useNow } from '../tracks/sync-age.js';
import { createTrackSearch, defaultSort, nextSort } from '../tracks/track-order.js';
import type { TrackTableHandle } from '../tracks/use-virtual-rows.js';
import { CompareAccounts } from './compare-accounts.js';
import { CompareFilters, type CompareFilter } from './compare-filters.js';
import { CompareTable } from './compare-table.js';
import { buildUnion, maxUnionAccounts, type LibraryUnion } from './library-union.js';
import { SourcePicker } from './source-picker.js';
import { canCompare, useCompareLibraries } from './use-compare-libraries.js';
import { useCompareSelection } from './use-compare-selection.js';
import { usePendingHearts } from './use-pending-hearts.js';
import { sortRows, tracksInOrder, unionView, type PresenceFilter } from './union-view.js';
import '../banners/banner.css';
import '../tracks/saved-tracks.css';
import './compare-view.css';

export function CompareView() {
  const store = useStore();
  const { accounts: everyAccount } = useAppState();
  const accounts = useMemo(
    () => everyAccount.filter(canCompare).slice(0, maxUnionAccounts),
    [everyAccount],
  );
  const leftOut = everyAccount.filter((account) => !accounts.includes(account));
  const { states, sources } = useCompareLibraries(store.libraries, accounts);
  const now = useNow();
  const headingId = useId();
  const table = useRef<TrackTableHandle>(null);

  // New lists are joined once: typing and scrolling go first meanwhile.
  const joined = useDeferredValue(sources);
  const union = useMemo(() => buildUnion(joined, store.libraries.columns), [joined, store]);
  const unionAccounts = accountsOf(union, everyAccount);

  const [query, setQuery] = useState('');
  const [sort, setSort] = useState(defaultSort);
  const [filter, setFilter] = useState<CompareFilter>({ kind: 'all' });
  const order = useMemo(() => sortRows(union, sort), [union, sort]);
  // The search's texts are laid out once the person first goes to the search box, not with
  // every union: the table's first rows do not wait for a search nobody may type.
  const [searchStarted, setSearchStarted] = useState(false);
  const [searchFocused, setSearchFocused] = useState(false);
  const search = useMemo(
    () =>
      searchStarted
        ? createTrackSearch(tracksInOrder(union, order), store.libraries.forms.searchTexts())
        : null,
    [searchStarted, union, order, store],
  );
  useEffect(
    () =>
      searchFocused && search !== null
        ? inIdleSlices((deadline) => search.warmUp(deadline))
        : undefined,
    [search, searchFocused],
  );
  const matches = useMemo(() => search?.positions(query) ?? null, [search, query]);
  const presence = useMemo(() => presenceFilter(filter, union), [filter, union]);
  const view = useMemo(
    () => unionView(union, order, matches, presence),
    [union, order, matches, presence],
  );
  const typing = useChangedWithin(query, typingRestMs);
  const hearts = usePendingHearts(store.libraries, union);
  const picked = useCompareSelection(store, union, view.rows, unionAccounts ?? [], presence);
  const targets = everyAccount.filter((account) => account.id !== picked.source?.id);

  const searching = query.trim() !== '';
  const filtered = presence.kind !== 'all';
  const loading = states.filter((state) => state.phase === 'loading' || state.readingRest);
  const ready = states.length > 0 && loading.length === 0;
  const showFilters = (next: CompareFilter) => {
    // Another filter shows its rows from the top, as a new search does.
    table.current?.scrollToTop();
    setFilter(next);
  };

  return (
    <article className="compare-page" aria-labelledby={headingId}>
      <header className="compare-header">
        <h1 id={headingId}>All accounts</h1>
        <p className="muted" data-testid="compare-total">
          {searching
            ? `${formatCount(view.counts.all)} of ${plural(union.size, 'track', 'tracks')} match`
            : `${plural(union.size, 'distinct track', 'distinct tracks')} in ${plural(accounts.length, 'account', 'accounts')}`}
        </p>
        <input
          type="search"
          className="text-input search"
          aria-label="Search all accounts"
          placeholder="Search every account"
          spellCheck={false}
          autoComplete="off"
          value={query}
          onFocus={() => {
            setSearchStarted(true);
            setSearchFocused(true);
          }}
          onBlur={() => setSearchFocused(false)}
          onChange={(event) => {
            table.current?.scrollToTop();
            setQuery(event.target.value);
          }}
          disabled={union.size === 0}
        />
        <CompareExportActions
          union={union}
          rows={view.rows}
          presence={presence}
          filterName={unionAccounts === null ? null : filterName(filter, unionAccounts)}
          query={query.trim()}
          accounts={everyAccount}
          ready={ready}
        />
      </header>
      <CompareAccounts
        accounts={accounts}
        states={states}
        now={now}
        onRetry={(accountId) => {
          const state = store.libraries.get(accountId);
          if (state.error?.during === 'load') store.libraries.open(accountId);
          else void store.libraries.sync(accountId);
        }}
      />
      {leftOut.length > 0 && (
        <p className="hint">
          Not compared: {leftOut.map((account) => account.label).join(', ')} (sign in again to
          include {leftOut.length === 1 ? 'it' : 'them'}).
        </p>
      )}
      {unionAccounts !== null && (
        <CompareFilters
          accounts={unionAccounts}
          filter={filter}
          counts={view.counts}
          onChange={showFilters}
        />
      )}
      {loading.length > 0 && (
        <ProgressRow
          label={`Loading the saved tracks of ${plural(loading.length, 'account', 'accounts')}…`}
          value={null}
          max={null}
        />
      )}
      {hearts.failure !== null && (
        <div className="banner error" role="alert">
          <p>{hearts.failure}</p>
          <button type="button" className="button secondary" onClick={hearts.dismiss}>
            Dismiss
          </button>
        </div>
      )}
      {union.size > 0 && (
        <SelectionBar
          targets={targets}
          selectedCount={picked.selectedCount}
          hiddenCount={picked.hiddenCount}
          localCount={picked.localCount}
          notInSource={
            picked.source === null
              ? null
              : { count: picked.notInSource, sourceLabel: picked.source.label }
          }
          source={
            picked.source !== null && (
              <SourcePicker
                source={picked.source}
                fixed={picked.sourceFixed}
                choices={picked.sourceChoices}
                onChoose={picked.chooseSource}
              />
            )
          }
          shownCount={view.rows.length}
          narrowedBy={narrowedBy(searching, filtered)}
          allShownSelected={picked.allShownSelected}
          notReady={picked.notReady}
          onSelectAll={picked.selection.selectAll}
          onClear={picked.selection.clear}
          onChoose={picked.choose}
        />
      )}
      <p className="visually-hidden" role="status">
        {searching && view.rows.length > 0
          ? `${plural(view.rows.length, 'track matches', 'tracks match')}.`
          : ''}
      </p>
      {ready && view.rows.length === 0 && (
        <p className="empty-state" role="status">
          {emptySentence(union, searching ? query.trim() : null)}
        </p>
      )}
      {unionAccounts !== null && view.rows.length > 0 && (
        <CompareTable
          ref={table}
          union={union}
          rows={view.rows}
          accounts={unionAccounts}
          sort={sort}
          onSort={(key) => setSort((current) => nextSort(current, key))}
          label="Saved tracks of all accounts"
          typing={typing}
          pending={hearts.pending}
          onToggle={hearts.toggle}
          selection={picked.selection}
        />
      )}
    </article>
  );
}

/** The union's accounts as views, in its order; null while one of them has just gone. */
function accountsOf(
  union: LibraryUnion,
  accounts: readonly AccountView[],
): readonly AccountView[] | null {
  const found = union.accountIds.map((id) => accounts.find((account) => account.id === id));
  return found.every((account) => account !== undefined) ? found : null;
}

/** The filter in the union's account numbers; a filter naming an account gone shows all. */
function presenceFilter(filter: CompareFilter, union: LibraryUnion): PresenceFilter {
  const at = (id: string) => union.accountIds.indexOf(id);
  switch (filter.kind) {
    case 'all':
    case 'every':
    case 'several':
      return filter;
    case 'only':
      return at(filter.accountId) === -1
        ? { kind: 'all' }
        : { kind: 'only', account: at(filter.accountId) };
    case 'notIn':
      return at(filter.accountId) === -1 || at(filter.otherId) === -1
        ? { kind: 'all' }
        : { kind: 'notIn', account: at(filter.accountId), other: at(filter.otherId) };
  }
}

function narrowedBy(searching: boolean, filtered: boolean): string | null {
  if (searching) return filtered ? 'this search and filter' : 'this search';
  return filtered ? 'this filter' : null;
}

function emptySentence(union: LibraryUnion, query: string | null): string {
  if (union.size === 0) return 'None of these accounts has saved tracks yet.';
  if (query !== null) return `No saved tracks shown here match “${query}”.`;
  return 'No saved tracks are shown with this filter.';
}
