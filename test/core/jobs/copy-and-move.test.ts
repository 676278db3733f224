// Copy, move and undo between two signed-in accounts, over real sockets against the fake Spotify:
// the plan counts what it will do and writes nothing, the copy lands on top of the target in the
// source's order, a move removes from the source only what the target has, and an undo puts
// things back. Both accounts' libraries follow without a full re-sync.
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { LibrarySnapshot } from '../../../electron/core/library/library-snapshot.js';
import { MAX_LIBRARY_URIS } from '../../../electron/core/spotify/library-write-api.js';
import { user } from '../composition/support.js';
import { jobCounts } from '../../../electron/core/jobs/job-progress.js';
import {
  jobReaches,
  libraryOf,
  openJobsFixture,
  planFrom,
  positionsWhere,
  runPlan,
  spotifyIds,
  type JobsFixture,
} from './support.js';

let fixture: JobsFixture;

beforeEach(async () => {
  fixture = await openJobsFixture({ users: 2, tracks: 300 });
});

afterEach(async () => {
  await fixture.close();
});

function writesIn(counts: Record<string, number>): number {
  return (counts['PUT /v1/me/library'] ?? 0) + (counts['DELETE /v1/me/library'] ?? 0);
}

function idsAt(library: LibrarySnapshot, positions: readonly number[]): string[] {
  return positions.flatMap((p) => library.tracks[p]?.id ?? []);
}

/** Alice's library, Bob's, and the positions in Alice's of the tracks Bob lacks (local files too). */
async function aliceAndBob() {
  const { core } = fixture;
  const [alice, bob] = [fixture.account(0), fixture.account(1)];
  const aliceLibrary = await libraryOf(core, alice.id);
  const bobIds = new Set((await libraryOf(core, bob.id)).tracks.map((t) => t.id));
  const notInBob = positionsWhere(aliceLibrary, (t) => t.id === null || !bobIds.has(t.id));
  const inBoth = positionsWhere(aliceLibrary, (t) => t.id !== null && bobIds.has(t.id));
  return { alice, bob, aliceLibrary, notInBob, inBoth };
}

it('plans a copy from fresh caches without a request, then copies on top of the target in order', async () => {
  const { core, fake } = fixture;
  const { alice, bob, aliceLibrary, notInBob, inBoth } = await aliceAndBob();
  const selection = [...notInBob, ...inBoth.slice(0, 7)].sort((a, b) => a - b);
  const copied = idsAt(aliceLibrary, notInBob);
  expect(copied.length).toBeGreaterThan(100);
  expect(notInBob.length).toBeGreaterThan(copied.length); // some local files among them
  const bobBefore = await spotifyIds(fake, 1);
  await fake.control.resetCounts();

  const plan = await planFrom(core, 'copy', alice.id, bob.id, selection);
  expect(plan.draft.toAdd).toBe(copied.length);
  expect(plan.draft.planned.alreadyInTarget).toBe(7);
  expect(plan.draft.planned.notCopyable).toBe(notInBob.length - copied.length);
  expect(plan.draft.writeRequests).toBe(Math.ceil(copied.length / MAX_LIBRARY_URIS));
  expect(plan.missingScopes).toEqual([]);
  expect((await fake.control.requestCounts()).total).toBe(0);
  expect(await spotifyIds(fake, 1)).toEqual(bobBefore);

  const changed: string[] = [];
  core.onDidChangeLibrary((change) => changed.push(change.accountId));
  const job = await runPlan(core, plan);
  expect(job.progress.state).toBe('finished');

  // Saved oldest first, so Bob's top is Alice's copied tracks in Alice's order, newest first.
  const bobAfter = await spotifyIds(fake, 1);
  expect(bobAfter).toEqual([...copied, ...bobBefore]);
  const counts = (await fake.control.requestCounts()).byPath;
  expect(writesIn(counts)).toBe(plan.draft.writeRequests);
  expect(counts['GET /v1/me/library/contains'] ?? 0).toBe(0);
  expect(await fake.control.repeatedWrites(user(fake, 1).id)).toBe(0);
  // Bob's cache follows by an incremental re-sync of at most ceil(added / 50) + 1 pages.
  expect(counts['GET /v1/me/tracks'] ?? 0).toBeLessThanOrEqual(Math.ceil(copied.length / 50) + 1);
  expect((await libraryOf(core, bob.id)).tracks.map((t) => t.id)).toEqual(bobAfter);
  expect(changed).toContain(bob.id);
  expect(core.jobs.service.canUndo(job)).toBe(true);
});

