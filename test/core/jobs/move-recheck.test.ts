// A move whose removal from the source was paused part-way checks the target again before each
// batch it still sends, over real sockets against the fake Spotify. What that check leaves in the
// source stays in the app's copy of the source too, is counted as kept rather than removed, and
// an undo does not save it back; a sign-in the check needs is asked of the account checked.
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { AppCore } from '../../../electron/core/composition/app-core.js';
import { jobCounts, stepItems } from '../../../electron/core/jobs/job-progress.js';
import type { JobRecord } from '../../../electron/core/jobs/job-record.js';
import { user } from '../composition/support.js';
import {
  jobProgresses,
  jobReaches,
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
  fixture = await openJobsFixture({ users: 2, tracks: 500 });
});

afterEach(async () => {
  await fixture.close();
});

/** A move of 200 of Alice's tracks to Bob, paused early in its removal (5 batches). */
async function movePausedWhileRemoving(core: AppCore): Promise<JobRecord> {
  const [alice, bob] = [fixture.account(0), fixture.account(1)];
  const positions = (await positionsMissingIn(core, alice.id, bob.id)).slice(0, 200);
  expect(positions).toHaveLength(200);
  const plan = await planFrom(core, 'move', alice.id, bob.id, positions);
  const started = await core.jobs.service.start(plan.planId);
  const jobId = started.definition.id;
  await jobProgresses(core, jobId, (r) => r.progress.step === 2 && r.progress.batch === 1);
  const paused = await core.jobs.service.pause(jobId);
  expect(paused.progress).toMatchObject({ state: 'paused', step: 2 });
  expect(paused.progress.batch).toBeLessThan(4);
  return paused;
}

/** The track IDs the move's removal works on, in its order. */
function removalIds(record: JobRecord): string[] {
  const { definition } = record;
  return stepItems(definition, record.confirmed, 2).map((item) => definition.items[item]?.id ?? '');
}

it('keeps in the source, in its cache and in its counts what the target lost meanwhile', async () => {
  const { core, fake } = fixture;
  const alice = fixture.account(0);
  const paused = await movePausedWhileRemoving(core);
  const jobId = paused.definition.id;
  // Three tracks of the removal's last batch leave Bob before the move goes on.
  const lost = removalIds(paused).slice(-3);
  await fake.control.removeSavedTracks(user(fake, 1).id, lost);

  await core.jobs.service.resume(jobId);
  const done = await jobReaches(core, jobId, new Set(['finished', 'failed']));
  expect(done.progress.state).toBe('finished');
  const aliceOnSpotify = await spotifyIds(fake, 0);
  for (const id of lost) expect(aliceOnSpotify).toContain(id);
  expect((await libraryOf(core, alice.id)).tracks.map((t) => t.id)).toEqual(aliceOnSpotify);
  const counts = jobCounts(done.definition, done.progress, done.confirmed);
  expect(counts).toMatchObject({ removed: 197, keptInSource: 3 });

  // Undone, the move saves back only what it removed.
  const undo = await runPlan(core, await core.jobs.service.planUndo(jobId));
  expect(undo.progress.state).toBe('finished');
  expect(await fake.control.repeatedWrites(user(fake, 0).id)).toBe(0);
});

it("pauses for the checked account's sign-in when that check is what needs it", async () => {
  const { core, fake, subject } = fixture;
  const bob = fixture.account(1);
  const paused = await movePausedWhileRemoving(core);
  const jobId = paused.definition.id;
  await fake.control.revokeUser(user(fake, 1).id);
  await fake.control.expireAccessTokens(user(fake, 1).id);

  await core.jobs.service.resume(jobId);
  const waiting = await jobReaches(core, jobId);
  expect(waiting.progress.pause).toMatchObject({ reason: 'needs_sign_in', accountId: bob.id });

  // Once Bob has signed in again the move goes on by itself.
  subject.logins.push({ user: user(fake, 1) });
  await core.addAccount();
  const done = await jobReaches(core, jobId, new Set(['finished', 'failed']));
  expect(done.progress.state).toBe('finished');
  const aliceOnSpotify = new Set(await spotifyIds(fake, 0));
  expect(removalIds(done).filter((id) => aliceOnSpotify.has(id))).toEqual([]);
});
