// The `jobs:*` requests: plan a copy or a move from the page's selection, plan an undo, start a
// plan the person confirmed, pause, resume and cancel a job, and list the recent ones.
import type { AppCore } from '../../composition/app-core.js';
import { JobError } from '../../jobs/job-error.js';
import type { JobRecord } from '../../jobs/job-record.js';
import type { DomainHandlers } from '../ipc-router.js';
import { decodePositions } from '../job-views.js';
import { jobPlanView, jobView } from '../job-view-mapping.js';

export function jobHandlers(core: AppCore): DomainHandlers<'jobs'> {
  const { service } = core.jobs;
  const view = (record: JobRecord) => jobView(record, service.canUndo(record));
  return {
    'jobs:list': async () => service.list().map(view),
    'jobs:plan': async (request) => {
      const positions = decodePositions(request.selection.positions);
      if (positions === null) {
        throw new JobError('job_selection_stale', 'The selection could not be read. Select again.');
      }
      return jobPlanView(
        await core.jobs.planCopy({
          kind: request.kind,
          sourceAccountId: request.selection.accountId,
          targetAccountId: request.targetAccountId,
          revision: request.selection.revision,
          positions,
        }),
      );
    },
    'jobs:planUndo': async (jobId) => jobPlanView(await service.planUndo(jobId)),
    'jobs:start': async (planId) => view(await service.start(planId)),
    'jobs:pause': async (jobId) => view(await service.pause(jobId)),
    'jobs:resume': async (jobId) => view(await service.resume(jobId)),
    'jobs:cancel': async (jobId) => view(await service.cancel(jobId)),
  };
}
