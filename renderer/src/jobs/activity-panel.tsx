// The Activity panel at the bottom of the content: the jobs running, queued or paused, then the
// recent finished ones with their outcome and Undo. It opens from the sidebar's Activity button
// (and by itself when a job starts) and leaves the rest of the app usable beside it.
import { useSyncExternalStore } from 'react';

import { useStore } from '../state/app-store.js';
import { isActive } from '../state/job-store.js';
import { useNow } from '../tracks/sync-age.js';
import { ActiveJob } from './active-job.js';
import { FinishedJob } from './finished-job.js';
import './activity-panel.css';

export const activityPanelId = 'activity-panel';

export function ActivityPanel() {
  const store = useStore();
  const { jobs, listError, jobErrors } = useSyncExternalStore(
    store.jobs.subscribe,
    store.jobs.getState,
  );
  const now = useNow();
  const active = jobs.filter(isActive);
  const finished = jobs.filter((job) => !isActive(job));
  return (
    <section id={activityPanelId} className="activity-panel" aria-labelledby="activity-heading">
      <div className="activity-header">
        <h2 id="activity-heading">Activity</h2>
        <button
          type="button"
          className="button secondary compact"
          aria-label="Hide activity"
          onClick={store.jobs.closePanel}
        >
          Hide
        </button>
      </div>
      <div className="activity-body">
        {listError !== null && (
          <p className="error-text" role="alert">
            The jobs could not be listed. {listError}
          </p>
        )}
        {jobs.length === 0 && listError === null && (
          <p className="hint">
            No jobs yet. Select tracks in an account, then choose “Copy to…” or “Move to…”.
          </p>
        )}
        {active.length > 0 && (
          <ul className="job-list" aria-label="Running jobs">
            {active.map((job) => (
              <ActiveJob key={job.id} job={job} error={jobErrors[job.id]} />
            ))}
          </ul>
        )}
        {finished.length > 0 && (
          <>
            <h3 className="activity-subheading">Recent</h3>
            <ul className="job-list" aria-label="Recent jobs">
              {finished.map((job) => (
                <FinishedJob key={job.id} job={job} now={now} />
              ))}
            </ul>
          </>
        )}
      </div>
    </section>
  );
}
