// The sidebar's Activity button: opens and hides the Activity panel, with a badge counting the
// jobs not finished yet (orange when one is paused), and a status line that tells screen readers
// when a job finishes.
import { useState, useSyncExternalStore } from 'react';

import type { JobView } from '../app-contract.js';
import { useStore } from '../state/app-store.js';
import { isActive } from '../state/job-store.js';
import { activityPanelId } from './activity-panel.js';
import { finishedHeadline } from './job-words.js';
import { useJobNames } from './use-job-names.js';

export function ActivityButton() {
  const store = useStore();
  const { jobs, panelOpen } = useSyncExternalStore(store.jobs.subscribe, store.jobs.getState);
  const active = jobs.filter(isActive);
  const paused = active.some((job) => job.state === 'paused');
  return (
    <>
      <button
        type="button"
        className="button secondary activity-button"
        aria-expanded={panelOpen}
        // Named only while the panel is there to be named.
        aria-controls={panelOpen ? activityPanelId : undefined}
        onClick={store.jobs.togglePanel}
      >
        Activity
        {active.length > 0 && (
          <span className={`activity-badge${paused ? ' attention' : ''}`}>
            {active.length}
            <span className="visually-hidden">
              {active.length === 1 ? ' job' : ' jobs'}
              {paused ? ' not finished, paused among them' : ' running'}
            </span>
          </span>
        )}
      </button>
      <FinishedNews />
    </>
  );
}

/** Says the newest job that finished while the page was open, once. */
function FinishedNews() {
  const store = useStore();
  const { jobs } = useSyncExternalStore(store.jobs.subscribe, store.jobs.getState);
  const [openedAt] = useState(() => Date.now());
  const latest = jobs.find(
    (job) => !isActive(job) && job.finishedAt !== null && job.finishedAt >= openedAt,
  );
  return (
    <span className="visually-hidden" role="status">
      {latest !== undefined && <News job={latest} />}
    </span>
  );
}

function News({ job }: { readonly job: JobView }) {
  const names = useJobNames(job.sourceAccountId, job.targetAccountId, job);
  return <>{finishedHeadline(job, names)}.</>;
}
