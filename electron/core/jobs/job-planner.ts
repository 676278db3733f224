// Turns the page's request into a plan the person confirms: resolves the selection against the
// library revision the page showed, makes both libraries fresh (syncing an account only when its
// cache is older than the sync-age setting), works out the draft (job-plan.ts), checks both
// accounts may write, and estimates the time. Plans live in memory for a while and start at most
// once; nothing is written to Spotify or disk until the person starts one.
import { randomUUID } from 'node:crypto';
import type { Clock } from '../clock.js';
import type { LibrarySnapshot } from '../library/library-snapshot.js';
import { tracksAtRevision } from '../library/tracks-at-revision.js';
import { JobError } from './job-error.js';
import type { ImportSection } from '../library-files/import-types.js';
import { planCopy, planImport, type JobDraft } from './job-plan.js';

export interface PlannerDeps {
  /** The account's library as the page reads it (memory or disk); null when never synced. */
  readonly cached: (accountId: string) => Promise<LibrarySnapshot | null>;
  readonly sync: (accountId: string) => Promise<LibrarySnapshot>;
  readonly revisionOf: (library: LibrarySnapshot) => string | null;
  /** The account's name, or null when it is not (or no longer) in the app. */
  readonly labelOf: (accountId: string) => string | null;
  /** The scopes of the account's grant, or null when it holds none (sign in again). */
  readonly grantedScopes: (accountId: string) => Promise<string | null>;
  /** A cache older than this is synced before planning; 0 = always. */
  readonly maxCacheAgeMs: () => number;
  /** Spotify's typical answer time lately, in ms; null when unknown. */
  readonly latencyMs: () => number | null;
  readonly clock: Clock;
}

export interface CopyRequest {
  readonly kind: 'copy' | 'move';
  readonly targetAccountId: string;
  readonly sourceAccountId: string;
  readonly revision: string;
  /** Positions in the source's library at `revision`, newest first. */
  readonly positions: readonly number[];
}

export interface JobPlan {
  readonly planId: string;
  readonly draft: JobDraft;
  readonly sourceAccountId: string;
  readonly targetAccountId: string;
  readonly sourceSyncedAt: number;
  readonly targetSyncedAt: number;
  readonly missingScopes: readonly string[];
  readonly estimatedSeconds: number;
  readonly undoesJobId: string | null;
  /** An import's file name; null for jobs between accounts. */
  readonly fileName: string | null;
  readonly expiresAt: number;
}

/** How long a plan waits for the person to confirm it. */
const planLifetimeMs = 30 * 60_000;
/** The estimate's answer time before Spotify has answered anything. */
const assumedLatencyMs = 250;
/** Read requests of a re-sync run this many at once (see the app's request concurrency). */
const parallelReads = 8;
const writeScope = 'user-library-modify';

export class JobPlanner {
  readonly #deps: PlannerDeps;
  readonly #plans = new Map<string, JobPlan>();

  constructor(deps: PlannerDeps) {
    this.#deps = deps;
  }

