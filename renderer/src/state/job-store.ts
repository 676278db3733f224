// The library jobs as the page knows them: every job the core lists (running, queued and paused
// ones, then the recent finished ones), kept current by `jobs:changed`, the actions on a job
// (pause, resume, cancel), whether the Activity panel is open, and the plan dialog: a copy, move,
// import or undo is planned by the core, shown, and started only once the person confirms it.
// Screens read one snapshot and never call the jobs channels themselves.
import type { ImportPlanRequest, JobPlanRequest, JobPlanView, JobView } from '../app-contract.js';
import { errorCode, unwrap, type BridgeApi } from '../bridge.js';
import type { FailureCode } from '../failure-code.js';
import { errorSentence } from '../format/error-sentences.js';
import { ExternalStore } from './external-store.js';

/** What the plan dialog plans: a selection to copy or move, a file to import, or an undo. */
export type PlanOrigin =
  | {
      readonly kind: 'selection';
      readonly request: JobPlanRequest;
      /** What of the person's selection the request leaves out, as a sentence, or null. */
      readonly leftOut: string | null;
    }
  | {
      readonly kind: 'import';
      readonly request: ImportPlanRequest;
      /** The file's name, for the dialog's words before the plan names it. */
      readonly fileName: string;
    }
  | { readonly kind: 'undo'; readonly jobId: string };

export interface PlanFailure {
  readonly code: FailureCode;
  readonly message: string;
}

export type PlanDialogState =
  /** The core is planning (it may sync both libraries first). */
  | { readonly phase: 'planning'; readonly origin: PlanOrigin }
  | { readonly phase: 'ready'; readonly origin: PlanOrigin; readonly plan: JobPlanView }
  /** Confirmed: `jobs:start` is on its way. */
  | { readonly phase: 'starting'; readonly origin: PlanOrigin; readonly plan: JobPlanView }
  | { readonly phase: 'failed'; readonly origin: PlanOrigin; readonly error: PlanFailure };

export interface JobsState {
  /** Newest first: running, queued and paused jobs, then the finished ones. */
  readonly jobs: readonly JobView[];
  /** Why the list could not be read, or null. */
  readonly listError: string | null;
  readonly panelOpen: boolean;
  readonly plan: PlanDialogState | null;
  /** The last action on a job that failed, as a sentence, by job id. */
  readonly jobErrors: Readonly<Record<string, string>>;
}

const initialJobs: JobsState = {
  jobs: [],
  listError: null,
  panelOpen: false,
  plan: null,
  jobErrors: {},
};

const activeStates = new Set<JobView['state']>(['queued', 'running', 'paused']);

export function isActive(job: JobView): boolean {
  return activeStates.has(job.state);
}

export class JobStore extends ExternalStore {
  readonly #api: BridgeApi;
  #state: JobsState = initialJobs;
  // The plan asked for last: an answer to an earlier one (closed, planned again) is dropped.
  #planRound = 0;
  // Resolves the promise of the dialog's opener: with the job it started, or null when closed.
  #settlePlan: ((job: JobView | null) => void) | null = null;

  constructor(api: BridgeApi) {
    super();
    this.#api = api;
  }

  getState = (): JobsState => this.#state;

