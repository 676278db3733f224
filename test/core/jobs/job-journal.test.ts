// The journal on disk is what a job resumes from: real files in the core's data folder. A
// progress file that is lost or damaged never leads to a batch sent twice (every batch is then
// checked first), a job whose definition is unreadable is set aside with a notice rather than
// guessed at, a folder the app cannot read or write neither keeps the app from opening nor
// leaves a job shown as running with nothing running it, and an undo stays tied to its job.
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { user } from '../composition/support.js';
import {
  jobReaches,
  libraryOf,
  openJobsFixture,
  planFrom,
  positionsMissingIn,
  positionsWhere,
  runPlan,
  spotifyIds,
  type JobsFixture,
} from './support.js';

let fixture: JobsFixture;

beforeEach(async () => {
  fixture = await openJobsFixture({ users: 2, tracks: 600 });
});

afterEach(async () => {
  await fixture.close();
});

/** Starts a copy of Alice's tracks Bob lacks and pauses it after a few batches. */
async function pausedCopy() {
  const { core, fake } = fixture;
  const [alice, bob] = [fixture.account(0), fixture.account(1)];
  const bobIds = new Set((await libraryOf(core, bob.id)).tracks.map((t) => t.id));
  const aliceLibrary = await libraryOf(core, alice.id);
  const positions = positionsWhere(aliceLibrary, (t) => t.id !== null && !bobIds.has(t.id));
  const expected = [
    ...positions.flatMap((p) => aliceLibrary.tracks[p]?.id ?? []),
    ...(await spotifyIds(fake, 1)),
  ];
  await fake.control.setLatency(10);
  const started = await core.jobs.service.start(
    (await planFrom(core, 'copy', alice.id, bob.id, positions)).planId,
  );
  const jobId = started.definition.id;
  await new Promise<void>((resolve) => {
    const subscription = core.jobs.service.onDidChange((record) => {
      if (record.definition.id === jobId && record.progress.batch >= 2) {
        subscription.dispose();
        resolve();
      }
    });
  });
  await core.jobs.service.pause(jobId);
  await fake.control.setLatency(0);
  await core.close();
  return { jobId, expected, jobDir: path.join(fixture.subject.dataDir, 'jobs', jobId) };
}

it('resumes a job whose progress file was damaged by checking every batch before sending it', async () => {
  const { fake, subject } = fixture;
  const { jobId, expected, jobDir } = await pausedCopy();
  await writeFile(path.join(jobDir, 'progress.json'), '{"version":1,"data":{"state":"ru');

  const reopened = await subject.reopen();
  expect(reopened.startupNotices.join(' ')).toMatch(/job journal file could not be read/);
  const record = reopened.jobs.service.get(jobId);
  expect(record.progress).toMatchObject({
    state: 'paused',
    step: 0,
    batch: 0,
    checkEveryBatch: true,
  });
  expect(record.progress.pause?.reason).toBe('interrupted');
  await reopened.jobs.service.resume(jobId);
  const done = await jobReaches(reopened, jobId, new Set(['finished', 'failed']));
  expect(done.progress.state).toBe('finished');
  expect(await spotifyIds(fake, 1)).toEqual(expected);
  expect(await fake.control.repeatedWrites(user(fake, 1).id)).toBe(0);
});

it('sets aside a job whose definition is unreadable, and says so', async () => {
  const { subject } = fixture;
  const { jobId, jobDir } = await pausedCopy();
  await writeFile(path.join(jobDir, 'job.json'), 'not json at all');

  const reopened = await subject.reopen();
  expect(reopened.jobs.service.list().map((r) => r.definition.id)).not.toContain(jobId);
  expect(reopened.startupNotices.join(' ')).toMatch(/set aside as job\.json\.corrupt-/);
  expect((await readdir(jobDir)).some((name) => name.startsWith('job.json.corrupt-'))).toBe(true);
});

