// A running copy shares the app's one scheduler with everything else: its writes go one at a
// time, so another account's library still syncs with the other slots while the copy runs.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { user } from '../composition/support.js';
import {
  jobReaches,
  libraryOf,
  openJobsFixture,
  planFrom,
  positionsWhere,
  type JobsFixture,
} from './support.js';

let fixture: JobsFixture;

beforeEach(async () => {
  fixture = await openJobsFixture({ users: 3, tracksPerUser: [1200, 40, 600], tracks: 600 });
});

afterEach(async () => {
  await fixture.close();
});

it("syncs another account fully while a copy runs, long before the copy's end", async () => {
  const { core, fake } = fixture;
  const [alice, bob, carol] = [fixture.account(0), fixture.account(1), fixture.account(2)];
  const bobIds = new Set((await libraryOf(core, bob.id)).tracks.map((t) => t.id));
  const positions = positionsWhere(
    await libraryOf(core, alice.id),
    (t) => t.id !== null && !bobIds.has(t.id),
  );
  const plan = await planFrom(core, 'copy', alice.id, bob.id, positions);
  expect(plan.draft.writeRequests).toBeGreaterThan(25);
  await fake.control.setLatency(20);
  // Carol's next sync must read everything again: one saved on top, her oldest one removed.
  await fake.control.addSavedTracks(user(fake, 2).id, 1);
  await fake.control.removeSavedTracks(user(fake, 2).id, { count: 1, fromTop: false });

  const started = await core.jobs.service.start(plan.planId);
  const finished = jobReaches(core, started.definition.id, new Set(['finished', 'failed']));
  let copyDone = false;
  void finished.then(() => (copyDone = true));
  const sync = await core.syncLibrary(carol.id);
  expect(sync.kind).toBe('full');
  expect(sync.library.tracks).toHaveLength(600);
  // Carol's 12 pages went out beside the copy's writes rather than after them.
  expect(copyDone).toBe(false);
  expect((await finished).progress.state).toBe('finished');
});