  async planCopy(request: CopyRequest): Promise<JobPlan> {
    const { sourceAccountId, targetAccountId } = request;
    if (sourceAccountId === targetAccountId) {
      throw new JobError(
        'job_same_account',
        'The tracks are already in this account: choose another account to copy them to.',
      );
    }
    this.#requireAccount(sourceAccountId);
    this.#requireAccount(targetAccountId);
    if (request.positions.length === 0) {
      throw new JobError('job_empty_selection', 'Select at least one track to copy or move.');
    }
    const shown = await this.#deps.cached(sourceAccountId);
    const selected = tracksAtRevision(
      shown,
      shown === null ? null : this.#deps.revisionOf(shown),
      request,
    );
    if (selected === null) throw staleSelection();
    const source = await this.#fresh(sourceAccountId);
    const target = await this.#fresh(targetAccountId);
    const draft = planCopy({
      kind: request.kind,
      sourceAccountId,
      targetAccountId,
      selected,
      target,
    });
    const writers =
      request.kind === 'move' ? [targetAccountId, sourceAccountId] : [targetAccountId];
    return this.#store({
      draft,
      sourceAccountId,
      targetAccountId,
      sourceSyncedAt: source.lastSyncedAt,
      targetSyncedAt: target.lastSyncedAt,
      missingScopes: await this.#missingScopes(writers),
      undoesJobId: null,
      fileName: null,
    });
  }

  /** A plan that saves the chosen sections of an import file to the target account. */
  async planImport(request: {
    readonly fileName: string;
    readonly sections: readonly ImportSection[];
    readonly targetAccountId: string;
  }): Promise<JobPlan> {
    const { targetAccountId } = request;
    this.#requireAccount(targetAccountId);
    const target = await this.#fresh(targetAccountId);
    const draft = planImport({ targetAccountId, sections: request.sections, target });
    if (draft.items.length === 0) {
      throw new JobError('job_empty_selection', 'This file has no tracks that can be imported.');
    }
    return this.#store({
      draft,
      // The file is the source; the job's accounts are the target alone.
      sourceAccountId: targetAccountId,
      targetAccountId,
      sourceSyncedAt: target.lastSyncedAt,
      targetSyncedAt: target.lastSyncedAt,
      missingScopes: await this.#missingScopes([targetAccountId]),
      undoesJobId: null,
      fileName: request.fileName,
    });
  }

  /** A plan for an undo the service worked out (its accounts must both still be here). */
  async planUndo(
    draft: JobDraft,
    undone: {
      readonly id: string;
      readonly sourceAccountId: string;
      readonly targetAccountId: string;
      /** An undone import's file name. */
      readonly fileName: string | null;
    },
  ): Promise<JobPlan> {
    this.#requireAccount(undone.sourceAccountId);
    this.#requireAccount(undone.targetAccountId);
    const source = await this.#fresh(undone.sourceAccountId);
    const target = await this.#fresh(undone.targetAccountId);
    const writers = [
      ...new Set(draft.steps.filter((s) => s.action !== 'verify').map((s) => s.accountId)),
    ];
    return this.#store({
      draft,
      sourceAccountId: undone.sourceAccountId,
      targetAccountId: undone.targetAccountId,
      sourceSyncedAt: source.lastSyncedAt,
      targetSyncedAt: target.lastSyncedAt,
      missingScopes: await this.#missingScopes(writers),
      undoesJobId: undone.id,
      fileName: undone.fileName,
    });
  }

  /** Takes a plan out (it starts at most once). */
  take(planId: string): JobPlan {
    this.#dropExpired();
    const plan = this.#plans.get(planId);
    if (plan === undefined) {
      throw new JobError(
        'job_plan_not_found',
        'This plan is no longer available (it was started, or it expired). Plan the copy again.',
      );
    }
    this.#plans.delete(planId);
    return plan;
  }

  /** Whether the account's grant lets it write, for a job about to. */
  async canWrite(accountId: string): Promise<boolean> {
    return (await this.#missingScopes([accountId])).length === 0;
  }

  #store(plan: Omit<JobPlan, 'planId' | 'estimatedSeconds' | 'expiresAt'>): JobPlan {
    this.#dropExpired();
    const planId = randomUUID();
    const stored: JobPlan = {
      ...plan,
      planId,
      estimatedSeconds: this.#estimateSeconds(plan.draft),
      expiresAt: this.#deps.clock.now() + planLifetimeMs,
    };
    this.#plans.set(planId, stored);
    return stored;
  }

  // Writes go one after another; the re-syncs that confirm and show them run in parallel.
  #estimateSeconds(draft: JobDraft): number {
    const latency = this.#deps.latencyMs() ?? assumedLatencyMs;
    const verifies = draft.steps.filter((step) => step.action === 'verify').length;
    const resyncPages = Math.ceil(draft.toAdd / 50) + 1;
    const reads = Math.ceil((resyncPages * Math.max(1, verifies)) / parallelReads);
    return Math.max(1, Math.ceil(((draft.writeRequests + reads) * latency) / 1000));
  }

  async #fresh(accountId: string): Promise<LibrarySnapshot> {
    const cached = await this.#deps.cached(accountId);
    const maxAge = this.#deps.maxCacheAgeMs();
    if (cached !== null && maxAge > 0 && this.#deps.clock.now() - cached.lastSyncedAt < maxAge) {
      return cached;
    }
    return this.#deps.sync(accountId);
  }

  async #missingScopes(accountIds: readonly string[]): Promise<string[]> {
    const missing: string[] = [];
    for (const accountId of accountIds) {
      const scopes = await this.#deps.grantedScopes(accountId);
      if (scopes === null || !scopes.split(' ').includes(writeScope)) missing.push(accountId);
    }
    return missing;
  }

  #requireAccount(accountId: string): void {
    if (this.#deps.labelOf(accountId) === null) {
      throw new JobError(
        'job_account_missing',
        'One of the accounts of this job is no longer in the app.',
      );
    }
  }

  #dropExpired(): void {
    const now = this.#deps.clock.now();
    for (const [id, plan] of this.#plans) if (plan.expiresAt <= now) this.#plans.delete(id);
  }
}

function staleSelection(): JobError {
  return new JobError(
    'job_selection_stale',
    'The library changed since these tracks were selected. Select them again.',
  );
}
