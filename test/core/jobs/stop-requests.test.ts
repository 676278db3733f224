// A person's pause or cancel is what happens to the job, over real sockets against the fake
// Spotify: a batch on the wire that ends in a quota error does not turn a cancel into a pause
// that resumes by itself, a resume timer left from an earlier pause does not undo a pause the
// person asked for later, the undo of a job cancelled with a batch in flight checks that batch
// rather than removing it blindly, and a quit does not wait out a long Retry-After.
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, expect, it } from 'vitest';
import {
  jobProgresses,
  jobReaches,
  openJobsFixture,
  planFrom,
  positionsMissingIn,
  runPlan,
  spotifyIds,
  type JobsFixture,
} from './support.js';
import { user } from '../composition/support.js';
import type { RequestSchedulerOptions } from '../../../electron/core/spotify/request-scheduler.js';

let fixture: JobsFixture | null = null;

afterEach(async () => {
  await fixture?.close();
  fixture = null;
});

async function open(scheduler: RequestSchedulerOptions = {}): Promise<JobsFixture> {
  fixture = await openJobsFixture(
    { users: 2, tracks: 400 },
    { scheduler: { backoff: { baseMs: 5, maxMs: 50 }, maxRateLimitWaitMs: 500, ...scheduler } },
  );
  return fixture;
}

async function writes(opened: JobsFixture): Promise<number> {
  return (await opened.fake.control.requestCounts()).byPath['PUT /v1/me/library'] ?? 0;
}

/** Starts a copy of every track of Alice's that Bob lacks. */
async function startCopy(opened: JobsFixture) {
  const { core } = opened;
  const [alice, bob] = [opened.account(0), opened.account(1)];
  const positions = await positionsMissingIn(core, alice.id, bob.id);
  const plan = await planFrom(core, 'copy', alice.id, bob.id, positions);
  expect(plan.draft.writeRequests).toBeGreaterThan(3);
  return core.jobs.service.start(plan.planId);
}

/**
 * Starts a copy and asks for `request` while its batch 1 is on the wire; that batch answers
 * QUOTA_EXCEEDED (Spotify resumes a second later), so whether it was saved is unknown to the job.
 */
async function stopWhileBatchHitsQuota(opened: JobsFixture, request: 'pause' | 'cancel') {
  const { core, fake } = opened;
  await fake.control.setLatency(200);
  const started = await startCopy(opened);
  const jobId = started.definition.id;
  await jobProgresses(core, jobId, (r) => r.progress.batch === 1 && r.progress.inFlight);
  await fake.control.injectFault({
    kind: 'quota_exceeded',
    count: 1,
    retryAfterSeconds: 1,
    pathPrefix: '/v1/me/library',
  });
  const stopped =
    request === 'pause'
      ? await core.jobs.service.pause(jobId)
      : await core.jobs.service.cancel(jobId);
  await fake.control.setLatency(0);
  return { jobId, stopped };
}

/**
 * Starts a copy and, while its batch 1 is on the wire, makes Spotify answer it 429 with a
 * Retry-After of 10 s, which the scheduler waits out; what Bob held before, and how many tracks
 * the copy saves.
 */
async function copyWaitingOutRetryAfter(opened: JobsFixture) {
  const { core, fake } = opened;
  const bobBefore = await spotifyIds(fake, 1);
  const started = await startCopy(opened);
  const jobId = started.definition.id;
  const copied = started.definition.steps[0]?.items.length ?? 0;
  await fake.control.setLatency(50);
  await jobProgresses(core, jobId, (r) => r.progress.batch === 1 && r.progress.inFlight);
  await fake.control.injectFault({
    kind: 'rate_limit',
    count: 1,
    retryAfterSeconds: 10,
    pathPrefix: '/v1/me/library',
  });
  await sleep(100);
  return { jobId, copied, bobBefore };
}

/** Bob has the copied tracks on top of what he had, each saved once. */
async function expectCopiedOnce(opened: JobsFixture, bobBefore: unknown[], copied: number) {
  const { fake } = opened;
  const bobAfter = await spotifyIds(fake, 1);
  expect(bobAfter.slice(copied)).toEqual(bobBefore);
  expect(bobAfter).toHaveLength(bobBefore.length + copied);
  expect(await fake.control.repeatedWrites(user(fake, 1).id)).toBe(0);
}

it.each(['pause', 'cancel'] as const)(
  'a %s asked for while a batch is on the wire holds when that batch hits the quota',
  async (request) => {
    const opened = await open();
    const { core } = opened;
    const { jobId, stopped } = await stopWhileBatchHitsQuota(opened, request);

    expect(stopped.progress.state).toBe(request === 'pause' ? 'paused' : 'cancelled');
    if (request === 'pause') expect(stopped.progress.pause?.reason).toBe('requested');
    const sent = await writes(opened);
    // Long after the quota's end, the job still does what the person asked.
    await sleep(1_600);
    expect(core.jobs.service.get(jobId).progress.state).toBe(stopped.progress.state);
    expect(await writes(opened)).toBe(sent);
  },
);

