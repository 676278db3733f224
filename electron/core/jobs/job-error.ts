// The typed errors of library jobs the page explains: a plan it cannot make (the same account on
// both sides, nothing selected, a selection of a library that has changed since), a plan or job
// that is gone, an account of a job that was removed, an action the job's state refuses, and an
// account whose sign-in does not allow changing its library.
// Spotify's own failures (rate limits, quota, sign-in) pause a job rather than fail a request.
import { AppError } from '../errors/app-error.js';

export type JobErrorCode =
  | 'job_same_account'
  | 'job_empty_selection'
  | 'job_selection_stale'
  | 'job_plan_not_found'
  | 'job_not_found'
  | 'job_account_missing'
  | 'job_not_undoable'
  | 'job_invalid_state'
  | 'missing_scope';

export class JobError extends AppError<JobErrorCode> {}

/** A job one of whose accounts was removed from the app. */
export function accountMissingError(): JobError {
  return new JobError(
    'job_account_missing',
    'An account of this job was removed from the app, so the job cannot go on. What it did so far stays.',
  );
}
