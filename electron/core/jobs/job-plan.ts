// Works out what a job will do, before anything is written: pure, from libraries the caller made
// fresh. A copy saves the selected tracks the target lacks, oldest first, so the newest ends on
// top as in the source; a move then confirms the target has every selected track and removes
// from the source only those. An undo works from what the job it undoes really did: a copy's
// undo removes what it added; a move's undo saves back to the source what it removed (oldest
// first), confirms the source has them, then removes from the target what the move added.
import type { ImportSection } from '../library-files/import-types.js';
import type { SavedTrack } from '../spotify/models.js';
import type { LibrarySnapshot } from '../library/library-snapshot.js';
import { batchCount } from './batch-writer.js';
import type { JobDefinition, JobItem, JobProgress, JobStep } from './job-record.js';
import { stepItemsDone } from './job-progress.js';

export interface JobDraft {
  readonly kind: JobDefinition['kind'];
  readonly items: readonly JobItem[];
  readonly steps: readonly JobStep[];
  readonly planned: JobDefinition['planned'];
  /** Requests the writes take (at most 40 tracks each). */
  readonly writeRequests: number;
  /** Tracks the steps add and remove. */
  readonly toAdd: number;
  readonly toRemove: number;
}

export interface CopyPlanInput {
  readonly kind: 'copy' | 'move';
  readonly sourceAccountId: string;
  readonly targetAccountId: string;
  /** The selected tracks, in the source's order (newest first). */
  readonly selected: readonly SavedTrack[];
  readonly target: LibrarySnapshot;
}

export function planCopy(input: CopyPlanInput): JobDraft {
  const inTarget = new Set(input.target.tracks.flatMap((track) => track.id ?? []));
  const items: JobItem[] = [];
  const seen = new Set<string>();
  let notCopyable = 0;
  // Oldest first: the order the saves must be made in.
  for (let i = input.selected.length - 1; i >= 0; i -= 1) {
    const track = input.selected[i];
    if (track === undefined) continue;
    if (track.isLocal || track.id === null) {
      notCopyable += 1;
      continue;
    }
    if (seen.has(track.id)) continue;
    seen.add(track.id);
    items.push({ id: track.id, addedAt: track.addedAt });
  }
  const toAdd: number[] = [];
  const already: number[] = [];
  items.forEach((item, index) => (inTarget.has(item.id) ? already : toAdd).push(index));
  const all = items.map((_, index) => index);
  const steps: JobStep[] = [
    { action: 'add', accountId: input.targetAccountId, items: toAdd, onlyConfirmedBy: null },
  ];
  if (input.kind === 'move') {
    steps.push(
      { action: 'verify', accountId: input.targetAccountId, items: all, onlyConfirmedBy: null },
      { action: 'remove', accountId: input.sourceAccountId, items: all, onlyConfirmedBy: 1 },
    );
  }
  const toRemove = input.kind === 'move' ? all.length : 0;
  return {
    kind: input.kind,
    items,
    steps,
    planned: { selected: input.selected.length, alreadyInTarget: already.length, notCopyable },
    writeRequests: batchCount(toAdd.length) + batchCount(toRemove),
    toAdd: toAdd.length,
    toRemove,
  };
}

export interface ImportPlanInput {
  readonly targetAccountId: string;
  /** The file's sections the person chose (one, or all of them). */
  readonly sections: readonly ImportSection[];
  readonly target: LibrarySnapshot;
}

/**
 * An import saves the file's tracks the target lacks, oldest first: by the file's dates added
 * when every track has one (ties: the lower row first, as a newest-first file lists them), else
 * bottom-up in file order, so the file's top row ends newest. A track in several sections is
 * saved once, with its first row's date.
 */
export function planImport(input: ImportPlanInput): JobDraft {
  const seen = new Set<string>();
  const tracks = input.sections
    .flatMap((section) => section.tracks)
    .filter((track) => !seen.has(track.id) && seen.add(track.id) !== undefined);
  const dated = tracks.every((track) => track.addedAt !== null);
  const oldestFirst = dated
    ? tracks
        .map((track, order) => ({ track, order }))
        .sort((a, b) => (a.track.addedAt ?? 0) - (b.track.addedAt ?? 0) || b.order - a.order)
        .map(({ track }) => track)
    : [...tracks].reverse();
  const items: JobItem[] = oldestFirst.map((track) => ({
    id: track.id,
    addedAt: track.addedAt ?? 0,
  }));
  const inTarget = new Set(input.target.tracks.flatMap((track) => track.id ?? []));
  const toAdd = items.flatMap((item, index) => (inTarget.has(item.id) ? [] : [index]));
  return {
    kind: 'import',
    items,
    steps: [
      { action: 'add', accountId: input.targetAccountId, items: toAdd, onlyConfirmedBy: null },
    ],
    planned: {
      selected: items.length,
      alreadyInTarget: items.length - toAdd.length,
      notCopyable: 0,
    },
    writeRequests: batchCount(toAdd.length),
    toAdd: toAdd.length,
    toRemove: 0,
  };
}

/**
 * The undo of a finished or cancelled copy, move or import, from what its steps did. Null when it wrote
 * nothing there is to undo.
 */
export function planUndo(
  job: { readonly definition: JobDefinition; readonly progress: JobProgress },
  confirmed: ReadonlyMap<number, readonly number[]>,
): JobDraft | null {
  const { definition } = job;
  const done = (step: number) => stepItemsDone(definition, job.progress, confirmed, step);
  const added = done(0);
  if (definition.kind === 'copy' || definition.kind === 'import') {
    if (added.length === 0) return null;
    return undoDraft(definition.kind === 'copy' ? 'undo_copy' : 'undo_import', definition, [
      {
        action: 'remove',
        accountId: definition.targetAccountId,
        items: [...added],
        onlyConfirmedBy: null,
      },
    ]);
  }
  if (definition.kind !== 'move') return null;
  const removed = done(2);
  if (added.length === 0 && removed.length === 0) return null;
  // Back to the source what was taken from it; off the target only what the move put there,
  // once the source is confirmed to have it.
  const back = unique([...removed, ...added]).sort((a, b) => a - b);
  return undoDraft('undo_move', definition, [
    {
      action: 'add',
      accountId: definition.sourceAccountId,
      items: [...removed],
      onlyConfirmedBy: null,
    },
    { action: 'verify', accountId: definition.sourceAccountId, items: back, onlyConfirmedBy: null },
    {
      action: 'remove',
      accountId: definition.targetAccountId,
      items: [...added],
      onlyConfirmedBy: 1,
    },
  ]);
}

function undoDraft(
  kind: 'undo_copy' | 'undo_move' | 'undo_import',
  undone: JobDefinition,
  steps: JobStep[],
): JobDraft {
  const toAdd = steps.filter((s) => s.action === 'add').reduce((n, s) => n + s.items.length, 0);
  const toRemove = steps
    .filter((s) => s.action === 'remove')
    .reduce((n, s) => n + s.items.length, 0);
  return {
    kind,
    // The undone job's items keep their indexes, so its steps can name them unchanged.
    items: undone.items,
    steps,
    planned: { selected: toAdd + toRemove, alreadyInTarget: 0, notCopyable: 0 },
    writeRequests: batchCount(toAdd) + batchCount(toRemove),
    toAdd,
    toRemove,
  };
}

function unique(values: readonly number[]): number[] {
  return [...new Set(values)];
}
