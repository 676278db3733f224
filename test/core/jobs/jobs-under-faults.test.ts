// A copy between two accounts while Spotify misbehaves, over real sockets: 429s, the quota used
// up, connections dropped before and after a write was applied, the target's grant revoked, and a
// grant without the scope to write. Every one ends with each track saved exactly once, in order:
// the job pauses where it must, resumes by itself or after the sign-in, and never resends a batch
// blindly.
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { JobPause } from '../../../electron/core/jobs/job-record.js';
import { user } from '../composition/support.js';
import {
  jobReaches,
  libraryOf,
  openJobsFixture,
  planFrom,
  positionsWhere,
  spotifyIds,
  type JobsFixture,
} from './support.js';

let fixture: JobsFixture;

beforeEach(async () => {
  fixture = await openJobsFixture(
    { users: 2, tracks: 900 },
    // Short waits: a test cannot sit out Spotify's real backoff.
    { scheduler: { backoff: { baseMs: 5, maxMs: 50 }, maxRateLimitWaitMs: 500 } },
  );
});

afterEach(async () => {
  await fixture.close();
});

/** Plans a copy of every track of Alice's that Bob lacks; what Bob should end with. */
async function planAliceToBob() {
  const { core, fake } = fixture;
  const [alice, bob] = [fixture.account(0), fixture.account(1)];
  const bobIds = new Set((await libraryOf(core, bob.id)).tracks.map((t) => t.id));
  const aliceLibrary = await libraryOf(core, alice.id);
  const positions = positionsWhere(aliceLibrary, (t) => t.id !== null && !bobIds.has(t.id));
  const copied = positions.flatMap((p) => aliceLibrary.tracks[p]?.id ?? []);
  const expected = [...copied, ...(await spotifyIds(fake, 1))];
  const plan = await planFrom(core, 'copy', alice.id, bob.id, positions);
  return { alice, bob, plan, copied, expected };
}

function pausesOf(jobId: string): JobPause[] {
  const pauses: JobPause[] = [];
  fixture.core.jobs.service.onDidChange((record) => {
    const { pause, state } = record.progress;
    if (record.definition.id === jobId && state === 'paused' && pause) pauses.push(pause);
  });
  return pauses;
}

it('completes through 429s, a QUOTA_EXCEEDED and dropped connections, each track once and in order', async () => {
  const { core, fake } = fixture;
  const { plan, expected, copied } = await planAliceToBob();
  expect(copied.length).toBeGreaterThan(300);
  await fake.control.injectFault({
    kind: 'quota_exceeded',
    count: 1,
    retryAfterSeconds: 1,
    pathPrefix: '/v1/me/library',
  });
  await fake.control.injectFault({ kind: 'rate_limit', fraction: 0.1, retryAfterSeconds: 0 });
  await fake.control.injectFault({
    kind: 'drop_after_apply',
    fraction: 0.08,
    pathPrefix: '/v1/me/library',
  });
  await fake.control.injectFault({
    kind: 'drop_connection',
    fraction: 0.08,
    pathPrefix: '/v1/me/library',
  });

  const started = await core.jobs.service.start(plan.planId);
  const pauses = pausesOf(started.definition.id);
  const done = await jobReaches(core, started.definition.id, new Set(['finished', 'failed']));
  expect(done.progress.error).toBeNull();
  expect(done.progress.state).toBe('finished');
  // The quota paused the job until Spotify's Retry-After, and it went on by itself.
  expect(pauses.map((pause) => pause.reason)).toContain('quota_exceeded');

  await fake.control.clearFaults();
  expect(await spotifyIds(fake, 1)).toEqual(expected);
  // Batches whose answer was lost were checked with contains, never sent again blindly.
  expect(await fake.control.repeatedWrites(user(fake, 1).id)).toBe(0);
  const counts = (await fake.control.requestCounts()).byPath;
  expect(counts['GET /v1/me/library/contains'] ?? 0).toBeGreaterThan(0);
});