it('moves: the target gets the tracks, the source loses exactly them, and the source cache follows', async () => {
  const { core, fake } = fixture;
  const { alice, bob, aliceLibrary, notInBob, inBoth } = await aliceAndBob();
  const selection = [...notInBob.slice(0, 50), ...inBoth.slice(0, 5)].sort((a, b) => a - b);
  const moved = idsAt(aliceLibrary, selection);
  const bobBefore = await spotifyIds(fake, 1);

  const plan = await planFrom(core, 'move', alice.id, bob.id, selection);
  expect(plan.draft.toRemove).toBe(moved.length);
  const job = await runPlan(core, plan);
  expect(job.progress.state).toBe('finished');

  const aliceAfter = await spotifyIds(fake, 0);
  const bobAfter = await spotifyIds(fake, 1);
  for (const id of moved) {
    expect(bobAfter).toContain(id);
    expect(aliceAfter).not.toContain(id);
  }
  // Only what was selected left Alice (local files stay: they cannot be copied).
  expect(aliceAfter).toEqual(
    aliceLibrary.tracks.map((t) => t.id).filter((id) => !moved.includes(id ?? '')),
  );
  expect(bobAfter.slice(bobAfter.length - bobBefore.length)).toEqual(bobBefore);
  expect((await libraryOf(core, alice.id)).tracks.map((t) => t.id)).toEqual(aliceAfter);
  expect(await fake.control.repeatedWrites(user(fake, 0).id)).toBe(0);
  expect(await fake.control.repeatedWrites(user(fake, 1).id)).toBe(0);
});

it('never removes from the source what the target turns out not to have', async () => {
  const { core, fake, subject } = fixture;
  const { alice, bob, aliceLibrary, notInBob } = await aliceAndBob();
  const selection = notInBob.slice(0, 80);
  const moved = idsAt(aliceLibrary, selection);
  const plan = await planFrom(core, 'move', alice.id, bob.id, selection);
  const started = await core.jobs.service.start(plan.planId);
  // Quit as soon as the copy part is done, before the check of the target.
  await new Promise<void>((resolve) => {
    const subscription = core.jobs.service.onDidChange((record) => {
      if (record.definition.id === started.definition.id && record.progress.step >= 1) {
        subscription.dispose();
        resolve();
      }
    });
  });
  await core.close();
  // Meanwhile, three of the copied tracks disappear from Bob's library.
  const lost = moved.slice(10, 13);
  await fake.control.removeSavedTracks(user(fake, 1).id, lost);

  const reopened = await subject.reopen();
  const interrupted = reopened.jobs.service.get(started.definition.id);
  expect(interrupted.progress.state).toBe('paused');
  expect(interrupted.progress.pause?.reason).toBe('interrupted');
  await reopened.jobs.service.resume(started.definition.id);
  const done = await jobReaches(reopened, started.definition.id);
  expect(done.progress.state).toBe('finished');
  const aliceAfter = await spotifyIds(fake, 0);
  for (const id of lost) expect(aliceAfter).toContain(id);
  for (const id of moved.filter((m) => !lost.includes(m))) expect(aliceAfter).not.toContain(id);
  expect(jobCounts(done.definition, done.progress, done.confirmed).keptInSource).toBe(3);
});

