// An account's saved tracks: the count, instant search, the sortable virtualised table, and every
// state around it explained in words (loading with progress, empty, nothing matches, failed with
// the loaded tracks kept and a Retry button).
import { useDeferredValue, useId, useMemo, useState } from 'react';

import type { AccountView } from '../app-contract.js';
import { formatCount, plural } from '../format/formatters.js';
import { useStore } from '../state/app-store.js';
import { defaultSort, filterTracks, nextSort, searchText, sortTracks } from './track-order.js';
import { TrackTable } from './track-table.js';
import { useSavedTracks } from './use-saved-tracks.js';

export interface SavedTracksSectionProps {
  readonly account: AccountView;
}

/** Key it by account id: the loaded pages, search and sort belong to one account. */
export function SavedTracksSection({ account }: SavedTracksSectionProps) {
  const store = useStore();
  const enabled = account.status !== 'needs_sign_in' && account.status !== 'not_allowlisted';
  const saved = useSavedTracks(store.api, account.id, enabled);
  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query);
  const [sort, setSort] = useState(defaultSort);
  const headingId = useId();
  const progressId = useId();

  // Pages arrive faster than a big list re-sorts: let typing and scrolling go first.
  const tracks = useDeferredValue(saved.tracks);
  const sorted = useMemo(() => sortTracks(tracks, sort), [tracks, sort]);
  const text = useMemo(() => searchText(tracks), [tracks]);
  const visible = useMemo(
    () => filterTracks(sorted, text, deferredQuery),
    [sorted, text, deferredQuery],
  );

  const loaded = saved.tracks.length;
  const total = saved.total;
  const searching = deferredQuery.trim() !== '';

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
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          disabled={loaded === 0}
        />
      </div>

      {saved.phase === 'loading' && (
        <div className="progress-row">
          <span id={progressId} aria-live="polite">
            {total === null
              ? 'Loading your saved tracks…'
              : `Loading ${formatCount(loaded)} of ${formatCount(total)}`}
          </span>
          <progress
            aria-labelledby={progressId}
            max={total ?? undefined}
            value={total === null ? undefined : loaded}
          />
        </div>
      )}

      {saved.phase === 'failed' && saved.error && (
        <div className="banner error" role="alert">
          <p>
            {loaded > 0
              ? `Showing the ${plural(loaded, 'track', 'tracks')} loaded so far. `
              : 'Your saved tracks could not be loaded. '}
            {saved.error.message}
          </p>
          <button type="button" className="button secondary" onClick={saved.retry}>
            Retry
          </button>
        </div>
      )}

      {saved.phase === 'complete' && total === 0 && (
        <div className="empty-state">
          <h3>No saved tracks yet</h3>
          <p>Songs you like in Spotify (the ♥ or + button) appear here.</p>
        </div>
      )}

      <p className="visually-hidden" role="status">
        {searching && visible.length > 0
          ? `${plural(visible.length, 'track matches', 'tracks match')}.`
          : ''}
      </p>

      {searching && visible.length === 0 && loaded > 0 && (
        <p className="empty-state" role="status">
          No saved tracks match “{deferredQuery.trim()}”.
        </p>
      )}

      {visible.length > 0 && (
        <TrackTable
          tracks={visible}
          sort={sort}
          onSort={(key) => setSort((current) => nextSort(current, key))}
          label={`Saved tracks of ${account.label}`}
        />
      )}
    </section>
  );
}
