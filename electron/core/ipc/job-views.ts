// Library jobs as they cross the bridge: what the page asks to copy or move (a selection of one
// account's library at a revision), the plan the core answers with before anything is written,
// and each job's state as it runs, pauses, finishes or is undone. Part of the IPC contract
// (contract.ts re-exports it). Browser-safe: types, and the selection's encoding as plain
// functions, so the page and the core share one rule for it.

/**
 * Copy: add to the target. Move: add to the target, then remove from the source what it has.
 * Import: add a file's tracks to the target (its source is the file, `JobView.sourceLabel`).
 */
export type JobKind = 'copy' | 'move' | 'import' | 'undo_copy' | 'undo_move' | 'undo_import';

/**
 * Which tracks of one account's cached library: the page names the library's revision it shows
 * and the positions in it (newest first, as `library:cached` sends them) as a bitmap, so even
 * "select all 50,000" stays a small message. The core refuses a revision that is no longer the
 * account's library (`selection_stale`): the page then selects again on the new list.
 */
export interface JobSelection {
  readonly accountId: string;
  readonly revision: string;
  /** Base64 of a bitmap: bit i (least significant bit first in each byte) = position i. */
  readonly positions: string;
}

export interface JobPlanRequest {
  readonly kind: 'copy' | 'move';
  readonly targetAccountId: string;
  readonly selection: JobSelection;
}

/** An account whose sign-in does not allow changing its library: sign in again before a write. */
export interface MissingScopeView {
  readonly accountId: string;
  readonly scope: 'user-library-modify' | 'user-library-read';
}

/** What a job will do, computed from fresh caches and written nowhere until `jobs:start`. */
export interface JobPlanView {
  readonly planId: string;
  readonly kind: JobKind;
  /** An import's file name (its source); null for jobs between accounts. */
  readonly fileName: string | null;
  /** Copy/move: where the tracks come from. Undo: the undone job's source. */
  readonly sourceAccountId: string;
  readonly targetAccountId: string;
  /** Tracks in the selection (local files included). */
  readonly selected: number;
  /** Saves the job will make, oldest first (an undo of a move: saved back to the source). */
  readonly toAdd: number;
  /** Already in the target: skipped (a move still removes them from the source). */
  readonly alreadyInTarget: number;
  /** Local files: they have no Spotify ID, so they cannot be saved to another account. */
  readonly notCopyable: number;
  /** Removals the job will make (from the source for a move, from the target for an undo). */
  readonly toRemove: number;
  /** Write requests (at most 40 tracks each), one after another. */
  readonly writeRequests: number;
  /** At the current latency of Spotify's answers; a 429 pause makes it longer. */
  readonly estimatedSeconds: number;
  /** When each account's cache was last confirmed by Spotify (the plan is no fresher). */
  readonly sourceSyncedAt: number;
  readonly targetSyncedAt: number;
  /** Accounts that must sign in again before this job can write; empty when it can start. */
  readonly missingScopes: readonly MissingScopeView[];
}

export type JobState = 'queued' | 'running' | 'paused' | 'finished' | 'cancelled' | 'failed';

export type JobPauseReason =
  /** The app quit or stopped while the job ran. */
  | 'interrupted'
  /** The person paused it. */
  | 'requested'
  /** Spotify's quota for the app is used up; `until` says when it resumes by itself. */
  | 'quota_exceeded'
  /** Spotify asked the app to wait longer than it waits on its own; resumes at `until`. */
  | 'rate_limited'
  /** `accountId` must sign in again; the job resumes after it has. */
  | 'needs_sign_in'
  /** `accountId`'s sign-in does not allow changing its library; sign in again. */
  | 'missing_scope'
  /** Spotify could not be reached (or kept failing) after the usual retries. */
  | 'offline';

export interface JobPauseView {
  readonly reason: JobPauseReason;
  readonly accountId: string | null;
  /** Epoch ms when the job resumes by itself; null when it waits for the person. */
  readonly until: number | null;
}

/** Adding to the target, confirming the target has them (move), removing (move, undo). */
export type JobPhase = 'adding' | 'verifying' | 'removing' | 'done';

export interface JobCountsView {
  /** Saved by this job so far. */
  readonly added: number;
  readonly toAdd: number;
  readonly alreadyInTarget: number;
  readonly notCopyable: number;
  /** Removed by this job so far. */
  readonly removed: number;
  readonly toRemove: number;
  /** Move: tracks left in the source because the target was not confirmed to have them. */
  readonly keptInSource: number;
}

export interface JobView {
  readonly id: string;
  readonly kind: JobKind;
  readonly sourceAccountId: string;
  readonly targetAccountId: string;
  /** The accounts' names when the job was planned, for when an account has since been removed. */
  readonly sourceLabel: string;
  readonly targetLabel: string;
  readonly state: JobState;
  readonly phase: JobPhase;
  /** Set while `state` is `paused`. */
  readonly pause: JobPauseView | null;
  /** Set when `state` is `failed`: why, in a sentence, with its stable code. */
  readonly error: { readonly code: string; readonly message: string } | null;
  readonly counts: JobCountsView;
  readonly createdAt: number;
  readonly finishedAt: number | null;
  /** Undo jobs name the job they undo; an undone job names its undo. */
  readonly undoesJobId: string | null;
  readonly undoneByJobId: string | null;
  /** A finished (or cancelled) copy or move that wrote something and was not undone yet. */
  readonly canUndo: boolean;
}

/** The bitmap of positions as base64, for a list of `length` items. */
export function encodePositions(positions: Iterable<number>, length: number): string {
  const bytes = new Uint8Array(Math.ceil(length / 8));
  for (const position of positions) {
    if (Number.isInteger(position) && position >= 0 && position < length) {
      const byte = position >> 3;
      bytes[byte] = (bytes[byte] ?? 0) | (1 << (position & 7));
    }
  }
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

/** The positions a bitmap names, in increasing order; null when it is not valid base64. */
export function decodePositions(encoded: string): number[] | null {
  let binary: string;
  try {
    binary = atob(encoded);
  } catch {
    return null;
  }
  const positions: number[] = [];
  for (let i = 0; i < binary.length; i += 1) {
    const byte = binary.charCodeAt(i);
    if (byte === 0) continue;
    for (let bit = 0; bit < 8; bit += 1) {
      if (byte & (1 << bit)) positions.push(i * 8 + bit);
    }
  }
  return positions;
}