it('keeps a paused job across a restart exactly where it stopped', async () => {
  const { fake, subject } = fixture;
  const { jobId, expected } = await pausedCopy();
  const reopened = await subject.reopen();
  const record = reopened.jobs.service.get(jobId);
  expect(record.progress.state).toBe('paused');
  expect(record.progress.pause?.reason).toBe('requested');
  const pausedAt = record.progress.batch;
  expect(pausedAt).toBeGreaterThanOrEqual(2);
  await fake.control.resetCounts();
  await reopened.jobs.service.resume(jobId);
  await jobReaches(reopened, jobId, new Set(['finished', 'failed']));
  expect(await spotifyIds(fake, 1)).toEqual(expected);
  // Only the batches left were written.
  const writes = (await fake.control.requestCounts()).byPath['PUT /v1/me/library'] ?? 0;
  const toAdd = record.definition.steps[0]?.items.length ?? 0;
  expect(writes).toBe(Math.ceil(toAdd / 40) - pausedAt);
});

it('shows a job whose journal cannot be written as it starts as failed, and runs it once the disk is back', async () => {
  const { core, fake, subject } = fixture;
  const [alice, bob] = [fixture.account(0), fixture.account(1)];
  await fake.control.setLatency(10);
  const toBob = await positionsMissingIn(core, alice.id, bob.id);
  const toAlice = (await positionsMissingIn(core, bob.id, alice.id)).slice(0, 5);
  const plans = [
    await planFrom(core, 'copy', alice.id, bob.id, toBob),
    await planFrom(core, 'copy', bob.id, alice.id, toAlice),
  ];
  const first = await core.jobs.service.start(plans[0]?.planId ?? '');
  const waiting = await core.jobs.service.start(plans[1]?.planId ?? '');
  const jobId = waiting.definition.id;
  expect(waiting.progress.state).toBe('queued');
  // The waiting job's folder becomes unwritable (a file stands where it was).
  const jobDir = path.join(subject.dataDir, 'jobs', jobId);
  await rm(jobDir, { recursive: true });
  await writeFile(jobDir, 'in the way');

  await core.jobs.service.pause(first.definition.id);
  const failed = await jobReaches(core, jobId, new Set(['failed', 'finished']));
  expect(failed.progress.state).toBe('failed');
  expect(failed.progress.error?.code).toBe('storage_write_failed');

  await rm(jobDir);
  await fake.control.setLatency(0);
  await core.jobs.service.resume(jobId);
  const done = await jobReaches(core, jobId, new Set(['finished', 'failed']));
  expect(done.progress.state).toBe('finished');
});

it("opens when a job's progress cannot be read at all, and shows that job as interrupted", async () => {
  const { subject } = fixture;
  const { jobId, jobDir } = await pausedCopy();
  // Not a damaged file but one the app cannot read (here: a folder in its place).
  await rm(path.join(jobDir, 'progress.json'));
  await mkdir(path.join(jobDir, 'progress.json'));

  const reopened = await subject.reopen();
  expect(reopened.jobs.service.get(jobId).progress).toMatchObject({
    state: 'paused',
    pause: { reason: 'interrupted' },
    checkEveryBatch: true,
  });
});

it('still knows a job is undone when the app stopped before recording it on the undone job', async () => {
  const { core, subject } = fixture;
  const [alice, bob] = [fixture.account(0), fixture.account(1)];
  const positions = (await positionsMissingIn(core, alice.id, bob.id)).slice(0, 10);
  const copy = await runPlan(core, await planFrom(core, 'copy', alice.id, bob.id, positions));
  const undo = await core.jobs.service.start(
    (await core.jobs.service.planUndo(copy.definition.id)).planId,
  );
  await core.close();
  // As if the app had stopped right after writing the undo job, before marking the copy.
  const copyProgress = path.join(subject.dataDir, 'jobs', copy.definition.id, 'progress.json');
  const written = JSON.parse(await readFile(copyProgress, 'utf8')) as {
    data: { undoneByJobId: string | null };
  };
  written.data.undoneByJobId = null;
  await writeFile(copyProgress, JSON.stringify(written));

  const reopened = await subject.reopen();
  const copied = reopened.jobs.service.get(copy.definition.id);
  expect(copied.progress.undoneByJobId).toBe(undo.definition.id);
  expect(reopened.jobs.service.canUndo(copied)).toBe(false);
});