  /** Listens for changes of jobs and reads the list; returns the function that stops listening. */
  start(): () => void {
    // Events that arrive while the list is read are newer than it: they win over its entries.
    const heard = new Map<string, JobView>();
    let listing = true;
    const stop = this.#api.events.on('jobs:changed', (job) => {
      if (listing) heard.set(job.id, job);
      this.#upsert(job);
    });
    void unwrap(this.#api.jobs.list()).then(
      (jobs) => {
        listing = false;
        const listed = jobs.map((job) => heard.get(job.id) ?? job);
        const extra = [...heard.values()].filter((job) => !jobs.some((j) => j.id === job.id));
        this.#set({ jobs: orderJobs([...listed, ...extra]), listError: null });
      },
      (error: unknown) => {
        listing = false;
        this.#set({ listError: errorSentence(error) });
      },
    );
    return stop;
  }

  openPanel = (): void => this.#set({ panelOpen: true });

  closePanel = (): void => this.#set({ panelOpen: false });

  togglePanel = (): void => this.#set({ panelOpen: !this.#state.panelOpen });

  /**
   * Plans a copy or move and shows it (with `leftOut`: what of the selection the request leaves
   * out); resolves with the job once started, null if not.
   */
  planSelection(request: JobPlanRequest, leftOut: string | null = null): Promise<JobView | null> {
    return this.#openPlan({ kind: 'selection', request, leftOut });
  }

  /** Plans saving a file's tracks (read by `imports:choose`) to an account, and shows it. */
  planImport(request: ImportPlanRequest, fileName: string): Promise<JobView | null> {
    return this.#openPlan({ kind: 'import', request, fileName });
  }

  /** Plans the undo of a finished job and shows it, like any other plan. */
  planUndo(jobId: string): Promise<JobView | null> {
    return this.#openPlan({ kind: 'undo', jobId });
  }

  /** Plans the dialog's job again (after a sign-in, or when the plan was no longer available). */
  replan = (): void => {
    const { plan } = this.#state;
    if (plan !== null) void this.#plan(plan.origin);
  };

  /** The person confirmed the plan: start it, close the dialog, show the job in Activity. */
  confirmPlan = async (): Promise<void> => {
    const dialog = this.#state.plan;
    if (dialog?.phase !== 'ready') return;
    const round = this.#planRound;
    this.#set({ plan: { ...dialog, phase: 'starting' } });
    try {
      const job = await unwrap(this.#api.jobs.start(dialog.plan.planId));
      if (round !== this.#planRound) return;
      this.#upsert(job);
      this.#set({ plan: null, panelOpen: true });
      this.#settle(job);
    } catch (error) {
      if (round !== this.#planRound) return;
      this.#set({ plan: { phase: 'failed', origin: dialog.origin, error: failureOf(error) } });
    }
  };

  closePlan = (): void => {
    this.#planRound += 1;
    this.#set({ plan: null });
    this.#settle(null);
  };

  pause = (jobId: string): Promise<void> => this.#act(jobId, () => this.#api.jobs.pause(jobId));

  resume = (jobId: string): Promise<void> => this.#act(jobId, () => this.#api.jobs.resume(jobId));

  cancel = (jobId: string): Promise<void> => this.#act(jobId, () => this.#api.jobs.cancel(jobId));

  #openPlan(origin: PlanOrigin): Promise<JobView | null> {
    // A dialog already open is replaced: its opener hears it was not started.
    this.#settle(null);
    const settled = new Promise<JobView | null>((resolve) => {
      this.#settlePlan = resolve;
    });
    void this.#plan(origin);
    return settled;
  }

  async #plan(origin: PlanOrigin): Promise<void> {
    const round = ++this.#planRound;
    this.#set({ plan: { phase: 'planning', origin } });
    try {
      const plan = await unwrap(this.#askPlan(origin));
      if (round === this.#planRound) this.#set({ plan: { phase: 'ready', origin, plan } });
    } catch (error) {
      if (round === this.#planRound) {
        this.#set({ plan: { phase: 'failed', origin, error: failureOf(error) } });
      }
    }
  }

  #askPlan(origin: PlanOrigin) {
    switch (origin.kind) {
      case 'selection':
        return this.#api.jobs.plan(origin.request);
      case 'import':
        return this.#api.imports.plan(origin.request);
      case 'undo':
        return this.#api.jobs.planUndo(origin.jobId);
    }
  }

  #settle(job: JobView | null): void {
    const settle = this.#settlePlan;
    this.#settlePlan = null;
    settle?.(job);
  }

  async #act(jobId: string, action: () => ReturnType<BridgeApi['jobs']['pause']>) {
    this.#set({ jobErrors: without(this.#state.jobErrors, jobId) });
    try {
      this.#upsert(await unwrap(action()));
    } catch (error) {
      this.#set({ jobErrors: { ...this.#state.jobErrors, [jobId]: errorSentence(error) } });
    }
  }

  #upsert(job: JobView): void {
    const others = this.#state.jobs.filter((item) => item.id !== job.id);
    this.#set({ jobs: orderJobs([job, ...others]) });
  }

  #set(patch: Partial<JobsState>): void {
    this.#state = { ...this.#state, ...patch };
    this.notify();
  }
}

/** Running, queued and paused jobs first, newest first; then the finished ones, latest first. */
export function orderJobs(jobs: readonly JobView[]): JobView[] {
  const when = (job: JobView) =>
    isActive(job) ? job.createdAt : (job.finishedAt ?? job.createdAt);
  return [...jobs].sort((a, b) => Number(isActive(b)) - Number(isActive(a)) || when(b) - when(a));
}

function failureOf(error: unknown): PlanFailure {
  return { code: errorCode(error), message: errorSentence(error) };
}

function without(errors: Readonly<Record<string, string>>, jobId: string) {
  if (!(jobId in errors)) return errors;
  return Object.fromEntries(Object.entries(errors).filter(([id]) => id !== jobId));
}
