// What the account view does with its rows besides showing them: the selection (with what the
// selection bar says of it), copying or moving it through the plan dialog, and the heart of each
// row. The section renders; this hook is where those actions meet the stores.
import { useCallback, useDeferredValue, useMemo, useState } from 'react';

import { libraryItemKey, type AccountView, type TrackView } from '../app-contract.js';
import { jobSelection } from '../jobs/job-selection.js';
import { useListSelection, type ListSelection } from '../selection/use-list-selection.js';
import type { AppStore } from '../state/app-store.js';
import type { CopyKind } from './selection-bar.js';
import type { RowHearts } from './track-table.js';

export interface SelectionFacts {
  readonly selectedCount: number;
  readonly hiddenCount: number;
  readonly localCount: number;
  readonly allShownSelected: boolean;
  readonly notReady: string | null;
}

export interface TrackSelection {
  readonly selection: ListSelection<string>;
  readonly facts: SelectionFacts;
  readonly hearts: RowHearts;
  /** Plans copying or moving the selection; the selection clears once the job starts. */
  readonly choose: (kind: CopyKind, target: AccountView) => void;
}

/** `shown`: the rows in display order; `library`: the account's whole list, newest first. */
export function useTrackSelection(
  store: AppStore,
  account: AccountView,
  shown: readonly TrackView[],
  library: readonly TrackView[],
  searching: boolean,
): TrackSelection {
  const selection = useListSelection(shown, library, libraryItemKey);
  const { selected } = selection;
  const hearts = useHearts(store, account);

  // Local files are few: found once per list, then checked against each selection.
  const locals = useMemo(
    () => library.filter((track) => track.isLocal || track.id === null),
    [library],
  );
  const localCount = useMemo(() => countSelected(locals, selected), [locals, selected]);
  // Counting the search's selected matches goes through every match: after the keystroke's rows.
  const deferredShown = useDeferredValue(shown);
  const shownSelected = useMemo(
    () => (searching && selected.size > 0 ? countSelected(deferredShown, selected) : selected.size),
    [searching, deferredShown, selected],
  );
  const revision = store.libraries.revisionOf(account.id);

  const choose = (kind: CopyKind, target: AccountView) => {
    const current = store.libraries.get(account.id);
    const at = store.libraries.revisionOf(account.id);
    if (at === null) return;
    const request = {
      kind,
      targetAccountId: target.id,
      selection: jobSelection(account.id, at, current.tracks, selected),
    };
    void store.jobs.planSelection(request).then((job) => {
      if (job !== null) selection.clear();
    });
  };

  return {
    selection,
    hearts,
    choose,
    facts: {
      selectedCount: selected.size,
      hiddenCount: selected.size - shownSelected,
      localCount,
      allShownSelected: shown.length > 0 && shownSelected >= shown.length,
      notReady: revision === null ? 'Wait until all saved tracks are loaded.' : null,
    },
  };
}

function countSelected(tracks: readonly TrackView[], selected: ReadonlySet<string>): number {
  if (selected.size === 0) return 0;
  let count = 0;
  for (const track of tracks) if (selected.has(libraryItemKey(track))) count += 1;
  return count;
}

/** The hearts of the account's rows: a removal asked for shows at once, and undone if it fails. */
function useHearts(store: AppStore, account: AccountView): RowHearts {
  const [changing, setChanging] = useState<RowHearts['changing']>(() => new Map());
  const accountId = account.id;
  const onRemove = useCallback(
    (track: TrackView) => {
      if (track.id === null) return;
      const key = libraryItemKey(track);
      const mark = (state: 'removing' | 'removed' | null) =>
        setChanging((current) => {
          const next = new Map(current);
          if (state === null) next.delete(key);
          else next.set(key, state);
          return next;
        });
      mark('removing');
      void store.setSaved(accountId, track.id, false).then((done) => mark(done ? 'removed' : null));
    },
    [store, accountId],
  );
  return useMemo(
    () => ({ accountLabel: account.label, changing, onRemove }),
    [account.label, changing, onRemove],
  );
}
