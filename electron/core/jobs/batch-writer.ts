// Writes one list of tracks to one account, batch by batch, exactly once: at most 40 tracks a
// request, one request after another (order matters: each save lands on top). Before a batch is
// sent, the journal records that its outcome is unknown; a batch that was in flight when the app
// stopped, or whose answer was lost, is checked with `contains` and only what is still missing
// (or, for removals, still there) is sent. An entry that covers a batch is on disk before the
// batch is sent, so a crash at any moment leaves a journal that errs on the side of checking.
import { setTimeout as sleep } from 'node:timers/promises';
import { backoffDelayMs } from '../spotify/backoff.js';
import { MAX_LIBRARY_URIS } from '../spotify/library-write-api.js';
import { SpotifyApiError } from '../spotify/spotify-api-errors.js';

export type WriteAction = 'add' | 'remove';

export interface BatchWriterDeps {
  /** Sends one batch (`unsafeToRepeat`: a lost answer rejects with `outcome_unknown`). */
  readonly write: (action: WriteAction, trackIds: readonly string[]) => Promise<void>;
  readonly contains: (trackIds: readonly string[]) => Promise<boolean[]>;
  /** Records the position before a send (`inFlight` true) and at the end (false). */
  readonly journal: (batch: number, inFlight: boolean) => Promise<void>;
  /** Checked before every batch: true stops the writer there (pause, cancel, quit). */
  readonly shouldStop: () => boolean;
  /**
   * Narrows each batch right before it is sent (a removal resumed long after its check re-checks
   * the other account): what it leaves out is simply not written.
   */
  readonly narrow?: (trackIds: readonly string[]) => Promise<readonly string[]>;
  /** A batch is known to be done. */
  readonly onBatchDone?: (batch: number) => void;
  /** In [0, 1); jitter of the wait before a lost batch is checked. */
  readonly random?: () => number;
}

export interface BatchWriteRequest {
  readonly action: WriteAction;
  /** In the order they are to be written. */
  readonly trackIds: readonly string[];
  /** The first batch not known to be done. */
  readonly fromBatch: number;
  /** Whether that batch may have been sent already. */
  readonly inFlight: boolean;
  /** Check every batch before sending it (the journal was lost). */
  readonly checkEveryBatch: boolean;
}

export type BatchWriteOutcome =
  | { readonly kind: 'done' }
  /** Stopped before `batch` (nothing of it in flight). */
  | { readonly kind: 'stopped'; readonly batch: number };

/** A batch whose answer keeps getting lost is checked and resent at most this many times. */
const maxLostAnswers = 5;

export function batchCount(items: number): number {
  return Math.ceil(items / MAX_LIBRARY_URIS);
}

export async function writeInBatches(
  request: BatchWriteRequest,
  deps: BatchWriterDeps,
): Promise<BatchWriteOutcome> {
  const batches = batchCount(request.trackIds.length);
  // A journal entry (batch b, in flight) says batches b and b + 1 may have been sent: so the
  // entry for the next batch is written while this one is on the wire, and an fsync is not
  // between one answer and the next send.
  let mayBeSentUpTo = request.inFlight ? request.fromBatch + 1 : request.fromBatch - 1;
  let coveredUpTo = mayBeSentUpTo;
  let pending: Promise<void> = Promise.resolve();
  for (let batch = request.fromBatch; batch < batches; batch += 1) {
    if (deps.shouldStop()) {
      await pending;
      // The position on disk must say whether this batch may have been sent.
      await deps.journal(batch, batch <= mayBeSentUpTo);
      return { kind: 'stopped', batch };
    }
    const ids = request.trackIds.slice(batch * MAX_LIBRARY_URIS, (batch + 1) * MAX_LIBRARY_URIS);
    for (let lost = 0; ; lost += 1) {
      const checked =
        batch <= mayBeSentUpTo || request.checkEveryBatch
          ? await stillToWrite(request.action, ids, deps)
          : ids;
      const toSend = deps.narrow === undefined ? checked : await deps.narrow(checked);
      if (batch > coveredUpTo || toSend.length !== checked.length) {
        // Nothing on disk says this batch may be sent yet, or it leaves something out that must
        // be recorded first: the journal is written before the send.
        await pending;
        await deps.journal(batch, true);
      } else {
        pending = deps.journal(batch, true);
      }
      coveredUpTo = batch + 1;
      mayBeSentUpTo = Math.max(mayBeSentUpTo, batch);
      try {
        if (toSend.length > 0) await deps.write(request.action, toSend);
        break;
      } catch (error) {
        await pending;
        const lostAnswer = error instanceof SpotifyApiError && error.code === 'outcome_unknown';
        if (!lostAnswer || lost + 1 >= maxLostAnswers) throw error;
        await sleep(
          backoffDelayMs(lost + 1, { baseMs: 250, maxMs: 5000 }, deps.random ?? Math.random),
        );
      }
    }
    // The next batch is sent only once the disk says it may have been.
    await pending;
    if (mayBeSentUpTo === batch) mayBeSentUpTo = batch - 1;
    deps.onBatchDone?.(batch);
  }
  await pending;
  await deps.journal(batches, false);
  return { kind: 'done' };
}

// What of a batch that may have been sent still needs sending.
async function stillToWrite(
  action: WriteAction,
  ids: readonly string[],
  deps: BatchWriterDeps,
): Promise<string[]> {
  const saved = await deps.contains(ids);
  return ids.filter((_, index) => (action === 'add' ? !saved[index] : saved[index]));
}
