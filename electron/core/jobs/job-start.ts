// A started plan as a job record, and whether a job may be undone: pure rules the service
// applies. A job starts queued at its first batch; the undo of a job that stopped with a batch
// whose outcome is unknown checks every batch before it writes.
import type { JobPlan } from './job-planner.js';
import { wroteAnything } from './job-progress.js';
import { MAX_JOB_LABEL_LENGTH, type JobRecord } from './job-record.js';

export function newJobRecord(
  plan: JobPlan,
  context: {
    readonly id: string;
    readonly now: number;
    readonly labelOf: (accountId: string) => string | null;
    /** The job this plan undoes, if it is an undo. */
    readonly undone: JobRecord | null;
  },
): JobRecord {
  const { now, undone } = context;
  const labelOf = (id: string) => (context.labelOf(id) ?? id).slice(0, MAX_JOB_LABEL_LENGTH);
  return {
    definition: {
      id: context.id,
      kind: plan.draft.kind,
      sourceAccountId: plan.sourceAccountId,
      targetAccountId: plan.targetAccountId,
      // An import's source is its file.
      sourceLabel: (plan.fileName ?? labelOf(plan.sourceAccountId)).slice(0, MAX_JOB_LABEL_LENGTH),
      targetLabel: labelOf(plan.targetAccountId),
      createdAt: now,
      undoesJobId: plan.undoesJobId,
      items: [...plan.draft.items],
      steps: [...plan.draft.steps],
      planned: plan.draft.planned,
    },
    progress: {
      state: 'queued',
      pause: null,
      error: null,
      step: 0,
      batch: 0,
      inFlight: false,
      // The undone job stopped with a batch whose outcome is unknown: the undo counts it as
      // written (it must not miss anything), so it checks what is really there before writing.
      checkEveryBatch: undone?.progress.inFlight === true,
      skipped: [],
      finishedAt: null,
      undoneByJobId: null,
      updatedAt: now,
    },
    confirmed: new Map(),
  };
}

/** A finished or cancelled copy, move or import that wrote something and was not undone yet. */
export function canUndo(record: JobRecord): boolean {
  const { definition, progress } = record;
  return (
    (definition.kind === 'copy' || definition.kind === 'move' || definition.kind === 'import') &&
    (progress.state === 'finished' || progress.state === 'cancelled') &&
    progress.undoneByJobId === null &&
    wroteAnything(definition, progress, record.confirmed)
  );
}
