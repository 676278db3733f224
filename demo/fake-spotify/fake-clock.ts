// The fake's notion of now: real time plus an offset the control API can push forward, so codes,
// access tokens and 6-month grants can expire in a test without waiting.
import type { Clock } from '../../electron/core/clock.js';

export class FakeClock implements Clock {
  private offsetMs = 0;

  now(): number {
    return Date.now() + this.offsetMs;
  }

  nowSeconds(): number {
    return Math.floor(this.now() / 1000);
  }

  advance(seconds: number): void {
    this.offsetMs += seconds * 1000;
  }
}