it('undoes a copy (only what it added) and a move (saved back to the source, in order)', async () => {
  const { core, fake } = fixture;
  const { alice, bob, aliceLibrary, notInBob, inBoth } = await aliceAndBob();
  const bobBefore = await spotifyIds(fake, 1);
  const copyJob = await runPlan(
    core,
    await planFrom(core, 'copy', alice.id, bob.id, [
      ...notInBob.slice(0, 45),
      ...inBoth.slice(0, 3),
    ]),
  );
  expect(copyJob.progress.state).toBe('finished');
  const undoCopy = await runPlan(core, await core.jobs.service.planUndo(copyJob.definition.id));
  expect(undoCopy.progress.state).toBe('finished');
  expect(undoCopy.definition.kind).toBe('undo_copy');
  // Bob is as before: the three he already had stayed.
  expect(await spotifyIds(fake, 1)).toEqual(bobBefore);
  expect(core.jobs.service.canUndo(core.jobs.service.get(copyJob.definition.id))).toBe(false);
  await expect(core.jobs.service.planUndo(copyJob.definition.id)).rejects.toMatchObject({
    code: 'job_not_undoable',
  });

  const aliceBefore = await spotifyIds(fake, 0);
  const selection = [...notInBob.slice(0, 60), ...inBoth.slice(0, 4)].sort((a, b) => a - b);
  const moved = idsAt(aliceLibrary, selection);
  const moveJob = await runPlan(core, await planFrom(core, 'move', alice.id, bob.id, selection));
  expect(moveJob.progress.state).toBe('finished');
  const undoMove = await runPlan(core, await core.jobs.service.planUndo(moveJob.definition.id));
  expect(undoMove.progress.state).toBe('finished');

  // Back in Alice's library, on top, in their old order; Bob keeps the four he had before.
  const aliceAfter = await spotifyIds(fake, 0);
  expect(aliceAfter.slice(0, moved.length)).toEqual(moved);
  expect(new Set(aliceAfter)).toEqual(new Set(aliceBefore));
  expect(await spotifyIds(fake, 1)).toEqual(bobBefore);
  expect(await fake.control.repeatedWrites(user(fake, 0).id)).toBe(0);
});

it('refuses bad requests with a clear error', async () => {
  const { core } = fixture;
  const { alice, bob, notInBob } = await aliceAndBob();
  await expect(planFrom(core, 'copy', alice.id, alice.id, notInBob)).rejects.toMatchObject({
    code: 'job_same_account',
  });
  await expect(planFrom(core, 'copy', alice.id, bob.id, [])).rejects.toMatchObject({
    code: 'job_empty_selection',
  });
  await expect(
    core.jobs.planCopy({
      kind: 'copy',
      sourceAccountId: alice.id,
      targetAccountId: bob.id,
      revision: 'an-old-revision',
      positions: [0],
    }),
  ).rejects.toMatchObject({ code: 'job_selection_stale' });
  await expect(planFrom(core, 'copy', alice.id, bob.id, [100_000])).rejects.toMatchObject({
    code: 'job_selection_stale',
  });
  await expect(core.jobs.service.start('no-such-plan')).rejects.toMatchObject({
    code: 'job_plan_not_found',
  });
  const plan = await planFrom(core, 'copy', alice.id, bob.id, notInBob.slice(0, 2));
  await runPlan(core, plan);
  await expect(core.jobs.service.start(plan.planId)).rejects.toMatchObject({
    code: 'job_plan_not_found',
  });
});

it('fails a paused job whose account was removed, with a message that says so', async () => {
  const { core } = fixture;
  const { alice, bob, notInBob } = await aliceAndBob();
  const started = await core.jobs.service.start(
    (await planFrom(core, 'copy', alice.id, bob.id, notInBob)).planId,
  );
  await core.jobs.service.pause(started.definition.id);
  expect(core.jobs.service.get(started.definition.id).progress.state).toMatch(/paused|finished/);
  await core.removeAccount(bob.id);
  const record = core.jobs.service.get(started.definition.id);
  if (record.progress.state !== 'finished') {
    expect(record.progress.state).toBe('failed');
    expect(record.progress.error?.code).toBe('job_account_missing');
    expect(record.progress.error?.message).toMatch(/removed/);
    await expect(core.jobs.service.resume(started.definition.id)).rejects.toMatchObject({
      code: 'job_account_missing',
    });
  }
});

it('starts a job for an account whose Spotify name is very long', async () => {
  const { core } = fixture;
  const { alice, bob, notInBob } = await aliceAndBob();
  const shown = core.registry.require(bob.id);
  if (shown.profile === null || shown.spotifyUserId === null) throw new Error('no profile');
  await core.registry.updateProfile(bob.id, shown.spotifyUserId, {
    ...shown.profile,
    displayName: 'Bob '.repeat(100),
  });
  const job = await runPlan(core, await planFrom(core, 'copy', alice.id, bob.id, notInBob));
  expect(job.progress.state).toBe('finished');
  expect(job.definition.targetLabel.startsWith('Bob Bob')).toBe(true);
});
