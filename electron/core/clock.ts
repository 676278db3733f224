// Time as a dependency, so expiry, backoff and "expires in N days" can be tested without waiting.

export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };
