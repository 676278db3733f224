// An account's saved tracks: the count, when they were last synced with a "Sync now" button,
// instant search, the selection bar, the sortable virtualised table with a heart per row, and
// every state around it explained in words (reading the cache, syncing with progress, empty,
// nothing matches, a failed sync with the cached tracks kept and a Retry button, Spotify asking
// to wait with the time it resumes).
import { useDeferredValue, useEffect, useId, useMemo, useRef, useState } from 'react';

import type { AccountView, SchedulerView } from '../app-contract.js';
import type { FailureCode } from '../failure-code.js';
import { inIdleSlices } from '../common/idle-slices.js';
import { typingRestMs, useChangedWithin } from '../common/use-changed-within.js';
import { formatCount, formatTime, plural } from '../format/formatters.js';
import { useAppState, useStore } from '../state/app-store.js';
import type { LibraryFailure, LibraryState } from '../state/library-state.js';
import { SelectionBar } from './selection-bar.js';
import { lastSyncedSentence, useNow } from './sync-age.js';
import { createTrackSearch, defaultSort, nextSort } from './track-order.js';
import { TrackTable, type TrackTableHandle } from './track-table.js';
import { useSavedTracks } from './use-saved-tracks.js';
import { useTrackSelection } from './use-track-selection.js';
import '../banners/banner.css';
import './saved-tracks.css';

export interface SavedTracksSectionProps {
  readonly account: AccountView;
}

/** Key it by account id: search and sort belong to one account (its tracks stay in the store). */
export function SavedTracksSection({ account }: SavedTracksSectionProps) {
  const store = useStore();
  const { scheduler, accounts } = useAppState();
  const enabled = account.status !== 'needs_sign_in' && account.status !== 'not_allowlisted';
  const saved = useSavedTracks(store.libraries, account.id, enabled);
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState(defaultSort);
  const now = useNow();
  const headingId = useId();
  const table = useRef<TrackTableHandle>(null);

  // A new list is sorted once (and kept with it): let typing and scrolling go first meanwhile.
  const tracks = useDeferredValue(saved.tracks);
  const sorted = useMemo(() => store.libraries.forms.sorted(tracks, sort), [store, tracks, sort]);
  const text = store.libraries.forms.searchTexts();
  // Filtered in the keystroke's own render: narrowing searches cost a few milliseconds, and a
  // deferred second render would only delay the rows the person is waiting for.
  const search = useMemo(() => createTrackSearch(sorted, text), [sorted, text]);
  // While the person is in the search box, the search gets ready for typing in idle time (again
  // for the new search a new list or sort order makes); called off when they leave.
  const [searchFocused, setSearchFocused] = useState(false);
  useEffect(
    () => (searchFocused ? inIdleSlices((deadline) => search.warmUp(deadline)) : undefined),
    [search, searchFocused],
  );
  const visible = useMemo(() => search.filter(query), [search, query]);
  // While the person types, new covers and rows out of view wait until the query has rested.
  const typing = useChangedWithin(query, typingRestMs);

  const loaded = saved.tracks.length;
  const total = saved.total;
  const searching = query.trim() !== '';
  const { selection, facts, hearts, choose } = useTrackSelection(
    store,
    account,
    visible,
    saved.tracks,
    searching,
  );
  const targets = useMemo(
    () => accounts.filter((other) => other.id !== account.id),
    [accounts, account.id],
  );

  if (!enabled) return null;

  return (
    <section className="tracks" aria-labelledby={headingId}>
      <div className="tracks-toolbar">
        <h2 id={headingId}>
          Saved tracks{' '}
          {total !== null && (
            <span className="count">
              {searching
                ? `${formatCount(visible.length)} of ${formatCount(total)}`
                : formatCount(total)}
            </span>
          )}
        </h2>
        <input
          type="search"
          className="text-input search"
          aria-label="Search saved tracks"
          placeholder="Search titles, artists, albums"
          // Titles and names are not words to correct; checking them costs each keystroke too.
          spellCheck={false}
          autoComplete="off"
          value={query}
          onFocus={() => setSearchFocused(true)}
          onBlur={() => setSearchFocused(false)}
          onChange={(event) => {
            // A new search shows its matches from the top, wherever the list was scrolled.
            table.current?.scrollToTop();
            setQuery(event.target.value);
          }}
          disabled={loaded === 0}
        />
        <span className="sync-age" data-testid="sync-age">
          {saved.lastSyncedAt !== null
            ? lastSyncedSentence(saved.lastSyncedAt, now)
            : saved.phase === 'ready'
              ? 'Not synced yet'
              : ''}
        </span>
        <button
          type="button"
          className="button secondary"
          onClick={saved.syncNow}
          disabled={saved.syncing || saved.phase !== 'ready'}
        >
          {/* Named in full for screen readers; the visible words stay part of the name. */}
          Sync <span className="visually-hidden">saved tracks</span> now
        </button>
      </div>

      {(saved.phase === 'loading' || saved.readingRest) && (
        <ProgressRow label="Loading your saved tracks…" value={null} max={null} />
      )}
      {saved.syncing && <SyncProgress saved={saved} />}

      {saved.error && (
        <FailureBanner
          error={saved.error}
          loaded={loaded}
          scheduler={scheduler}
          onRetry={saved.retry}
        />
      )}

      {saved.phase === 'ready' && saved.lastSyncedAt !== null && total === 0 && (
        <div className="empty-state">
          <h3>No saved tracks yet</h3>
          <p>Songs you like in Spotify (the ♥ or + button) appear here.</p>
        </div>
      )}

      {loaded > 0 && (
        <SelectionBar
          {...facts}
          targets={targets}
          shownCount={visible.length}
          narrowedBy={searching ? 'this search' : null}
          onSelectAll={selection.selectAll}
          onClear={selection.clear}
          onChoose={choose}
        />
      )}

      <p className="visually-hidden" role="status">
        {searching && visible.length > 0
          ? `${plural(visible.length, 'track matches', 'tracks match')}.`
          : ''}
      </p>

      {searching && visible.length === 0 && loaded > 0 && (
        <p className="empty-state" role="status">
          No saved tracks match “{query.trim()}”.
        </p>
      )}

      {visible.length > 0 && (
        <TrackTable
          ref={table}
          tracks={visible}
          typing={typing}
          capacity={sorted.length}
          sort={sort}
          onSort={(key) => setSort((current) => nextSort(current, key))}
          label={`Saved tracks of ${account.label}`}
          selection={selection}
          hearts={hearts}
        />
      )}
    </section>
  );
}

function SyncProgress({ saved }: { readonly saved: LibraryState }) {
  const { progress } = saved;
  if (progress === null || progress.phase === 'checking') {
    return <ProgressRow label="Checking for new saved tracks…" value={null} max={null} />;
  }
  return (
    <ProgressRow
      label={`Syncing ${formatCount(progress.loaded)} of ${formatCount(progress.total)}`}
      value={Math.min(progress.loaded, progress.total)}
      max={progress.total}
    />
  );
}

export function ProgressRow(props: {
  readonly label: string;
  readonly value: number | null;
  readonly max: number | null;
}) {
  const labelId = useId();
  return (
    <div className="progress-row">
      <span id={labelId} aria-live="polite">
        {props.label}
      </span>
      <progress
        aria-labelledby={labelId}
        max={props.max ?? undefined}
        value={props.value ?? undefined}
      />
    </div>
  );
}

const waitCodes = new Set<FailureCode>(['rate_limited', 'quota_exceeded']);

function FailureBanner(props: {
  readonly error: LibraryFailure;
  readonly loaded: number;
  readonly scheduler: SchedulerView;
  readonly onRetry: () => void;
}) {
  const { error, loaded, scheduler } = props;
  const kept =
    loaded > 0 ? `Showing the ${plural(loaded, 'track', 'tracks')} from the last sync. ` : '';
  if (error.during === 'sync' && waitCodes.has(error.code)) {
    // Retrying before Spotify's time is up would only be refused again: say when it resumes.
    return (
      <div className="banner warning" role="alert" data-error-code={error.code}>
        <p>
          {kept}
          {resumeSentence(error, scheduler)}
        </p>
      </div>
    );
  }
  return (
    <div className="banner error" role="alert" data-error-code={error.code}>
      <p>
        {kept ||
          (error.during === 'load'
            ? 'Your saved tracks could not be loaded. '
            : 'Your saved tracks could not be synced. ')}
        {error.message}
      </p>
      <button type="button" className="button secondary" onClick={props.onRetry}>
        Retry
      </button>
    </div>
  );
}

function resumeSentence(error: LibraryFailure, scheduler: SchedulerView): string {
  if (scheduler.kind === 'quota_exceeded') {
    return `Your Spotify app has used up its request quota for now; syncing resumes at ${formatTime(scheduler.until)}.`;
  }
  if (scheduler.kind === 'rate_limited') {
    return `Spotify asked us to slow down; syncing resumes at ${formatTime(scheduler.until)}.`;
  }
  return error.message;
}
