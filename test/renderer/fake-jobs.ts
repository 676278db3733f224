// The fake bridge's library jobs: plans worked out from the fake's caches (what the selection
// names at its revision, what the target already has, local files), jobs started from them, and
// pause, resume, cancel and undo as the core answers them, each change announced as `jobs:changed`.
// Jobs do not run by themselves: a test moves one on with `progress`, so every state in between
// can be seen.
import type {
  EventPayloads,
  ImportPlanRequest,
  JobCountsView,
  JobPlanRequest,
  JobPlanView,
  JobView,
  MissingScopeView,
  TrackView,
} from '../../electron/core/ipc/contract.js';
import { decodePositions } from '../../electron/core/ipc/job-views.js';
import type { IpcResult } from '../../electron/core/ipc/contract.js';
import type { FakeFailure } from './fake-bridge.js';

/** What the jobs fake needs of the bridge around it. */
export interface JobsHost {
  /** The tracks of the account's cache and that cache's revision, or null when none. */
  cached(accountId: string): { tracks: readonly TrackView[]; revision: string } | null;
  labelOf(accountId: string): string | null;
  emit<E extends 'jobs:changed'>(event: E, payload: EventPayloads[E]): void;
}

const ok = <T>(value: T): IpcResult<T> => ({ ok: true, value });
const failed = (error: FakeFailure): IpcResult<never> => ({ ok: false, error }) as IpcResult<never>;

const zeroCounts: JobCountsView = {
  added: 0,
  toAdd: 0,
  alreadyInTarget: 0,
  notCopyable: 0,
  removed: 0,
  toRemove: 0,
  keptInSource: 0,
};

/** A job view with every field a test does not care about filled in. */
export function makeJob(
  overrides: Partial<Omit<JobView, 'counts'>> & {
    readonly id: string;
    readonly counts?: Partial<JobCountsView>;
  },
): JobView {
  return {
    kind: 'copy',
    sourceAccountId: 'a',
    targetAccountId: 'b',
    sourceLabel: 'Alice',
    targetLabel: 'Bob',
    state: 'running',
    phase: 'adding',
    pause: null,
    error: null,
    createdAt: Date.now(),
    finishedAt: null,
    undoesJobId: null,
    undoneByJobId: null,
    canUndo: false,
    ...overrides,
    counts: { ...zeroCounts, ...overrides.counts },
  };
}

export class FakeJobs {
  readonly #host: JobsHost;
  readonly #plans = new Map<string, JobPlanView>();
  #jobs: JobView[] = [];
  #next = 1;
  /** Accounts every plan names as unable to write (a test sets them). */
  missingScopes: readonly MissingScopeView[] = [];
  /** Every plan answered, in order. */
  readonly planned: JobPlanView[] = [];
  /** When set, plans wait for it before answering (the dialog's spinner). */
  holdPlan: Promise<void> | null = null;

  constructor(host: JobsHost) {
    this.#host = host;
  }

  /** The jobs the core holds, newest first; a test may set them before the app starts. */
  get all(): readonly JobView[] {
    return this.#jobs;
  }

  set all(jobs: readonly JobView[]) {
    this.#jobs = [...jobs];
  }

  /** Moves a job on (its counts, state, phase or pause) and announces it. */
  progress(
    jobId: string,
    patch: Partial<Omit<JobView, 'counts'>> & { counts?: Partial<JobCountsView> },
  ) {
    const job = this.#find(jobId);
    if (job === undefined) throw new Error(`No job ${jobId}.`);
    return this.#replace({ ...job, ...patch, counts: { ...job.counts, ...patch.counts } });
  }

