// How a library job reads in the Activity panel: a headline while it runs ("Copying 80 of 120 to
// Bob"), its progress as a value and a maximum, why it is paused and when it resumes, and once
// finished what it did (added, skipped, removed, kept in the source). Plain functions of the job's
// view and the accounts' names, so every place that speaks of a job says the same. An import's
// source is a file: its name is the job's `sourceLabel`, whatever account `sourceAccountId` names.
import type { JobPauseView, JobView } from '../app-contract.js';
import { formatCount, formatDate, formatTime, plural } from '../format/formatters.js';

/** The names of the job's two accounts: today's, or the ones it was planned with. */
export interface JobNames {
  readonly source: string;
  readonly target: string;
  /** The name of any account, for a pause that names one. */
  readonly of: (accountId: string) => string;
}

const n = formatCount;

/** What a running, queued or paused job is doing, with its counts. */
export function activeHeadline(job: JobView, names: JobNames): string {
  const { counts: c, phase } = job;
  const { source, target } = names;
  if (job.state === 'queued') return queuedHeadline(job, names);
  switch (job.kind) {
    case 'copy':
      return `Copying ${n(c.added)} of ${n(c.toAdd)} to ${target}`;
    case 'move':
      if (phase === 'adding') return `Moving: adding ${n(c.added)} of ${n(c.toAdd)} to ${target}`;
      if (phase === 'verifying') return `Moving: checking that ${target} has them`;
      return `Moving: removing ${n(c.removed)} of ${n(c.toRemove)} from ${source}`;
    case 'import':
      return `Importing ${n(c.added)} of ${n(c.toAdd)} from ${job.sourceLabel} to ${target}`;
    case 'undo_copy':
      return `Undoing the copy: removing ${n(c.removed)} of ${n(c.toRemove)} from ${target}`;
    case 'undo_import':
      return `Undoing the import: removing ${n(c.removed)} of ${n(c.toRemove)} from ${target}`;
    case 'undo_move':
      if (phase === 'adding') {
        return `Undoing the move: saving ${n(c.added)} of ${n(c.toAdd)} back to ${source}`;
      }
      return `Undoing the move: removing ${n(c.removed)} of ${n(c.toRemove)} from ${target}`;
  }
}

function queuedHeadline(job: JobView, { target }: JobNames): string {
  const { counts: c } = job;
  switch (job.kind) {
    case 'copy':
      return `Waiting to copy ${plural(c.toAdd, 'track', 'tracks')} to ${target}`;
    case 'move':
      return `Waiting to move ${plural(c.toAdd + c.alreadyInTarget, 'track', 'tracks')} to ${target}`;
    case 'import':
      return `Waiting to import ${plural(c.toAdd, 'track', 'tracks')} to ${target}`;
    case 'undo_copy':
      return `Waiting to undo the copy to ${target}`;
    case 'undo_move':
      return `Waiting to undo the move to ${target}`;
    case 'undo_import':
      return `Waiting to undo the import to ${target}`;
  }
}

/** Writes done and writes planned: the progress bar's value and maximum. */
export function progressOf(job: JobView): { readonly value: number; readonly max: number } {
  const { counts: c } = job;
  return { value: c.added + c.removed, max: c.toAdd + c.toRemove };
}

/** Why a job is paused, and what happens next. */
export function pauseSentence(pause: JobPauseView, names: JobNames): string {
  const account = pause.accountId === null ? 'An account' : names.of(pause.accountId);
  const at = pause.until === null ? null : formatTime(pause.until);
  switch (pause.reason) {
    case 'interrupted':
      return 'Stopped when the app quit — resume where it stopped.';
    case 'requested':
      return 'Paused. Resume where it stopped.';
    case 'quota_exceeded':
      return at === null
        ? "Your Spotify app's request quota is used up for now; resume later."
        : `Your Spotify app's request quota is used up for now; resumes by itself at ${at}.`;
    case 'rate_limited':
      return at === null
        ? 'Spotify asked the app to wait; resume in a few minutes.'
        : `Spotify asked the app to wait; resumes by itself at ${at}.`;
    case 'needs_sign_in':
      return `${account} must sign in again; the job resumes after that.`;
    case 'missing_scope':
      return `${account}’s sign-in does not allow changing its library. Sign in again to go on.`;
    case 'offline':
      return 'Spotify could not be reached. Check the internet connection, then resume.';
  }
}

/** A finished, cancelled or failed job's headline. */
export function finishedHeadline(job: JobView, names: JobNames): string {
  const what = {
    copy: `Copy to ${names.target}`,
    move: `Move to ${names.target}`,
    import: `Import of ${job.sourceLabel} to ${names.target}`,
    undo_copy: `Undo of the copy to ${names.target}`,
    undo_move: `Undo of the move to ${names.target}`,
    undo_import: `Undo of the import to ${names.target}`,
  }[job.kind];
  if (job.state === 'cancelled') return `${what} cancelled`;
  if (job.state === 'failed') return `${what} failed`;
  return {
    copy: `Copied to ${names.target}`,
    move: `Moved to ${names.target}`,
    import: `Imported ${job.sourceLabel} to ${names.target}`,
    undo_copy: `Undid the copy to ${names.target}`,
    undo_move: `Undid the move to ${names.target}`,
    undo_import: `Undid the import to ${names.target}`,
  }[job.kind];
}

/** What a job did, in parts: "120 added · 8 already in Bob · 128 removed from Alice". */
export function outcomeParts(job: JobView, names: JobNames): string[] {
  const { counts: c, kind } = job;
  const parts: string[] = [];
  if (kind === 'undo_move') {
    if (c.toAdd > 0) parts.push(`${n(c.added)} saved back to ${names.source}`);
  } else if (kind !== 'undo_copy' && kind !== 'undo_import') {
    parts.push(`${n(c.added)} added`);
  }
  if (c.alreadyInTarget > 0) parts.push(`${n(c.alreadyInTarget)} already in ${names.target}`);
  if (c.notCopyable > 0) {
    const notDone = kind === 'import' ? 'not imported' : 'not copied';
    parts.push(`${plural(c.notCopyable, 'local file', 'local files')} ${notDone}`);
  }
  if (c.toRemove > 0) {
    const from = kind === 'move' ? names.source : names.target;
    parts.push(`${n(c.removed)} removed from ${from}`);
  }
  if (c.keptInSource > 0) {
    parts.push(`${n(c.keptInSource)} kept in ${names.source} (not confirmed in ${names.target})`);
  }
  return parts;
}

/** When a job finished: the time today, the date before. */
export function finishedWhen(job: JobView, now: number): string {
  const at = job.finishedAt ?? job.createdAt;
  const sameDay = new Date(at).toDateString() === new Date(now).toDateString();
  return sameDay ? formatTime(at) : formatDate(at);
}