it('pauses as "needs sign-in" when the target\'s grant is revoked mid-copy, and resumes after the sign-in', async () => {
  const { core, fake, subject } = fixture;
  const { bob, plan, expected } = await planAliceToBob();
  await fake.control.setLatency(15);
  const started = await core.jobs.service.start(plan.planId);
  const jobId = started.definition.id;
  await new Promise<void>((resolve) => {
    const subscription = core.jobs.service.onDidChange((record) => {
      if (record.definition.id === jobId && record.progress.batch >= 3) {
        subscription.dispose();
        resolve();
      }
    });
  });
  await fake.control.revokeUser(user(fake, 1).id);
  await fake.control.expireAccessTokens(user(fake, 1).id);

  const paused = await jobReaches(core, jobId, new Set(['paused', 'failed', 'finished']));
  expect(paused.progress.state).toBe('paused');
  expect(paused.progress.pause).toMatchObject({ reason: 'needs_sign_in', accountId: bob.id });
  expect(core.registry.require(bob.id).status).toBe('needs_sign_in');

  subject.logins.push({ user: user(fake, 1) });
  await core.addAccount();
  const done = await jobReaches(core, jobId, new Set(['finished', 'failed']));
  expect(done.progress.state).toBe('finished');
  await fake.control.setLatency(0);
  expect(await spotifyIds(fake, 1)).toEqual(expected);
  expect(await fake.control.repeatedWrites(user(fake, 1).id)).toBe(0);
});

it('asks for a new sign-in before writing with a grant that lacks user-library-modify', async () => {
  const { core, fake, subject } = fixture;
  const bob = fixture.account(1);
  const readOnly = await fake.control.mintTokens(user(fake, 1).id, {
    scope: 'user-read-private user-library-read',
  });
  await core.vault.update(bob.id, (current) => {
    if (current === null) throw new Error('Bob has no tokens');
    return {
      ...current,
      accessToken: readOnly.accessToken,
      refreshToken: readOnly.refreshToken,
      scope: readOnly.scope,
    };
  });
  const { plan, expected } = await planAliceToBob();
  expect(plan.missingScopes).toEqual([bob.id]);

  const started = await core.jobs.service.start(plan.planId);
  const paused = await jobReaches(core, started.definition.id);
  expect(paused.progress.pause).toMatchObject({ reason: 'missing_scope', accountId: bob.id });
  // Nothing was written, and nothing else of Bob's state is lost.
  expect((await fake.control.requestCounts()).byPath['PUT /v1/me/library'] ?? 0).toBe(0);
  expect(core.registry.require(bob.id).status).toBe('ok');
  await expect(core.jobs.setSaved(bob.id, expected[0] ?? '', true)).rejects.toMatchObject({
    code: 'missing_scope',
  });
  // The account list changing for another reason (a sync) does not try the same grant again.
  await core.syncLibrary(fixture.account(0).id);
  await core.registry.rename(bob.id, 'Bob');
  expect(core.jobs.service.get(started.definition.id).progress.state).toBe('paused');
  expect((await fake.control.requestCounts()).byPath['PUT /v1/me/library'] ?? 0).toBe(0);

  subject.logins.push({ user: user(fake, 1) });
  await core.addAccount();
  const done = await jobReaches(core, started.definition.id, new Set(['finished', 'failed']));
  expect(done.progress.state).toBe('finished');
  expect(await spotifyIds(fake, 1)).toEqual(expected);
});

it('saves and removes one track with a heart, exactly once even when the answer is lost', async () => {
  const { core, fake } = fixture;
  const [alice, bob] = [fixture.account(0), fixture.account(1)];
  const bobIds = new Set((await libraryOf(core, bob.id)).tracks.map((t) => t.id));
  const trackId = (await libraryOf(core, alice.id)).tracks.find(
    (t) => t.id && !bobIds.has(t.id),
  )?.id;
  if (!trackId) throw new Error('Alice has no track Bob lacks');
  const changed: string[] = [];
  core.onDidChangeLibrary((change) => changed.push(change.accountId));

  await fake.control.injectFault({
    kind: 'drop_after_apply',
    count: 1,
    pathPrefix: '/v1/me/library',
  });
  await core.jobs.setSaved(bob.id, trackId, true);
  expect((await spotifyIds(fake, 1))[0]).toBe(trackId);
  expect((await libraryOf(core, bob.id)).tracks[0]?.id).toBe(trackId);
  expect(changed).toEqual([bob.id]);

  await core.jobs.setSaved(bob.id, trackId, false);
  expect(await spotifyIds(fake, 1)).not.toContain(trackId);
  expect((await libraryOf(core, bob.id)).tracks.map((t) => t.id)).not.toContain(trackId);
  expect(changed).toEqual([bob.id, bob.id]);
  expect(await fake.control.repeatedWrites(user(fake, 1).id)).toBe(0);
});
