// One running, queued or paused job in the Activity panel: what it is doing with its counts and a
// progress bar, why it is paused (with a sign-in button when an account must sign in again),
// Pause or Resume, and Cancel after a confirmation.
import { useId, useState } from 'react';

import type { JobView } from '../app-contract.js';
import { Dialog } from '../common/dialog.js';
import { formatCount } from '../format/formatters.js';
import { useAppState, useStore } from '../state/app-store.js';
import { activeHeadline, pauseSentence, progressOf, type JobNames } from './job-words.js';
import { useJobNames } from './use-job-names.js';

export function ActiveJob({ job, error }: { readonly job: JobView; readonly error?: string }) {
  const store = useStore();
  const { login } = useAppState();
  const names = useJobNames(job.sourceAccountId, job.targetAccountId, job);
  const headlineId = useId();
  const [confirming, setConfirming] = useState(false);
  const { value, max } = progressOf(job);
  const pause = job.pause;
  const signIn =
    pause !== null &&
    pause.accountId !== null &&
    (pause.reason === 'needs_sign_in' || pause.reason === 'missing_scope');

  return (
    <li className={`job active-job state-${job.state}`} data-testid="active-job">
      <div className="job-main">
        <div className="job-title">
          <span id={headlineId} className="job-headline">
            {activeHeadline(job, names)}
          </span>
          {job.state !== 'running' && (
            <span className="job-state">{job.state === 'paused' ? 'Paused' : 'Waiting'}</span>
          )}
        </div>
        <progress
          className="job-progress"
          aria-labelledby={headlineId}
          value={max > 0 ? value : undefined}
          max={max > 0 ? max : undefined}
        />
        {pause !== null && (
          <p className="job-pause">
            {pauseSentence(pause, names)}
            {signIn && pause.accountId !== null && (
              <button
                type="button"
                className="link-button"
                disabled={login.phase === 'waiting'}
                onClick={() => void store.addAccount({ stay: true })}
              >
                Sign in to {names.of(pause.accountId)} again
              </button>
            )}
          </p>
        )}
        {error !== undefined && (
          <p className="error-text" role="alert">
            {error}
          </p>
        )}
      </div>
      <div className="job-actions">
        {job.state === 'paused' ? (
          <JobButton describedBy={headlineId} onClick={() => void store.jobs.resume(job.id)}>
            Resume
          </JobButton>
        ) : (
          <JobButton describedBy={headlineId} onClick={() => void store.jobs.pause(job.id)}>
            Pause
          </JobButton>
        )}
        <JobButton describedBy={headlineId} onClick={() => setConfirming(true)}>
          Cancel
        </JobButton>
      </div>
      {confirming && (
        <CancelJobDialog
          job={job}
          names={names}
          onKeep={() => setConfirming(false)}
          onCancel={() => {
            setConfirming(false);
            void store.jobs.cancel(job.id);
          }}
        />
      )}
    </li>
  );
}

/** A job's action: named by its word, described by the job's headline (several jobs show one). */
export function JobButton(props: {
  readonly describedBy: string;
  readonly onClick: () => void;
  readonly children: string;
}) {
  return (
    <button
      type="button"
      className="button secondary compact"
      aria-describedby={props.describedBy}
      onClick={props.onClick}
    >
      {props.children}
    </button>
  );
}

function CancelJobDialog(props: {
  readonly job: JobView;
  readonly names: JobNames;
  readonly onKeep: () => void;
  readonly onCancel: () => void;
}) {
  const { job, names } = props;
  const noun =
    job.kind === 'copy' || job.kind === 'move' || job.kind === 'import' ? job.kind : 'undo';
  const done: string[] = [];
  if (job.counts.added > 0) {
    const to = job.kind === 'undo_move' ? names.source : names.target;
    done.push(`${formatCount(job.counts.added)} saved to ${to}`);
  }
  if (job.counts.removed > 0) {
    const from = job.kind === 'move' ? names.source : names.target;
    done.push(`${formatCount(job.counts.removed)} removed from ${from}`);
  }
  return (
    <Dialog
      title={`Cancel the ${noun} to ${names.target}?`}
      onClose={props.onKeep}
      actions={
        <>
          <button type="button" className="button secondary" onClick={props.onKeep}>
            Keep going
          </button>
          <button type="button" className="button danger" onClick={props.onCancel}>
            Cancel the {noun}
          </button>
        </>
      }
    >
      <p>
        It stops before its next request.{' '}
        {done.length > 0
          ? `What it has done stays done (${done.join(', ')})${job.kind === 'copy' || job.kind === 'move' || job.kind === 'import' ? ': you can undo that afterwards from Activity.' : '.'}`
          : 'Nothing has been written yet.'}
      </p>
    </Dialog>
  );
}
