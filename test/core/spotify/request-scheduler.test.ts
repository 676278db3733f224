import { describe, expect, it } from 'vitest';
import { AppError } from '../../../electron/core/errors/app-error.js';
import { RequestScheduler } from '../../../electron/core/spotify/request-scheduler.js';
import { SpotifyApiError } from '../../../electron/core/spotify/spotify-api-errors.js';
import {
  getProfile,
  getSavedTracksPage,
} from '../../../electron/core/spotify/spotify-api-client.js';
import { seededUser } from '../../../demo/fake-spotify/index.js';
import { startHarness } from './support/spotify-harness.js';

describe('RequestScheduler over the fake Spotify', () => {
  it('fetches every page through a 429 storm, honouring Retry-After and the concurrency bound', async () => {
    const h = await startHarness({ users: 2, tracks: 300, latencyMs: 5 }, { concurrency: 3 });
    const [alice, bob] = h.fake.users;
    if (alice === undefined || bob === undefined) throw new Error('need two users');
    const sessions = [await h.session(alice), await h.session(bob)];
    await h.fake.control.injectFault({
      kind: 'rate_limit',
      fraction: 0.3,
      retryAfterSeconds: 1,
      pathPrefix: '/v1/me/tracks',
    });

    const pages = await Promise.all(
      sessions.flatMap((session) =>
        [0, 50, 100, 150, 200, 250].map((offset) => getSavedTracksPage(session, { offset })),
      ),
    );

    expect(pages.map((p) => p.offset)).toEqual([
      0, 50, 100, 150, 200, 250, 0, 50, 100, 150, 200, 250,
    ]);
    expect(pages.every((p) => p.total === 300 && p.items.length === 50)).toBe(true);
    const rateLimited = h.wire.events.filter((e) => e.kind === 'response' && e.status === 429);
    expect(rateLimited.length).toBeGreaterThan(0);
    // Nothing is sent after a 429 arrived until its Retry-After (1 s) has passed.
    for (const limit of rateLimited) {
      const tooEarly = h.wire
        .sends('/v1/')
        .filter((send) => send.seq > limit.seq && send.at < limit.at + 1_000);
      expect(tooEarly).toEqual([]);
    }
    expect(h.wire.maxApiInFlight()).toBeLessThanOrEqual(3);
    expect(h.scheduler.stats.maxInFlight).toBe(3);
    expect(h.states.some((s) => s.kind === 'rate_limited')).toBe(true);
    expect(h.scheduler.state).toEqual({ kind: 'idle' });
  });

  it('backs off when a 429 has no Retry-After, then succeeds', async () => {
    const h = await startHarness({ users: 1 }, { backoff: { baseMs: 80, maxMs: 1_000 } });
    const session = await h.session(seededUser(h.fake));
    await h.fake.control.injectFault({ kind: 'rate_limit', retryAfterSeconds: null, count: 2 });

    await expect(getProfile(session)).resolves.toBeDefined();

    const sends = h.wire.sends('/v1/me');
    const answers = h.wire.events.filter((e) => e.kind === 'response');
    expect(sends).toHaveLength(3);
    // First wait at least half of 80 ms, the second at least half of 160 ms.
    expect((sends[1]?.at ?? 0) - (answers[0]?.at ?? 0)).toBeGreaterThanOrEqual(40);
    expect((sends[2]?.at ?? 0) - (answers[1]?.at ?? 0)).toBeGreaterThanOrEqual(80);
  });

  it('gives up on endless 429s with rate_limited after the bounded number of retries', async () => {
    const h = await startHarness({ users: 1 }, { maxRateLimitRetries: 2 });
    const session = await h.session(seededUser(h.fake));
    await h.fake.control.injectFault({ kind: 'rate_limit', retryAfterSeconds: null });

    await expect(getProfile(session)).rejects.toMatchObject({
      code: 'rate_limited',
      status: 429,
      attempts: 3,
    });
    expect(h.wire.sends('/v1/me')).toHaveLength(3);
  });

  it('pauses everything on QUOTA_EXCEEDED and fails every waiting request with resumesAt', async () => {
    const h = await startHarness({ users: 2 }, { concurrency: 1 });
    const [alice, bob] = h.fake.users;
    if (alice === undefined || bob === undefined) throw new Error('need two users');
    const aliceSession = await h.session(alice);
    const bobSession = await h.session(bob);
    await h.fake.control.injectFault({
      kind: 'quota_exceeded',
      count: 1,
      retryAfterSeconds: 3_600,
    });
    const started = Date.now();

    const errors = await Promise.all(
      [0, 1, 2, 3, 4].map((i) =>
        getProfile(i % 2 === 0 ? aliceSession : bobSession).then(
          () => null,
          (error: unknown) => error as SpotifyApiError,
        ),
      ),
    );

    for (const error of errors) {
      expect(error).toBeInstanceOf(SpotifyApiError);
      expect(error?.code).toBe('quota_exceeded');
      expect(error?.resumesAt).toBeGreaterThanOrEqual(started + 3_600_000);
      expect(error?.resumesAt).toBeLessThan(Date.now() + 3_600_000 + 1_000);
    }
    expect(h.wire.sends('/v1/')).toHaveLength(1);
    const resumesAt = errors[0]?.resumesAt;
    expect(h.scheduler.pausedUntil).toBe(resumesAt);
    expect(h.scheduler.state).toEqual({ kind: 'quota_exceeded', until: resumesAt });
    expect(h.states).toContainEqual({ kind: 'quota_exceeded', until: resumesAt });

    // A request made during the pause fails at once without reaching Spotify.
    await expect(getProfile(bobSession)).rejects.toMatchObject({
      code: 'quota_exceeded',
      resumesAt,
    });
    expect(h.wire.sends('/v1/')).toHaveLength(1);
  });

  it('pauses for the configured time on QUOTA_EXCEEDED without Retry-After', async () => {
    const h = await startHarness({ users: 1 }, { quotaPauseMs: 200 });
    const session = await h.session(seededUser(h.fake));
    await h.fake.control.injectFault({ kind: 'quota_exceeded', count: 1, retryAfterSeconds: null });
    const started = Date.now();

    const error = await getProfile(session).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'quota_exceeded' });
    const resumesAt = (error as { resumesAt: number }).resumesAt;
    expect(resumesAt - started).toBeGreaterThanOrEqual(200);
    expect(resumesAt - started).toBeLessThan(5_000);

    await new Promise((resolve) => setTimeout(resolve, resumesAt - Date.now() + 20));
    expect(h.scheduler.state).toEqual({ kind: 'idle' });
    await expect(getProfile(session)).resolves.toBeDefined();
  });

  it('treats a Retry-After beyond the wait limit as a long pause and fails fast', async () => {
    const h = await startHarness({ users: 1 }, { maxRateLimitWaitMs: 1_000 });
    const session = await h.session(seededUser(h.fake));
    await h.fake.control.injectFault({ kind: 'rate_limit', count: 1, retryAfterSeconds: 30 });
    const started = Date.now();

    const error = await getProfile(session).catch((e: unknown) => e);

    expect(error).toMatchObject({ code: 'rate_limited', status: 429 });
    expect((error as { resumesAt: number }).resumesAt).toBeGreaterThanOrEqual(started + 30_000);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(h.scheduler.state.kind).toBe('rate_limited');
  });

  it('retries 5xx and succeeds', async () => {
    const h = await startHarness({ users: 1 });
    const session = await h.session(seededUser(h.fake));
    await h.fake.control.injectFault({ kind: 'server_error', count: 2, status: 502 });

    await expect(getProfile(session)).resolves.toBeDefined();
    expect(h.wire.sends('/v1/me')).toHaveLength(3);
  });

  it('fails with server_error after a bounded number of attempts when 5xx persists', async () => {
    const h = await startHarness({ users: 1 }, { maxTransientRetries: 4 });
    const session = await h.session(seededUser(h.fake));
    await h.fake.control.injectFault({ kind: 'server_error' });

    await expect(getProfile(session)).rejects.toMatchObject({
      code: 'server_error',
      status: 500,
      attempts: 5,
    });
    expect(h.wire.sends('/v1/me')).toHaveLength(5);
  });

  it('retries a dropped connection on an API request', async () => {
    const h = await startHarness({ users: 1 });
    const session = await h.session(seededUser(h.fake));
    await h.fake.control.injectFault({ kind: 'drop_connection', count: 1, pathPrefix: '/v1/' });

    await expect(getProfile(session)).resolves.toBeDefined();
    expect(h.wire.events.filter((e) => e.kind === 'failure')).toHaveLength(1);
    expect(h.wire.sends('/v1/me')).toHaveLength(2);
  });

  it('retries malformed JSON, then fails with malformed_response if it persists', async () => {
    const h = await startHarness({ users: 1 }, { maxTransientRetries: 2 });
    const session = await h.session(seededUser(h.fake));
    await h.fake.control.injectFault({ kind: 'malformed_json', count: 1 });
    await expect(getSavedTracksPage(session, { offset: 0 })).resolves.toMatchObject({ offset: 0 });
    expect(h.wire.sends('/v1/me/tracks')).toHaveLength(2);

    await h.fake.control.injectFault({ kind: 'malformed_json' });
    await expect(getSavedTracksPage(session, { offset: 0 })).rejects.toMatchObject({
      code: 'malformed_response',
      attempts: 3,
    });
    expect(h.wire.sends('/v1/me/tracks')).toHaveLength(5);
  });

  it('times out a slow answer and fails with network_error after bounded attempts', async () => {
    const h = await startHarness({ users: 1 }, { requestTimeoutMs: 100, maxTransientRetries: 1 });
    const session = await h.session(seededUser(h.fake));
    await h.fake.control.setLatency(400);

    await expect(getProfile(session)).rejects.toMatchObject({ code: 'network_error', attempts: 2 });
    expect(h.wire.sends('/v1/me')).toHaveLength(2);
  });

  it('drops a cancelled request from the queue unsent, and aborts one on the wire without a retry', async () => {
    const h = await startHarness({ users: 1, tracks: 200, latencyMs: 150 }, { concurrency: 1 });
    const session = await h.session(seededUser(h.fake));
    const page = (offset: number, signal?: AbortSignal) =>
      getSavedTracksPage(session, { offset, ...(signal === undefined ? {} : { signal }) });
    const onWire = new AbortController();
    const queued = new AbortController();

    const first = page(0, onWire.signal);
    const second = page(50, queued.signal);
    const third = page(100);
    // The one slot holds the first request; the second waits behind it.
    await until(() => h.wire.sends('/v1/me/tracks').length === 1);
    queued.abort(new Error('second no longer wanted'));
    onWire.abort(new Error('first no longer wanted'));

    await expect(first).rejects.toThrow('first no longer wanted');
    await expect(second).rejects.toThrow('second no longer wanted');
    await expect(third).resolves.toMatchObject({ offset: 100 });
    // The first was sent once, cut off on the wire (no answer awaited) and not retried; the
    // second never sent; the slot went on to the third.
    expect(h.wire.sends('/v1/me/tracks').map((send) => send.query)).toEqual([
      '?limit=50&offset=0',
      '?limit=50&offset=100',
    ]);
    const endOfFirst = h.wire.events.find(
      (event) => event.kind !== 'send' && event.query === '?limit=50&offset=0',
    );
    expect(endOfFirst?.kind).toBe('failure');
    expect(h.scheduler.stats).toMatchObject({ inFlight: 0, outstanding: 0 });
    expect(h.scheduler.state).toEqual({ kind: 'idle' });
  });

  it('ends a cancelled request waiting out a Retry-After at once, and never sends it', async () => {
    const h = await startHarness({ users: 1 });
    const session = await h.session(seededUser(h.fake));
    await h.fake.control.injectFault({ kind: 'rate_limit', retryAfterSeconds: 1, count: 1 });
    const controller = new AbortController();

    const waiting = getSavedTracksPage(session, { offset: 0, signal: controller.signal });
    await until(() => h.scheduler.state.kind === 'rate_limited');
    const cancelledAt = Date.now();
    controller.abort(new Error('account removed'));

    await expect(waiting).rejects.toThrow('account removed');
    expect(Date.now() - cancelledAt).toBeLessThan(500);
    // Past the Retry-After: it was not sent again.
    await new Promise((resolve) => setTimeout(resolve, 1_300));
    expect(h.wire.sends('/v1/me/tracks')).toHaveLength(1);
    expect(h.scheduler.stats).toMatchObject({ inFlight: 0, outstanding: 0 });
  });

  it('refuses a request whose signal is already aborted without queueing it', async () => {
    const h = await startHarness({ users: 1 });
    const session = await h.session(seededUser(h.fake));
    const signal = AbortSignal.abort(new Error('too late'));

    await expect(getSavedTracksPage(session, { offset: 0, signal })).rejects.toThrow('too late');
    expect(h.wire.sends('/v1/')).toHaveLength(0);
    expect(h.scheduler.stats.outstanding).toBe(0);
  });

  it('reports busy while working and idle afterwards', async () => {
    const h = await startHarness({ users: 1 });
    const session = await h.session(seededUser(h.fake));
    expect(h.scheduler.state).toEqual({ kind: 'idle' });

    await getProfile(session);

    expect(h.states).toEqual([{ kind: 'busy' }, { kind: 'idle' }]);
    expect(h.scheduler.pausedUntil).toBeNull();
  });

  it('refuses a concurrency that is not a positive whole number with a typed error', () => {
    for (const concurrency of [0, -1, 1.5, Number.NaN]) {
      expect(() => new RequestScheduler({ concurrency })).toThrow(
        expect.objectContaining({ code: 'invalid_scheduler_option' }),
      );
    }
    expect(() => new RequestScheduler({ concurrency: 0 })).toThrow(AppError);
  });
});

/** Polls `condition` every 5 ms until it holds (the test's own timeout bounds the wait). */
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
}
