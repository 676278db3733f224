// The hearts of the compare table: pressing one saves the row's track for that account or removes
// it through the library store, and shows the change as asked until the library (updated by the
// core's library:changed) says so. A refusal puts the heart back and says why.
import { useCallback, useState } from 'react';

import { errorSentence } from '../format/error-sentences.js';
import type { LibraryStore } from '../state/library-store.js';
import { rowKey, rowOfKey, savedAtOf, trackAt, type LibraryUnion } from './library-union.js';

/** The key of one heart in `pending`. */
export function pendingKey(rowKey: string, accountId: string): string {
  return `${rowKey}\n${accountId}`;
}

export interface PendingHearts {
  /** `pendingKey(row key, account id)` → saving (true) or removing (false). */
  readonly pending: ReadonlyMap<string, boolean>;
  readonly toggle: (row: number, account: number) => void;
  /** The last refusal, as a sentence; null when none or dismissed. */
  readonly failure: string | null;
  readonly dismiss: () => void;
}

export function usePendingHearts(libraries: LibraryStore, union: LibraryUnion): PendingHearts {
  const [pending, setPending] = useState<ReadonlyMap<string, boolean>>(new Map());
  const [failure, setFailure] = useState<string | null>(null);

  // The library shows the change: the heart no longer needs to. Checked when a new union comes
  // (during that render, so the rows never show a heart both ways).
  const [seen, setSeen] = useState(union);
  if (seen !== union) {
    setSeen(union);
    setPending(withoutShown(pending, union));
  }

  const toggle = useCallback(
    (row: number, account: number) => {
      if (row >= union.size) return;
      const track = trackAt(union, row);
      const accountId = union.accountIds[account];
      if (track.id === null || accountId === undefined) return;
      const saving = savedAtOf(union, row, account) === null;
      const key = pendingKey(rowKey(union, row), accountId);
      setPending((current) => new Map(current).set(key, saving));
      setFailure(null);
      libraries.setSaved(accountId, track.id, saving).catch((error: unknown) => {
        setPending((current) => {
          const next = new Map(current);
          next.delete(key);
          return next;
        });
        const action = saving ? `save “${track.name}”` : `remove “${track.name}”`;
        setFailure(`Could not ${action}. ${errorSentence(error)}`);
      });
    },
    [libraries, union],
  );

  const dismiss = useCallback(() => setFailure(null), []);
  return { pending, toggle, failure, dismiss };
}

/** The pending hearts the union does not show yet (the same map when there are none shown). */
function withoutShown(
  pending: ReadonlyMap<string, boolean>,
  union: LibraryUnion,
): ReadonlyMap<string, boolean> {
  if (pending.size === 0) return pending;
  const next = new Map(pending);
  for (const [key, saving] of pending) {
    const [shownKey = '', accountId = ''] = key.split('\n');
    const row = rowOfKey(union, shownKey);
    const account = union.accountIds.indexOf(accountId);
    const saved = row !== -1 && account !== -1 && savedAtOf(union, row, account) !== null;
    if (saved === saving) next.delete(key);
  }
  return next.size === pending.size ? pending : next;
}
