import { describe, expect, it } from 'vitest';
import { backoffDelayMs } from '../../../electron/core/spotify/backoff.js';
import { isQuotaExceeded } from '../../../electron/core/spotify/quota-exceeded.js';
import { parseRetryAfterMs } from '../../../electron/core/spotify/retry-after.js';

const options = { baseMs: 100, maxMs: 1_000 };

describe('backoffDelayMs', () => {
  it('doubles per retry and keeps at least half of each step', () => {
    expect(backoffDelayMs(1, options, () => 0)).toBe(50);
    expect(backoffDelayMs(1, options, () => 0.999999)).toBe(100);
    expect(backoffDelayMs(2, options, () => 0)).toBe(100);
    expect(backoffDelayMs(3, options, () => 0)).toBe(200);
    expect(backoffDelayMs(4, options, () => 0.5)).toBe(600);
  });

  it('never exceeds the ceiling however many retries', () => {
    for (let retry = 1; retry < 40; retry += 1) {
      expect(backoffDelayMs(retry, options, () => 0.999999)).toBeLessThanOrEqual(1_000);
    }
    expect(backoffDelayMs(30, options, () => 0)).toBe(500);
  });

  it('spreads equal retries apart through the jitter source', () => {
    const delays = [0, 0.25, 0.5, 0.75].map((r) => backoffDelayMs(3, options, () => r));
    expect(new Set(delays).size).toBe(4);
  });
});

describe('parseRetryAfterMs', () => {
  it('reads seconds, whole or fractional', () => {
    expect(parseRetryAfterMs('1', 0)).toBe(1_000);
    expect(parseRetryAfterMs(' 30 ', 0)).toBe(30_000);
    expect(parseRetryAfterMs('0.5', 0)).toBe(500);
  });

  it('reads an HTTP date relative to now, never negative', () => {
    const now = Date.parse('2026-11-26T08:00:00Z');
    expect(parseRetryAfterMs('Thu, 26 Nov 2026 08:00:10 GMT', now)).toBe(10_000);
    expect(parseRetryAfterMs('Thu, 26 Nov 2026 07:59:00 GMT', now)).toBe(0);
  });

  it('treats a missing or unreadable header as absent', () => {
    expect(parseRetryAfterMs(null, 0)).toBeNull();
    expect(parseRetryAfterMs('', 0)).toBeNull();
    expect(parseRetryAfterMs('soon', 0)).toBeNull();
    expect(parseRetryAfterMs('-5', 0)).toBeNull();
    expect(parseRetryAfterMs('1 2', 0)).toBeNull();
  });
});

describe('isQuotaExceeded', () => {
  it('recognises the reason at the top level or inside error', () => {
    expect(isQuotaExceeded('{"reason":"QUOTA_EXCEEDED"}')).toBe(true);
    expect(
      isQuotaExceeded('{"error":{"status":429,"message":"x","reason":"QUOTA_EXCEEDED"}}'),
    ).toBe(true);
  });

  it('does not mistake an ordinary 429 or a non-JSON body for it', () => {
    expect(isQuotaExceeded('{"error":{"status":429,"message":"API rate limit exceeded"}}')).toBe(
      false,
    );
    expect(isQuotaExceeded('QUOTA_EXCEEDED')).toBe(false);
    expect(isQuotaExceeded('')).toBe(false);
    expect(isQuotaExceeded('null')).toBe(false);
  });
});
