// The pure rules of a job's plan and position: the order saves are made in, what is skipped,
// what an undo takes back (a batch whose outcome is unknown included), and the counts the page
// shows, derived from the journalled position alone.
import { describe, expect, it } from 'vitest';
import { planCopy, planImport, planUndo } from '../../../electron/core/jobs/job-plan.js';
import { jobCounts, stepItemsDone } from '../../../electron/core/jobs/job-progress.js';
import type { JobDefinition, JobProgress } from '../../../electron/core/jobs/job-record.js';
import type { SavedTrack } from '../../../electron/core/spotify/models.js';

function track(n: number, overrides: Partial<SavedTrack> = {}): SavedTrack {
  return {
    id: `t${String(n).padStart(21, '0')}`,
    uri: `spotify:track:t${n}`,
    name: `Song ${n}`,
    artists: [],
    album: 'Album',
    albumImageUrl: null,
    durationMs: 1000,
    explicit: false,
    isLocal: false,
    addedAt: 1_000_000 - n,
    spotifyUrl: null,
    ...overrides,
  };
}

const library = (tracks: SavedTrack[]) => ({ tracks, total: tracks.length, lastSyncedAt: 0 });

function progress(overrides: Partial<JobProgress>): JobProgress {
  return {
    state: 'finished',
    pause: null,
    error: null,
    step: 0,
    batch: 0,
    inFlight: false,
    checkEveryBatch: false,
    skipped: [],
    finishedAt: null,
    undoneByJobId: null,
    updatedAt: 0,
    ...overrides,
  };
}

function definitionOf(draft: ReturnType<typeof planCopy>): JobDefinition {
  return {
    id: 'job',
    kind: draft.kind,
    sourceAccountId: 'a',
    targetAccountId: 'b',
    sourceLabel: 'A',
    targetLabel: 'B',
    createdAt: 0,
    undoesJobId: null,
    items: [...draft.items],
    steps: [...draft.steps],
    planned: draft.planned,
  };
}

describe('planCopy', () => {
  it('saves oldest first, skips what the target has, and counts local files apart', () => {
    const selected = [track(1), track(2, { id: null, isLocal: true }), track(3), track(4)];
    const draft = planCopy({
      kind: 'copy',
      sourceAccountId: 'a',
      targetAccountId: 'b',
      selected,
      target: library([track(3)]),
    });
    expect(draft.items.map((item) => item.id)).toEqual([track(4).id, track(3).id, track(1).id]);
    const add = draft.steps[0];
    expect(add?.items.map((i) => draft.items[i]?.id)).toEqual([track(4).id, track(1).id]);
    expect(draft.planned).toEqual({ selected: 4, alreadyInTarget: 1, notCopyable: 1 });
    expect(draft.steps).toHaveLength(1);
  });

  it('plans a move as add, confirm in the target, then remove only what was confirmed', () => {
    const draft = planCopy({
      kind: 'move',
      sourceAccountId: 'a',
      targetAccountId: 'b',
      selected: [track(1), track(2)],
      target: library([]),
    });
    expect(draft.steps.map((s) => [s.action, s.accountId, s.onlyConfirmedBy])).toEqual([
      ['add', 'b', null],
      ['verify', 'b', null],
      ['remove', 'a', 1],
    ]);
    expect(draft.toRemove).toBe(2);
    expect(draft.writeRequests).toBe(2);
  });
});

describe('planUndo and the counts', () => {
  const selected = Array.from({ length: 100 }, (_, n) => track(n));
  const copy = planCopy({
    kind: 'copy',
    sourceAccountId: 'a',
    targetAccountId: 'b',
    selected,
    target: library([]),
  });
  const definition = definitionOf(copy);

  it('undoes a cancelled copy including the batches whose outcome was unknown', () => {
    const cancelled = progress({ state: 'cancelled', step: 0, batch: 1, inFlight: true });
    const undo = planUndo({ definition, progress: cancelled }, new Map());
    expect(undo?.kind).toBe('undo_copy');
    // Batch 1 was in flight, so batch 2 may have been sent too.
    expect(undo?.toRemove).toBe(100);
    // The page's count shows only what is known to be done.
    expect(jobCounts(definition, cancelled, new Map()).added).toBe(40);
  });

  it('has nothing to undo for a copy that wrote nothing', () => {
    expect(planUndo({ definition, progress: progress({ state: 'cancelled' }) }, new Map())).toBe(
      null,
    );
  });

  it('counts a move: removed only what the target was confirmed to have', () => {
    const move = definitionOf(
      planCopy({
        kind: 'move',
        sourceAccountId: 'a',
        targetAccountId: 'b',
        selected,
        target: library([]),
      }),
    );
    const confirmed = new Map([[1, move.items.map((_, i) => i).filter((i) => i % 10 !== 0)]]);
    const done = progress({ step: 3 });
    const counts = jobCounts(move, done, confirmed);
    expect(counts).toMatchObject({ added: 100, toRemove: 90, removed: 90, keptInSource: 10 });
    expect(stepItemsDone(move, done, confirmed, 2)).toHaveLength(90);
    const undo = planUndo({ definition: move, progress: done }, confirmed);
    expect(undo?.steps.map((s) => [s.action, s.accountId, s.items.length])).toEqual([
      ['add', 'a', 90],
      ['verify', 'a', 100],
      ['remove', 'b', 100],
    ]);
  });
});

describe('planImport', () => {
  const row = (id: string, addedAt: number | null, line: number) => ({ id, addedAt, line });

  it('saves the oldest date first; rows of one second keep the file order (lower row first)', () => {
    const draft = planImport({
      targetAccountId: 'b',
      sections: [
        {
          label: null,
          spotifyUserId: null,
          tracks: [row('n3', 300, 2), row('n2b', 200, 3), row('n2a', 200, 4), row('n1', 100, 5)],
        },
      ],
      target: library([track(9, { id: 'n2a' })]),
    });

    expect(draft.kind).toBe('import');
    expect(draft.items.map((item) => item.id)).toEqual(['n1', 'n2a', 'n2b', 'n3']);
    // n2a is already in the target: not sent, counted.
    expect(draft.steps).toEqual([
      { action: 'add', accountId: 'b', items: [0, 2, 3], onlyConfirmedBy: null },
    ]);
    expect(draft.planned).toEqual({ selected: 4, alreadyInTarget: 1, notCopyable: 0 });
  });

  it('goes bottom-up in file order when a row has no date, and takes a track of two sections once', () => {
    const draft = planImport({
      targetAccountId: 'b',
      sections: [
        { label: 'A', spotifyUserId: 'a', tracks: [row('x', 300, 2), row('y', null, 3)] },
        { label: 'C', spotifyUserId: 'c', tracks: [row('x', 100, 5), row('z', 50, 6)] },
      ],
      target: library([]),
    });

    expect(draft.items.map((item) => item.id)).toEqual(['z', 'y', 'x']);
    expect(draft.toAdd).toBe(3);
    expect(draft.writeRequests).toBe(1);
  });
});
