// Gives each account's library a revision and remembers the last few steps between revisions, so
// a page that holds revision R after a sync gets only what changed since R instead of the whole
// library again. A step is worked out by comparing the library before and after a sync
// (`diffLibraries`); a change that is not "new items at the top, some items gone" (a full sync
// that reordered, a page that fell too far behind) leaves no step, and the page reads the library
// again. Revisions carry a per-process prefix: one handed out before a restart never matches.
import { randomUUID } from 'node:crypto';
import type { SavedTrack } from '../spotify/models.js';
import { diffLibraries, type ItemsDiff } from './library-diff.js';
import type { LibrarySnapshot } from './library-snapshot.js';

/** One step between two revisions, in the core's own track form. */
export type LibraryDiff = ItemsDiff<SavedTrack>;

export type ChangesSince =
  | { readonly kind: 'none' }
  | { readonly kind: 'delta'; readonly steps: readonly LibraryDiff[] }
  | { readonly kind: 'reload' };

/** Steps kept per account: a page more syncs behind than this reads the library again. */
const stepsKept = 8;

interface AccountRevisions {
  current: string;
  readonly steps: { readonly from: string; readonly to: string; readonly diff: LibraryDiff }[];
}

export class LibraryRevisions {
  readonly #prefix = randomUUID().slice(0, 8);
  readonly #accounts = new Map<string, AccountRevisions>();
  readonly #ofSnapshot = new WeakMap<LibrarySnapshot, string>();
  #next = 1;

  /** The revision of this snapshot of the account's library (a new one the first time it is seen). */
  revisionOf(accountId: string, snapshot: LibrarySnapshot): string {
    const known = this.#ofSnapshot.get(snapshot);
    if (known !== undefined) return known;
    const revision = this.#newRevision();
    this.#ofSnapshot.set(snapshot, revision);
    this.#accounts.set(accountId, { current: revision, steps: [] });
    return revision;
  }

  /**
   * A sync replaced `before` (null: nothing was held) with `after`. An unchanged sync keeps the
   * revision; otherwise the new revision is reached from the old one by the step between them,
   * when there is one.
   */
  record(
    accountId: string,
    before: LibrarySnapshot | null,
    after: LibrarySnapshot,
    unchanged: boolean,
  ): string {
    const account = before === null ? undefined : this.#accounts.get(accountId);
    const from = before === null ? undefined : this.#ofSnapshot.get(before);
    if (unchanged && from !== undefined) {
      this.#ofSnapshot.set(after, from);
      return from;
    }
    const to = this.#newRevision();
    this.#ofSnapshot.set(after, to);
    const diff = before === null ? null : diffLibraries(before.tracks, after.tracks);
    if (account === undefined || from === undefined || account.current !== from || diff === null) {
      this.#accounts.set(accountId, { current: to, steps: [] });
      return to;
    }
    account.steps.push({ from, to, diff });
    if (account.steps.length > stepsKept) account.steps.shift();
    account.current = to;
    return to;
  }

  /** What changed between `since` and the current revision of the account. */
  changesSince(accountId: string, since: string | null): ChangesSince {
    const account = this.#accounts.get(accountId);
    if (account === undefined || since === null) return { kind: 'reload' };
    if (since === account.current) return { kind: 'none' };
    const start = account.steps.findIndex((step) => step.from === since);
    if (start === -1) return { kind: 'reload' };
    return { kind: 'delta', steps: account.steps.slice(start).map((step) => step.diff) };
  }

  /** The account's library is gone (removed, or its memory dropped). */
  forget(accountId: string): void {
    this.#accounts.delete(accountId);
  }

  #newRevision(): string {
    const revision = `${this.#prefix}-${this.#next}`;
    this.#next += 1;
    return revision;
  }
}
