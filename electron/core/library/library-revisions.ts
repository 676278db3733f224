// Gives each account's library a revision and remembers the last few steps between revisions, so
// a page that holds revision R after a sync gets only what changed since R instead of the whole
// library again. A step is worked out by comparing the library before and after a sync
// (`diffLibraries`); a change that is not "new items at the top, some items gone" (a full sync
// that reordered, a page that fell too far behind) leaves no step, and the page reads the library
// again. Revisions carry a per-process prefix: one handed out before a restart never matches.
import { randomUUID } from 'node:crypto';
import type { SavedTrack } from '../spotify/models.js';
import { diffLibraries, maxStepItems, type ItemsDiff } from './library-diff.js';
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

  /** The snapshot is now the account's library, with no history (read from disk, say). */
  adopt(accountId: string, snapshot: LibrarySnapshot): string {
    const revision = this.#newRevision();
    this.#ofSnapshot.set(snapshot, revision);
    this.#accounts.set(accountId, { current: revision, steps: [] });
    return revision;
  }

  /** The revision given to this snapshot, if it was ever the account's library. */
  revisionOf(snapshot: LibrarySnapshot): string | null {
    return this.#ofSnapshot.get(snapshot) ?? null;
  }

  /**
   * A sync replaced `before` (null: nothing was held) with `after`. A sync that changed nothing
   * keeps the revision; otherwise the new revision is reached from the old one by the step
   * between them, when there is one.
   */
  record(
    accountId: string,
    before: LibrarySnapshot | null,
    after: LibrarySnapshot,
    unchanged: boolean,
  ): string {
    const account = this.#accounts.get(accountId);
    const from = before === null ? null : this.revisionOf(before);
    const fromCurrent = from !== null && account?.current === from;
    const diff =
      fromCurrent && !unchanged && before !== null
        ? diffLibraries(before.tracks, after.tracks)
        : null;
    if (fromCurrent && (unchanged || (diff?.added.length === 0 && diff.removed.length === 0))) {
      this.#ofSnapshot.set(after, from);
      return from;
    }
    const to = this.#newRevision();
    this.#ofSnapshot.set(after, to);
    if (account === undefined || !fromCurrent || diff === null) {
      this.#accounts.set(accountId, { current: to, steps: [] });
      return to;
    }
    account.steps.push({ from, to, diff });
    if (account.steps.length > stepsKept) account.steps.shift();
    account.current = to;
    return to;
  }

  /** What changed between `since` and `current`, the account's library now. */
  changesSince(accountId: string, since: string | null, current: LibrarySnapshot): ChangesSince {
    const account = this.#accounts.get(accountId);
    // Steps are only handed out when they are known to end at the library held now.
    if (account === undefined || since === null || account.current !== this.revisionOf(current)) {
      return { kind: 'reload' };
    }
    if (since === account.current) return { kind: 'none' };
    const start = account.steps.findIndex((step) => step.from === since);
    if (start === -1) return { kind: 'reload' };
    const steps = account.steps.slice(start).map((step) => step.diff);
    const items = steps.reduce((sum, step) => sum + step.added.length + step.removed.length, 0);
    // Several syncs' changes together can be larger than reading the library again.
    return items > maxStepItems ? { kind: 'reload' } : { kind: 'delta', steps };
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