it('does not resume by itself a job the person paused after resuming it from a timed pause', async () => {
  // An ordinary 429 the scheduler does not retry pauses the job until its Retry-After.
  const opened = await open({ maxRateLimitRetries: 0, maxRateLimitWaitMs: 10_000 });
  const { core, fake } = opened;
  await fake.control.injectFault({
    kind: 'rate_limit',
    count: 1,
    retryAfterSeconds: 1,
    pathPrefix: '/v1/me/library',
  });
  const started = await startCopy(opened);
  const jobId = started.definition.id;
  const timed = await jobReaches(core, jobId);
  expect(timed.progress.pause).toMatchObject({ reason: 'rate_limited' });
  expect(timed.progress.pause?.until).not.toBeNull();

  // A moment later the person goes on, then pauses.
  await sleep(50);
  await core.jobs.service.resume(jobId);
  const paused = await core.jobs.service.pause(jobId);
  expect(paused.progress.pause?.reason).toBe('requested');
  const sent = await writes(opened);

  await sleep(1_600);
  expect(core.jobs.service.get(jobId).progress).toMatchObject({
    state: 'paused',
    pause: { reason: 'requested' },
  });
  expect(await writes(opened)).toBe(sent);
});

it('undoes a copy cancelled with a batch in flight without removing blindly what it may not have saved', async () => {
  const opened = await open();
  const { core, fake } = opened;
  const bobBefore = await spotifyIds(fake, 1);
  const { jobId, stopped: cancelled } = await stopWhileBatchHitsQuota(opened, 'cancel');
  expect(cancelled.progress).toMatchObject({ state: 'cancelled', batch: 1, inFlight: true });
  await sleep(1_100);

  const undo = await runPlan(core, await core.jobs.service.planUndo(jobId));
  expect(undo.progress.state).toBe('finished');
  expect(await spotifyIds(fake, 1)).toEqual(bobBefore);
  expect(await fake.control.repeatedWrites(user(fake, 1).id)).toBe(0);
});

it('quits at once while a batch waits out a long Retry-After, and resumes from there next time', async () => {
  const opened = await open({ maxRateLimitWaitMs: 60_000 });
  const { core, fake, subject } = opened;
  const { jobId, copied, bobBefore } = await copyWaitingOutRetryAfter(opened);

  const quitAt = Date.now();
  await core.close();
  expect(Date.now() - quitAt).toBeLessThan(2_000);

  await fake.control.setLatency(0);
  await fake.control.clearFaults();
  const reopened = await subject.reopen();
  expect(reopened.jobs.service.get(jobId).progress.pause?.reason).toBe('interrupted');
  await reopened.jobs.service.resume(jobId);
  const done = await jobReaches(reopened, jobId, new Set(['finished', 'failed']));
  expect(done.progress.state).toBe('finished');
  await expectCopiedOnce(opened, bobBefore, copied);
});

it("quits at once during a move's removal while the source's sync waits out a long Retry-After", async () => {
  const opened = await open({ maxRateLimitWaitMs: 60_000 });
  const { core, fake } = opened;
  const [alice, bob] = [opened.account(0), opened.account(1)];
  const positions = (await positionsMissingIn(core, alice.id, bob.id)).slice(0, 200);
  const plan = await planFrom(core, 'move', alice.id, bob.id, positions);
  await fake.control.setLatency(20);
  const started = await core.jobs.service.start(plan.planId);
  await jobProgresses(core, started.definition.id, (r) => r.progress.step === 2);
  await fake.control.injectFault({
    kind: 'rate_limit',
    count: 1,
    retryAfterSeconds: 10,
    pathPrefix: '/v1/me/tracks',
  });
  const sync = core.syncLibrary(alice.id).catch(() => null);
  await sleep(150);

  const quitAt = Date.now();
  await core.close();
  expect(Date.now() - quitAt).toBeLessThan(2_000);
  await sync;
});

it('pauses at once while a batch waits out a long Retry-After, and resumes with each track once', async () => {
  const opened = await open({ maxRateLimitWaitMs: 60_000 });
  const { core, fake } = opened;
  const { jobId, copied, bobBefore } = await copyWaitingOutRetryAfter(opened);

  const pausedAt = Date.now();
  const paused = await core.jobs.service.pause(jobId);
  expect(Date.now() - pausedAt).toBeLessThan(2_000);
  expect(paused.progress).toMatchObject({ state: 'paused', inFlight: true });
  expect(paused.progress.pause?.reason).toBe('requested');

  await fake.control.setLatency(0);
  await fake.control.clearFaults();
  await core.jobs.service.resume(jobId);
  const done = await jobReaches(core, jobId, new Set(['finished', 'failed']));
  expect(done.progress.state).toBe('finished');
  await expectCopiedOnce(opened, bobBefore, copied);
});
