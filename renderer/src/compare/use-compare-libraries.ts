// Every compared account's library for the compare view, from the app store's LibraryStore: each
// account is opened as its own page opens it (what is held shows at once, the cache is read when
// nothing is, a library older than the setting syncs in the background), and the view re-renders
// when any of them changes. Accounts that must sign in again are left out: they cannot sync.
import { useEffect, useMemo, useSyncExternalStore } from 'react';

import type { AccountView } from '../app-contract.js';
import type { LibraryState } from '../state/library-state.js';
import type { LibraryStore } from '../state/library-store.js';
import type { UnionSource } from './library-union.js';

export interface CompareLibraries {
  readonly states: readonly LibraryState[];
  /** The same array until one of the accounts' track lists changes (not its progress or time). */
  readonly sources: readonly UnionSource[];
}

/** Whether the account's library can be read and synced: not while it must sign in again. */
export function canCompare(account: AccountView): boolean {
  return account.status !== 'needs_sign_in' && account.status !== 'not_allowlisted';
}

export function useCompareLibraries(
  libraries: LibraryStore,
  accounts: readonly AccountView[],
): CompareLibraries {
  const idsKey = accounts.map((account) => account.id).join('\n');
  const select = useMemo(
    () => librariesSelector(libraries, idsKey === '' ? [] : idsKey.split('\n')),
    [libraries, idsKey],
  );
  const snapshot = useSyncExternalStore(libraries.subscribe, select);

  useEffect(() => {
    if (idsKey === '') return;
    for (const id of idsKey.split('\n')) libraries.open(id);
  }, [libraries, idsKey]);

  return snapshot;
}

/** A snapshot function that hands out the same object until one of the accounts' states changes. */
function librariesSelector(
  libraries: LibraryStore,
  accountIds: readonly string[],
): () => CompareLibraries {
  let snapshot: CompareLibraries = { states: [], sources: [] };
  let first = true;
  return () => {
    const states = accountIds.map(libraries.get);
    const same = (a: readonly unknown[], b: readonly unknown[]) =>
      a.length === b.length && a.every((item, i) => item === b[i]);
    if (!first && same(states, snapshot.states)) return snapshot;
    const tracks = states.map((state) => state.tracks);
    const sources =
      !first &&
      same(
        tracks,
        snapshot.sources.map((source) => source.tracks),
      )
        ? snapshot.sources
        : accountIds.map((accountId, i) => ({ accountId, tracks: tracks[i] ?? [] }));
    first = false;
    snapshot = { states, sources };
    return snapshot;
  };
}
