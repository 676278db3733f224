// The target's library moves on between the plan and the writes (a heart, another copy queued
// before this one): a track it has by the time its batch is sent is left out of that batch, so
// it is not saved twice, is counted as already there, and the job's undo leaves it in place.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { jobCounts } from '../../../electron/core/jobs/job-progress.js';
import { user } from '../composition/support.js';
import {
  libraryOf,
  openJobsFixture,
  planFrom,
  positionsMissingIn,
  runPlan,
  spotifyIds,
  type JobsFixture,
} from './support.js';

let fixture: JobsFixture;

beforeEach(async () => {
  fixture = await openJobsFixture({ users: 2, tracks: 200 });
});

afterEach(async () => {
  await fixture.close();
});

it('leaves out of a batch what the target saved since the plan, and its undo keeps it', async () => {
  const { core, fake } = fixture;
  const [alice, bob] = [fixture.account(0), fixture.account(1)];
  const positions = (await positionsMissingIn(core, alice.id, bob.id)).slice(0, 60);
  const aliceLibrary = await libraryOf(core, alice.id);
  const ids = positions.flatMap((p) => aliceLibrary.tracks[p]?.id ?? []);
  const plan = await planFrom(core, 'copy', alice.id, bob.id, positions);
  expect(plan.draft.planned.alreadyInTarget).toBe(0);
  // Saved in Bob with a heart while the plan waits for the person.
  const hearted = ids[30] ?? '';
  await core.jobs.setSaved(bob.id, hearted, true);

  const job = await runPlan(core, plan);
  expect(job.progress.state).toBe('finished');
  expect(await fake.control.repeatedWrites(user(fake, 1).id)).toBe(0);
  expect(jobCounts(job.definition, job.progress, job.confirmed)).toMatchObject({
    added: ids.length - 1,
    alreadyInTarget: 1,
  });

  const undo = await runPlan(core, await core.jobs.service.planUndo(job.definition.id));
  expect(undo.progress.state).toBe('finished');
  const bobAfter = await spotifyIds(fake, 1);
  expect(bobAfter).toContain(hearted);
  expect(bobAfter.filter((id) => ids.includes(id ?? ''))).toEqual([hearted]);
});
