// The selection of the compare table and the job it can become. Rows are selected by their union
// key (a track's Spotify ID, or a local file's own key), so the selection survives a new union
// (a sync, a job, a heart), a search and a filter. A job has one source account: the filter's
// account when the filter names one ("only in Alice", "in Alice but not in Bob"), otherwise the
// person's choice among the accounts holding the selected tracks (at first the one holding most).
// Selected tracks the source does not hold, and local files, are left out of the job and said so.
import { useCallback, useMemo, useState } from 'react';

import type { AccountView } from '../app-contract.js';
import { jobSelectionWhere } from '../jobs/job-selection.js';
import { useListSelection, type ListSelection } from '../selection/use-list-selection.js';
import type { AppStore } from '../state/app-store.js';
import { notInSourceSentence, type CopyKind } from '../tracks/selection-bar.js';
import { isLocalRow, localRowKey, rowKey, type LibraryUnion } from './library-union.js';
import type { PresenceFilter } from './union-view.js';

/** An account holding some of the selected tracks, and how many. */
export interface SourceChoice {
  readonly account: AccountView;
  readonly held: number;
}

export interface CompareSelection {
  readonly selection: ListSelection<string>;
  readonly selectedCount: number;
  readonly hiddenCount: number;
  readonly localCount: number;
  readonly allShownSelected: boolean;
  /** The job's source account, or null while nothing that can be copied is selected. */
  readonly source: AccountView | null;
  /** True when the filter names the source: there is nothing to choose. */
  readonly sourceFixed: boolean;
  /** The accounts holding selected tracks, in the union's order. */
  readonly sourceChoices: readonly SourceChoice[];
  readonly chooseSource: (accountId: string) => void;
  /** Selected tracks (not local files) the source does not hold. */
  readonly notInSource: number;
  readonly notReady: string | null;
  /** Plans copying or moving the selection; the selection clears once the job starts. */
  readonly choose: (kind: CopyKind, target: AccountView) => void;
}

/**
 * `rows`: the rows shown, in order; `accounts`: the union's accounts as views, in its order;
 * `filter`: the presence filter shown, in the union's account numbers.
 */
export function useCompareSelection(
  store: AppStore,
  union: LibraryUnion,
  rows: readonly number[],
  accounts: readonly AccountView[],
  filter: PresenceFilter,
): CompareSelection {
  const keyOf = useCallback((row: number) => rowKey(union, row), [union]);
  const everyRow = useMemo(() => Array.from({ length: union.size }, (_, row) => row), [union]);
  const selection = useListSelection(rows, everyRow, keyOf);
  const { selected } = selection;
  const [chosenSourceId, setChosenSourceId] = useState<string | null>(null);

  const anySelected = selected.size > 0;
  // Made once per union, and only once something is selected: key → row, and the rows shown.
  const rowsByKey = useMemo(() => (anySelected ? keyIndex(union) : null), [union, anySelected]);
  const shown = useMemo(
    () => (anySelected ? rowMask(union, rows) : null),
    [union, rows, anySelected],
  );
  const tally = useMemo(
    () => tallySelection(union, selected, rowsByKey, shown),
    [union, selected, rowsByKey, shown],
  );

  const fixed = filter.kind === 'only' || filter.kind === 'notIn' ? filter.account : null;
  const sourceIndex =
    fixed ?? pickSource(tally.held, union.accountIds.indexOf(chosenSourceId ?? ''));
  const source = sourceIndex === null ? null : (accounts[sourceIndex] ?? null);
  const copyable = selected.size - tally.local;
  const notInSource = source === null ? 0 : copyable - (tally.held[sourceIndex ?? -1] ?? 0);
  const sourceChoices = accounts
    .map((account, a) => ({ account, held: tally.held[a] ?? 0 }))
    .filter((choice) => choice.held > 0);
  const revision = source === null ? null : store.libraries.revisionOf(source.id);

  const choose = (kind: CopyKind, target: AccountView) => {
    if (source === null) return;
    const at = store.libraries.revisionOf(source.id);
    if (at === null) return;
    const tracks = store.libraries.get(source.id).tracks;
    const request = {
      kind,
      targetAccountId: target.id,
      // The source's own local files go too: the plan counts them as not copyable, as the
      // account view's plan does.
      selection: jobSelectionWhere(source.id, at, tracks, (track) =>
        selected.has(track.id ?? localRowKey(source.id, track)),
      ),
    };
    const note =
      notInSource > 0
        ? notInSourceSentence({ count: notInSource, sourceLabel: source.label })
        : null;
    void store.jobs.planSelection(request, note).then((job) => {
      if (job !== null) selection.clear();
    });
  };

  return {
    selection,
    selectedCount: selected.size,
    hiddenCount: selected.size - tally.shown,
    localCount: tally.local,
    allShownSelected: rows.length > 0 && tally.shown >= rows.length,
    source,
    sourceFixed: fixed !== null,
    sourceChoices,
    chooseSource: setChosenSourceId,
    notInSource,
    notReady:
      source !== null && revision === null ? 'Wait until all saved tracks are loaded.' : null,
    choose,
  };
}

interface SelectionTally {
  /** Per account (the union's numbers): selected tracks it holds, local files not counted. */
  readonly held: readonly number[];
  readonly local: number;
  /** Selected rows among the rows shown. */
  readonly shown: number;
}

function tallySelection(
  union: LibraryUnion,
  selected: ReadonlySet<string>,
  rowsByKey: ReadonlyMap<string, number> | null,
  shown: Uint8Array | null,
): SelectionTally {
  const held = new Array<number>(union.accountIds.length).fill(0);
  let local = 0;
  let shownCount = 0;
  if (rowsByKey === null || shown === null) return { held, local, shown: 0 };
  for (const key of selected) {
    const row = rowsByKey.get(key);
    if (row === undefined) continue;
    if (shown[row] === 1) shownCount += 1;
    if (isLocalRow(union, row)) {
      local += 1;
      continue;
    }
    const mask = union.presence[row] as number;
    for (let a = 0; a < held.length; a++) {
      if ((mask & (1 << a)) !== 0) held[a] = (held[a] as number) + 1;
    }
  }
  return { held, local, shown: shownCount };
}

/** The chosen account while it holds some of the selection, else the one holding most. */
function pickSource(held: readonly number[], chosen: number): number | null {
  if (chosen >= 0 && (held[chosen] ?? 0) > 0) return chosen;
  let best: number | null = null;
  held.forEach((count, a) => {
    if (count > 0 && (best === null || count > (held[best] ?? 0))) best = a;
  });
  return best;
}

function keyIndex(union: LibraryUnion): Map<string, number> {
  const index = new Map<string, number>();
  for (let row = 0; row < union.size; row++) index.set(rowKey(union, row), row);
  return index;
}

function rowMask(union: LibraryUnion, rows: readonly number[]): Uint8Array {
  const mask = new Uint8Array(union.size);
  for (const row of rows) mask[row] = 1;
  return mask;
}
