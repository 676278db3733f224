// What a library job is on disk, as zod schemas with their types: its definition, written once
// when the person starts it (the tracks, oldest first, and the steps that add, check or remove
// them), and its progress, rewritten before every batch (which step, which batch, whether that
// batch's outcome is unknown, and the job's state). A `verify` step's result (which tracks the
// account was confirmed to have) is written once, when it ends. See job-files.ts for the files.
import { z } from 'zod';

export const JOB_FILES_VERSION = 1;

const accountId = z.string().min(1).max(200);
/** An account's name as the job keeps it (Spotify's display names have no stated limit). */
export const MAX_JOB_LABEL_LENGTH = 200;
const count = z.number().int().min(0);

export const jobItemSchema = z.object({
  /** The Spotify track ID. */
  id: z.string().regex(/^[A-Za-z0-9]{1,64}$/),
  /** When the source saved it (epoch ms): the order the job keeps. */
  addedAt: count,
});

/**
 * `add`: save the items to the account, in order (the last ends up newest). `verify`: confirm the
 * account has the items (from its re-synced library). `remove`: remove the items from the account
 * — with `onlyConfirmedBy`, only those the verify step of that index confirmed the other account
 * has, so nothing is removed that is not known to be safe elsewhere.
 */
export const jobStepSchema = z.object({
  action: z.enum(['add', 'verify', 'remove']),
  accountId,
  /** Indexes into the job's items. */
  items: z.array(count),
  onlyConfirmedBy: count.nullable(),
});

export const jobKindSchema = z.enum([
  'copy',
  'move',
  'import',
  'undo_copy',
  'undo_move',
  'undo_import',
]);

export const jobDefinitionSchema = z.object({
  id: z.string().min(1).max(100),
  kind: jobKindSchema,
  /** An import's source is its file: this is then the target, and `sourceLabel` the file name. */
  sourceAccountId: accountId,
  targetAccountId: accountId,
  sourceLabel: z.string().max(MAX_JOB_LABEL_LENGTH),
  targetLabel: z.string().max(MAX_JOB_LABEL_LENGTH),
  createdAt: count,
  undoesJobId: z.string().max(100).nullable(),
  /** Oldest first. */
  items: z.array(jobItemSchema),
  steps: z.array(jobStepSchema).min(1),
  /** What the plan counted, for the job's report. */
  planned: z.object({ selected: count, alreadyInTarget: count, notCopyable: count }),
});

export const jobStateSchema = z.enum([
  'queued',
  'running',
  'paused',
  'finished',
  'cancelled',
  'failed',
]);

export const jobPauseSchema = z.object({
  reason: z.enum([
    'interrupted',
    'requested',
    'quota_exceeded',
    'rate_limited',
    'needs_sign_in',
    'missing_scope',
    'offline',
  ]),
  accountId: accountId.nullable(),
  until: count.nullable(),
});

export const jobProgressSchema = z.object({
  state: jobStateSchema,
  pause: jobPauseSchema.nullable(),
  error: z.object({ code: z.string().max(100), message: z.string().max(1000) }).nullable(),
  /** The step being worked on (steps.length once all are done). */
  step: count,
  /** The first batch of that step not known to be done. */
  batch: count,
  /**
   * True from just before batch `batch` is sent until it is known to be done: that batch and the
   * next may have been sent (the next one's entry is written while this one is on the wire).
   */
  inFlight: z.boolean(),
  /** The progress was lost (its file unusable): check every batch before sending it. */
  checkEveryBatch: z.boolean(),
  /**
   * Items left out of their batch right before it was sent, recorded before the send: an add's
   * track the target already had by then (not this job's to undo), a removal's track the other
   * account no longer had (kept where it was).
   */
  skipped: z.array(count),
  finishedAt: count.nullable(),
  undoneByJobId: z.string().max(100).nullable(),
  updatedAt: count,
});

/** Which of a verify step's items the account was confirmed to have. */
export const confirmedItemsSchema = z.array(count);

export type JobItem = z.infer<typeof jobItemSchema>;
export type JobStep = z.infer<typeof jobStepSchema>;
export type JobDefinition = z.infer<typeof jobDefinitionSchema>;
export type JobProgress = z.infer<typeof jobProgressSchema>;
export type JobStateName = z.infer<typeof jobStateSchema>;
export type JobPause = z.infer<typeof jobPauseSchema>;

/** A job as the service holds it: what it is, how far it got, and its verify steps' results. */
export interface JobRecord {
  readonly definition: JobDefinition;
  progress: JobProgress;
  /** By verify step index. */
  readonly confirmed: Map<number, readonly number[]>;
}
