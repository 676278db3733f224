// How long to wait before sending a request again. Exponential so a struggling server gets room,
// jittered so many waiting requests (and several accounts) do not come back in lockstep.

export interface BackoffOptions {
  /** Wait before the first retry, before jitter. */
  readonly baseMs: number;
  /** Ceiling for any single wait, before jitter. */
  readonly maxMs: number;
}

/**
 * Delay before retry number `retry` (1 for the first retry). "Equal jitter": half the exponential
 * step is kept, half is random, so retries never collapse to zero wait yet still spread out.
 * `random` returns a number in [0, 1), like Math.random.
 */
export function backoffDelayMs(
  retry: number,
  options: BackoffOptions,
  random: () => number,
): number {
  const exponent = Math.max(0, retry - 1);
  const step = Math.min(options.maxMs, options.baseMs * 2 ** exponent);
  const half = step / 2;
  return Math.round(half + half * random());
}
