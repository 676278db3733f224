// One account's saved tracks for the track table, from the app store's LibraryStore: opening the
// account shows what is held at once, reads the cache when nothing is (no network), and syncs in
// the background when the library is missing or older than the setting. This hook is the only
// place the section learns how tracks arrive; it never fetches by itself.
import { useCallback, useEffect, useSyncExternalStore } from 'react';

import type { LibraryState } from '../state/library-state.js';
import type { LibraryStore } from '../state/library-store.js';

export interface SavedTracks extends LibraryState {
  /** Syncs with Spotify now (the "Sync now" button, and Retry after a failed sync). */
  readonly syncNow: () => void;
  /** Tries again what failed: reading the cache, or the sync. */
  readonly retry: () => void;
}

/** With `enabled` false nothing is read or synced (an account that must sign in again). */
export function useSavedTracks(
  libraries: LibraryStore,
  accountId: string,
  enabled: boolean,
): SavedTracks {
  const state = useSyncExternalStore(libraries.subscribe, () => libraries.get(accountId));

  useEffect(() => {
    if (enabled) libraries.open(accountId);
  }, [libraries, accountId, enabled]);

  const syncNow = useCallback(() => void libraries.sync(accountId), [libraries, accountId]);
  const failedDuring = state.error?.during;
  const retry = useCallback(() => {
    if (failedDuring === 'load') libraries.open(accountId);
    else void libraries.sync(accountId);
  }, [libraries, accountId, failedDuring]);

  return { ...state, syncNow, retry };
}
