// What the compare view exports: the rows its filter (and search) shows, as one section per
// account holding some of them, each a selection of that account's library at the revision the
// page holds (as a copy names its tracks); or every account's whole library. The file's title is
// the filter's name, as the filters say it ("Only in Alice").
import type { AccountView, ExportSource } from '../app-contract.js';
import type { CompareFilter } from '../compare/compare-filters.js';
import { localRowKey, rowKey, type LibraryUnion } from '../compare/library-union.js';
import type { PresenceFilter } from '../compare/union-view.js';
import { jobSelectionWhere } from '../jobs/job-selection.js';
import type { LibraryStore } from '../state/library-store.js';

/** "All tracks", "In both accounts", "Only in Alice", "In Alice but not in Bob"… */
export function filterName(filter: CompareFilter, accounts: readonly AccountView[]): string {
  const labelOf = (id: string) => accounts.find((account) => account.id === id)?.label ?? '';
  switch (filter.kind) {
    case 'all':
      return 'All tracks';
    case 'every':
      return accounts.length === 2 ? 'In both accounts' : `In all ${accounts.length} accounts`;
    case 'several':
      return 'In more than one account';
    case 'only':
      return `Only in ${labelOf(filter.accountId)}`;
    case 'notIn':
      return `In ${labelOf(filter.accountId)} but not in ${labelOf(filter.otherId)}`;
  }
}

/**
 * One selection per account holding shown rows, in the union's order; when the filter names an
 * account (only in, in … but not in), that account's alone: the others are not what it shows.
 * Null while a library is still being read (its revision is not known yet).
 */
export function shownSources(
  libraries: LibraryStore,
  union: LibraryUnion,
  rows: readonly number[],
  filter: PresenceFilter,
): ExportSource[] | null {
  const shown = new Set(rows.map((row) => rowKey(union, row)));
  const named = filter.kind === 'only' || filter.kind === 'notIn' ? filter.account : null;
  const sources: ExportSource[] = [];
  for (const [a, accountId] of union.accountIds.entries()) {
    if (named !== null && a !== named) continue;
    const revision = libraries.revisionOf(accountId);
    if (revision === null) return null;
    let count = 0;
    const selection = jobSelectionWhere(
      accountId,
      revision,
      libraries.get(accountId).tracks,
      (track) => {
        const picked = shown.has(track.id ?? localRowKey(accountId, track));
        if (picked) count += 1;
        return picked;
      },
    );
    if (count > 0) sources.push({ kind: 'selection', selection });
  }
  return sources;
}

/** Every account's whole library, each synced first when older than the setting. */
export function allLibraries(accounts: readonly AccountView[]): ExportSource[] {
  return accounts.map((account) => ({ kind: 'library', accountId: account.id }));
}
