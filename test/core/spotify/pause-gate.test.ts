import { describe, expect, it } from 'vitest';
import { systemClock, type Clock } from '../../../electron/core/clock.js';
import { PauseGate } from '../../../electron/core/spotify/pause-gate.js';
import { SpotifyApiError } from '../../../electron/core/spotify/spotify-api-errors.js';

/** A clock the test moves by hand, for what the gate decides rather than how long it waits. */
function manualClock(start = 1_000_000): Clock & { now(): number; set(ms: number): void } {
  let now = start;
  return { now: () => now, set: (ms) => (now = ms) };
}

describe('PauseGate', () => {
  it('lets requests through at once when nothing is paused', async () => {
    const gate = new PauseGate(systemClock);
    const started = Date.now();
    await gate.waitWhilePaused(undefined);
    expect(Date.now() - started).toBeLessThan(20);
    expect(gate.current).toBeNull();
    expect(gate.pausedUntil).toBeNull();
    expect(gate.isPaused()).toBe(false);
  });

  it('holds a waiting request until a short pause has passed', async () => {
    const gate = new PauseGate(systemClock);
    const until = Date.now() + 80;
    gate.pauseUntil(until);
    expect(gate.current).toEqual({ kind: 'rate_limited', until });
    expect(gate.isPaused()).toBe(true);

    await gate.waitWhilePaused(undefined);

    expect(Date.now()).toBeGreaterThanOrEqual(until);
    expect(gate.isPaused()).toBe(false);
  });

  it('keeps the longer of two short pauses and says so only when it grows', () => {
    const clock = manualClock();
    const gate = new PauseGate(clock);
    let changes = 0;
    gate.onDidChange(() => (changes += 1));

    gate.pauseUntil(clock.now() + 5_000);
    gate.pauseUntil(clock.now() + 1_000);
    expect(gate.pausedUntil).toBe(clock.now() + 5_000);
    expect(changes).toBe(1);
    gate.pauseUntil(clock.now() + 6_000);
    expect(gate.pausedUntil).toBe(clock.now() + 6_000);
    expect(changes).toBe(2);
  });

  it('fails every request during a quota pause with the time requests resume', () => {
    const clock = manualClock();
    const gate = new PauseGate(clock);
    const until = clock.now() + 3_600_000;
    gate.beginLongPause('quota_exceeded', until);

    let error: unknown;
    try {
      gate.throwIfLongPause();
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(SpotifyApiError);
    expect(error).toMatchObject({ code: 'quota_exceeded', status: 429, resumesAt: until });
    expect(gate.current).toEqual({ kind: 'quota_exceeded', until });

    clock.set(until);
    expect(() => gate.throwIfLongPause()).not.toThrow();
    expect(gate.current).toBeNull();
  });

  it('tells a long rate-limit pause by how long is left', () => {
    const clock = manualClock();
    const gate = new PauseGate(clock);
    gate.beginLongPause('rate_limited', clock.now() + 30_000);
    clock.set(clock.now() + 10_000);
    expect(() => gate.throwIfLongPause()).toThrow(
      expect.objectContaining({ code: 'rate_limited', retryAfterMs: 20_000 }),
    );
  });

  it('lets a quota pause outrank a long rate-limit pause, and a later pause of one kind win', () => {
    const clock = manualClock();
    const gate = new PauseGate(clock);
    const start = clock.now();

    gate.beginLongPause('quota_exceeded', start + 60_000);
    gate.beginLongPause('rate_limited', start + 120_000);
    expect(gate.current).toEqual({ kind: 'quota_exceeded', until: start + 60_000 });

    gate.beginLongPause('quota_exceeded', start + 30_000);
    expect(gate.current).toEqual({ kind: 'quota_exceeded', until: start + 60_000 });
    gate.beginLongPause('quota_exceeded', start + 90_000);
    expect(gate.current).toEqual({ kind: 'quota_exceeded', until: start + 90_000 });

    // Once the quota pause is over, a rate-limit pause takes its place.
    clock.set(start + 90_000);
    gate.beginLongPause('rate_limited', start + 100_000);
    expect(gate.current).toEqual({ kind: 'rate_limited', until: start + 100_000 });
  });

  it('reports the long pause over a short one, and resumes at the later of the two', () => {
    const clock = manualClock();
    const gate = new PauseGate(clock);
    const start = clock.now();
    gate.pauseUntil(start + 90_000);
    gate.beginLongPause('quota_exceeded', start + 60_000);

    expect(gate.current).toEqual({ kind: 'quota_exceeded', until: start + 60_000 });
    expect(gate.pausedUntil).toBe(start + 90_000);
    clock.set(start + 60_000);
    expect(gate.current).toEqual({ kind: 'rate_limited', until: start + 90_000 });
  });

  it('fails a request waiting out a short pause at once when a long pause begins', async () => {
    const gate = new PauseGate(systemClock);
    gate.pauseUntil(Date.now() + 5_000);
    const waiting = gate.waitWhilePaused(undefined);
    const began = Date.now();

    gate.beginLongPause('quota_exceeded', Date.now() + 3_600_000);

    await expect(waiting).rejects.toMatchObject({ code: 'quota_exceeded' });
    expect(Date.now() - began).toBeLessThan(500);
  });

  it('ends the wait of a cancelled request at once with the signal’s reason', async () => {
    const gate = new PauseGate(systemClock);
    gate.pauseUntil(Date.now() + 5_000);
    const controller = new AbortController();
    const waiting = gate.waitWhilePaused(controller.signal);
    const cancelledAt = Date.now();

    controller.abort(new Error('no longer wanted'));

    await expect(waiting).rejects.toThrow('no longer wanted');
    expect(Date.now() - cancelledAt).toBeLessThan(500);
  });

  it('wakes a sleep early, without failing it, when the request is cancelled', async () => {
    const gate = new PauseGate(systemClock);
    const controller = new AbortController();
    const sleeping = gate.sleep(5_000, controller.signal);
    const cancelledAt = Date.now();

    controller.abort(new Error('no longer wanted'));

    await expect(sleeping).resolves.toBeUndefined();
    expect(Date.now() - cancelledAt).toBeLessThan(500);
  });

  it('says when a pause has ended by the clock', async () => {
    const gate = new PauseGate(systemClock);
    const ended = new Promise<void>((resolve) => {
      gate.onDidChange(() => {
        if (gate.current === null) resolve();
      });
    });
    gate.pauseUntil(Date.now() + 50);
    expect(gate.current).not.toBeNull();

    await ended;
    expect(gate.pausedUntil).toBeNull();
  });
});
