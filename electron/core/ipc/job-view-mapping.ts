// Maps library jobs and plans to the views of the IPC contract (job-views.ts): what the page may
// see of a job is its accounts' names, its state and its counts — never its track list.
import type { JobPlan } from '../jobs/job-planner.js';
import { jobCounts } from '../jobs/job-progress.js';
import type { JobPause, JobRecord } from '../jobs/job-record.js';
import type { JobPauseReason, JobPhase, JobPlanView, JobView } from './job-views.js';

// The journal's pause reasons and the contract's must stay one list.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const reasonsMatch: Same<JobPause['reason'], JobPauseReason> = true;
void reasonsMatch;

export function jobView(record: JobRecord, canUndo: boolean): JobView {
  const { definition, progress } = record;
  const step = definition.steps[progress.step];
  const phase: JobPhase =
    step === undefined
      ? 'done'
      : step.action === 'add'
        ? 'adding'
        : step.action === 'verify'
          ? 'verifying'
          : 'removing';
  return {
    id: definition.id,
    kind: definition.kind,
    sourceAccountId: definition.sourceAccountId,
    targetAccountId: definition.targetAccountId,
    sourceLabel: definition.sourceLabel,
    targetLabel: definition.targetLabel,
    state: progress.state,
    phase,
    pause: progress.state === 'paused' ? progress.pause : null,
    error: progress.state === 'failed' ? progress.error : null,
    counts: jobCounts(definition, progress, record.confirmed),
    createdAt: definition.createdAt,
    finishedAt: progress.finishedAt,
    undoesJobId: definition.undoesJobId,
    undoneByJobId: progress.undoneByJobId,
    canUndo,
  };
}

export function jobPlanView(plan: JobPlan): JobPlanView {
  const { draft } = plan;
  return {
    planId: plan.planId,
    kind: draft.kind,
    fileName: plan.fileName,
    sourceAccountId: plan.sourceAccountId,
    targetAccountId: plan.targetAccountId,
    selected: draft.planned.selected,
    toAdd: draft.toAdd,
    alreadyInTarget: draft.planned.alreadyInTarget,
    notCopyable: draft.planned.notCopyable,
    toRemove: draft.toRemove,
    writeRequests: draft.writeRequests,
    estimatedSeconds: plan.estimatedSeconds,
    sourceSyncedAt: plan.sourceSyncedAt,
    targetSyncedAt: plan.targetSyncedAt,
    missingScopes: plan.missingScopes.map((accountId) => ({
      accountId,
      scope: 'user-library-modify' as const,
    })),
  };
}