  async plan(request: JobPlanRequest): Promise<IpcResult<JobPlanView>> {
    await this.holdPlan;
    const { selection, targetAccountId, kind } = request;
    if (selection.accountId === targetAccountId) {
      return failed({ code: 'job_same_account', message: 'Same account on both sides.' });
    }
    const positions = decodePositions(selection.positions) ?? [];
    if (positions.length === 0) {
      return failed({ code: 'job_empty_selection', message: 'Nothing selected.' });
    }
    const source = this.#host.cached(selection.accountId);
    if (source === null || source.revision !== selection.revision) {
      return failed({ code: 'job_selection_stale', message: 'The library changed.' });
    }
    const chosen = positions.flatMap((position) => source.tracks[position] ?? []);
    const inTarget = new Set(
      (this.#host.cached(targetAccountId)?.tracks ?? []).map((track) => track.id),
    );
    const copyable = chosen.filter((track) => !track.isLocal && track.id !== null);
    const toAdd = copyable.filter((track) => !inTarget.has(track.id)).length;
    const alreadyInTarget = copyable.length - toAdd;
    const toRemove = kind === 'move' ? copyable.length : 0;
    return ok(
      this.#store({
        kind,
        fileName: null,
        sourceAccountId: selection.accountId,
        targetAccountId,
        selected: chosen.length,
        toAdd,
        alreadyInTarget,
        notCopyable: chosen.length - copyable.length,
        toRemove,
      }),
    );
  }

  /** An import's plan: the file's tracks (of the chosen section) less what the target has. */
  async planImport(
    request: ImportPlanRequest,
    file: { readonly fileName: string; readonly sectionTracks: readonly number[] },
  ): Promise<IpcResult<JobPlanView>> {
    await this.holdPlan;
    const { section, targetAccountId } = request;
    const selected =
      section === null
        ? file.sectionTracks.reduce((sum, tracks) => sum + tracks, 0)
        : (file.sectionTracks[section] ?? 0);
    if (selected === 0) {
      return failed({ code: 'job_empty_selection', message: 'No tracks to import.' });
    }
    // A test's files name tracks no account has: all of them are to add, but `alreadyInTarget`.
    const alreadyInTarget = Math.min(selected, this.importAlreadyInTarget);
    return ok(
      this.#store({
        kind: 'import',
        fileName: file.fileName,
        sourceAccountId: targetAccountId,
        targetAccountId,
        selected,
        toAdd: selected - alreadyInTarget,
        alreadyInTarget,
        notCopyable: 0,
        toRemove: 0,
      }),
    );
  }

  /** How many of an import's tracks its plans say the target already has. */
  importAlreadyInTarget = 0;

  async planUndo(jobId: string): Promise<IpcResult<JobPlanView>> {
    await this.holdPlan;
    const job = this.#find(jobId);
    if (job === undefined || !job.canUndo) {
      return failed({ code: 'job_not_undoable', message: 'This job cannot be undone.' });
    }
    return ok(
      this.#store({
        kind:
          job.kind === 'move' ? 'undo_move' : job.kind === 'import' ? 'undo_import' : 'undo_copy',
        fileName: job.kind === 'import' ? job.sourceLabel : null,
        sourceAccountId: job.sourceAccountId,
        targetAccountId: job.targetAccountId,
        selected: job.counts.added + job.counts.alreadyInTarget,
        toAdd: job.kind === 'move' ? job.counts.removed : 0,
        alreadyInTarget: 0,
        notCopyable: 0,
        toRemove: job.counts.added,
        undoesJobId: job.id,
      }),
    );
  }

  start(planId: string): IpcResult<JobView> {
    const plan = this.#plans.get(planId);
    if (plan === undefined) {
      return failed({ code: 'job_plan_not_found', message: 'No such plan.' });
    }
    this.#plans.delete(planId);
    const job = makeJob({
      id: `job-${this.#next++}`,
      kind: plan.kind,
      sourceAccountId: plan.sourceAccountId,
      targetAccountId: plan.targetAccountId,
      // As the core does: an import's source is its file.
      sourceLabel:
        plan.fileName ?? this.#host.labelOf(plan.sourceAccountId) ?? plan.sourceAccountId,
      targetLabel: this.#host.labelOf(plan.targetAccountId) ?? plan.targetAccountId,
      state: 'running',
      phase: plan.toAdd > 0 ? 'adding' : 'removing',
      undoesJobId: this.#undoes.get(planId) ?? null,
      counts: {
        toAdd: plan.toAdd,
        alreadyInTarget: plan.alreadyInTarget,
        notCopyable: plan.notCopyable,
        toRemove: plan.toRemove,
      },
    });
    this.#jobs = [job, ...this.#jobs];
    this.#host.emit('jobs:changed', job);
    const undone = job.undoesJobId === null ? undefined : this.#find(job.undoesJobId);
    if (undone !== undefined) this.#replace({ ...undone, undoneByJobId: job.id, canUndo: false });
    return ok(job);
  }

  pause(jobId: string): IpcResult<JobView> {
    return this.#change(jobId, ['running', 'queued'], {
      state: 'paused',
      pause: { reason: 'requested', accountId: null, until: null },
    });
  }

  resume(jobId: string): IpcResult<JobView> {
    return this.#change(jobId, ['paused'], { state: 'running', pause: null });
  }

  cancel(jobId: string): IpcResult<JobView> {
    return this.#change(jobId, ['running', 'queued', 'paused'], {
      state: 'cancelled',
      pause: null,
      finishedAt: Date.now(),
    });
  }

  readonly #undoes = new Map<string, string>();

  #store(
    figures: Omit<
      JobPlanView,
      | 'planId'
      | 'writeRequests'
      | 'estimatedSeconds'
      | 'sourceSyncedAt'
      | 'targetSyncedAt'
      | 'missingScopes'
    > & { undoesJobId?: string },
  ): JobPlanView {
    const { undoesJobId, ...view } = figures;
    const writeRequests = Math.ceil(view.toAdd / 40) + Math.ceil(view.toRemove / 40);
    const plan: JobPlanView = {
      ...view,
      planId: `plan-${this.#next++}`,
      writeRequests,
      estimatedSeconds: Math.max(1, writeRequests),
      sourceSyncedAt: Date.now(),
      targetSyncedAt: Date.now(),
      missingScopes: this.missingScopes,
    };
    this.#plans.set(plan.planId, plan);
    this.planned.push(plan);
    if (undoesJobId !== undefined) this.#undoes.set(plan.planId, undoesJobId);
    return plan;
  }

  #change(
    jobId: string,
    from: readonly JobView['state'][],
    patch: Partial<JobView>,
  ): IpcResult<JobView> {
    const job = this.#find(jobId);
    if (job === undefined) return failed({ code: 'job_not_found', message: 'No such job.' });
    if (!from.includes(job.state)) {
      return failed({ code: 'job_invalid_state', message: `The job is ${job.state}.` });
    }
    return ok(this.#replace({ ...job, ...patch }));
  }

  #find(jobId: string): JobView | undefined {
    return this.#jobs.find((job) => job.id === jobId);
  }

  #replace(job: JobView): JobView {
    this.#jobs = this.#jobs.map((item) => (item.id === job.id ? job : item));
    this.#host.emit('jobs:changed', job);
    return job;
  }
}
