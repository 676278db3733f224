// Reads a job's position as what it has done: the tracks each step works on (a removal limited by
// a verify step's result once that is known), those done so far, and the counts the page shows.
// Pure; counts are derived from the position on disk, so they can never drift from the journal.
import { MAX_LIBRARY_URIS } from '../spotify/library-write-api.js';
import type { JobDefinition, JobProgress } from './job-record.js';

export interface JobCounts {
  readonly added: number;
  readonly toAdd: number;
  readonly alreadyInTarget: number;
  readonly notCopyable: number;
  readonly removed: number;
  readonly toRemove: number;
  readonly keptInSource: number;
}

/** The items a step works on; for a removal, only those its verify step confirmed, once known. */
export function stepItems(
  definition: JobDefinition,
  confirmed: ReadonlyMap<number, readonly number[]>,
  step: number,
): readonly number[] {
  const spec = definition.steps[step];
  if (spec === undefined) return [];
  if (spec.onlyConfirmedBy === null) return spec.items;
  const known = confirmed.get(spec.onlyConfirmedBy);
  if (known === undefined) return spec.items;
  const safe = new Set(known);
  return spec.items.filter((item) => safe.has(item));
}

/**
 * The items of a step already written, in the step's order, without those left out at send time.
 * A batch in flight counts as written (`includeInFlight`, for an undo, which must not miss
 * anything it may have done).
 */
export function stepItemsDone(
  definition: JobDefinition,
  progress: JobProgress,
  confirmed: ReadonlyMap<number, readonly number[]>,
  step: number,
  includeInFlight = true,
): readonly number[] {
  return withoutSkipped(reached(definition, progress, confirmed, step, includeInFlight), progress);
}

// The step's items up to the position reached, skipped ones included.
function reached(
  definition: JobDefinition,
  progress: JobProgress,
  confirmed: ReadonlyMap<number, readonly number[]>,
  step: number,
  includeInFlight: boolean,
): readonly number[] {
  const items = stepItems(definition, confirmed, step);
  if (progress.step > step) return items;
  if (progress.step < step) return [];
  // In flight: this batch and the next may have been sent (see batch-writer.ts).
  const batches = progress.batch + (includeInFlight && progress.inFlight ? 2 : 0);
  return items.slice(0, batches * MAX_LIBRARY_URIS);
}

function withoutSkipped(items: readonly number[], progress: JobProgress): readonly number[] {
  if (progress.skipped.length === 0) return items;
  const skipped = new Set(progress.skipped);
  return items.filter((item) => !skipped.has(item));
}

export function jobCounts(
  definition: JobDefinition,
  progress: JobProgress,
  confirmed: ReadonlyMap<number, readonly number[]>,
): JobCounts {
  let added = 0;
  let toAdd = 0;
  let removed = 0;
  let toRemove = 0;
  let keptInSource = 0;
  let foundInTarget = 0;
  const skipped = new Set(progress.skipped);
  definition.steps.forEach((spec, index) => {
    if (spec.action === 'verify') return;
    const all = stepItems(definition, confirmed, index);
    const left = all.filter((item) => skipped.has(item)).length;
    const items = all.length - left;
    const done = stepItemsDone(definition, progress, confirmed, index, false).length;
    if (spec.action === 'add') {
      toAdd += items;
      added += done;
      foundInTarget += left;
    } else {
      toRemove += items;
      removed += done;
      keptInSource += left;
      if (spec.onlyConfirmedBy !== null && confirmed.has(spec.onlyConfirmedBy)) {
        keptInSource += spec.items.length - all.length;
      }
    }
  });
  return {
    added,
    toAdd,
    alreadyInTarget: definition.planned.alreadyInTarget + foundInTarget,
    notCopyable: definition.planned.notCopyable,
    removed,
    toRemove,
    keptInSource,
  };
}

/** Whether the job wrote anything (a finished or cancelled job is then worth undoing). */
export function wroteAnything(
  definition: JobDefinition,
  progress: JobProgress,
  confirmed: ReadonlyMap<number, readonly number[]>,
): boolean {
  return definition.steps.some(
    (spec, index) =>
      spec.action !== 'verify' && stepItemsDone(definition, progress, confirmed, index).length > 0,
  );
}
