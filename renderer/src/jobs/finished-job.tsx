// One finished, cancelled or failed job in the Activity panel: what it did (added, skipped,
// removed, kept in the source), when, why it failed, and Undo while it can be undone: the undo is
// planned and shown in the plan dialog like any other job.
import { useId } from 'react';

import type { JobView } from '../app-contract.js';
import { useStore } from '../state/app-store.js';
import { JobButton } from './active-job.js';
import { finishedHeadline, finishedWhen, outcomeParts } from './job-words.js';
import { useJobNames } from './use-job-names.js';

export function FinishedJob({ job, now }: { readonly job: JobView; readonly now: number }) {
  const store = useStore();
  const names = useJobNames(job.sourceAccountId, job.targetAccountId, job);
  const headlineId = useId();
  const outcome = outcomeParts(job, names);
  return (
    <li className={`job finished-job state-${job.state}`} data-testid="finished-job">
      <div className="job-main">
        <div className="job-title">
          <span id={headlineId} className="job-headline">
            {finishedHeadline(job, names)}
          </span>
          <span className="hint">{finishedWhen(job, now)}</span>
          {job.undoneByJobId !== null && <span className="job-state">Undone</span>}
        </div>
        {outcome.length > 0 && <p className="hint job-outcome">{outcome.join(' · ')}</p>}
        {job.error !== null && <p className="error-text">{job.error.message}</p>}
      </div>
      {job.canUndo && (
        <div className="job-actions">
          <JobButton describedBy={headlineId} onClick={() => void store.jobs.planUndo(job.id)}>
            Undo
          </JobButton>
        </div>
      )}
    </li>
  );
}
