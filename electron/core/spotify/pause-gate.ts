// The app-wide pause every request waits on before it is sent. A short pause (a Retry-After, the
// backoff after a 429) holds requests until it has passed. A long pause (quota used up, or a
// Retry-After too long to wait) fails the waiting requests and every new one at once with a typed
// error carrying `resumesAt`, instead of holding them for an hour: the UI can say when things
// resume, and nothing hangs. It knows time and pauses, not HTTP: the retry loop decides which
// pause an answer calls for.

import { setTimeout as delay } from 'node:timers/promises';
import type { Clock } from '../clock.js';
import { Emitter } from '../events/emitter.js';
import { SpotifyApiError } from './spotify-api-errors.js';

/** The pause in force: a long one if any, else the short one. */
export type Pause =
  | { readonly kind: 'rate_limited'; readonly until: number }
  | { readonly kind: 'quota_exceeded'; readonly until: number };

interface LongPause {
  readonly code: Pause['kind'];
  readonly until: number;
}

export class PauseGate {
  readonly #clock: Clock;
  readonly #changed = new Emitter<void>();
  /** A pause began or grew, or one ended by the clock: `current` may now say otherwise. */
  readonly onDidChange = this.#changed.event;

  #pausedUntil = 0;
  #longPause: LongPause | null = null;
  // Aborted to wake every sleeping request when a long pause begins, so they fail now.
  #wake = new AbortController();
  #endTimer: NodeJS.Timeout | null = null;

  constructor(clock: Clock) {
    this.#clock = clock;
  }

  get current(): Pause | null {
    const now = this.#clock.now();
    const pause = this.#longPause;
    if (pause !== null && now < pause.until) return { kind: pause.code, until: pause.until };
    if (now < this.#pausedUntil) return { kind: 'rate_limited', until: this.#pausedUntil };
    return null;
  }

  /** When requests will flow again, or null when nothing is paused. */
  get pausedUntil(): number | null {
    const until = Math.max(this.#pausedUntil, this.#longPause?.until ?? 0);
    return until > this.#clock.now() ? until : null;
  }

  /** Holds requests until `until` (epoch ms); a shorter pause than the one on changes nothing. */
  pauseUntil(until: number): void {
    if (until <= this.#pausedUntil) return;
    this.#pausedUntil = until;
    this.#changedNow();
  }

  /** Fails every request, waiting or new, until `until`. */
  beginLongPause(code: LongPause['code'], until: number): void {
    // A quota pause outranks a long rate-limit pause; otherwise the later one wins.
    const current = this.#longPause;
    const keepCurrent =
      current !== null &&
      current.until > this.#clock.now() &&
      ((current.code === 'quota_exceeded' && code === 'rate_limited') ||
        (current.code === code && current.until >= until));
    if (!keepCurrent) this.#longPause = { code, until };
    this.#wake.abort();
    this.#wake = new AbortController();
    this.#changedNow();
  }

  throwIfLongPause(): void {
    const pause = this.#longPause;
    if (pause === null || pause.until <= this.#clock.now()) return;
    const resumesAt = pause.until;
    const when = new Date(resumesAt).toISOString();
    throw pause.code === 'quota_exceeded'
      ? new SpotifyApiError(
          'quota_exceeded',
          `Your Spotify app's request quota is used up; requests resume at ${when}.`,
          { status: 429, resumesAt },
        )
      : new SpotifyApiError(
          'rate_limited',
          `Spotify asked the app to pause all requests; they resume at ${when}.`,
          { status: 429, resumesAt, retryAfterMs: resumesAt - this.#clock.now() },
        );
  }

  isPaused(): boolean {
    return this.current !== null;
  }

  /** Returns when no pause is on; throws during a long pause, or the signal's reason. */
  async waitWhilePaused(signal: AbortSignal | undefined): Promise<void> {
    for (;;) {
      signal?.throwIfAborted();
      this.throwIfLongPause();
      const waitMs = this.#pausedUntil - this.#clock.now();
      if (waitMs <= 0) return;
      await this.sleep(waitMs, signal);
    }
  }

  /**
   * Sleeps, but wakes early when a long pause begins so the caller can fail at once, or when the
   * request is cancelled (the caller looks at its signal after).
   */
  async sleep(ms: number, cancel: AbortSignal | undefined): Promise<void> {
    const wake = this.#wake.signal;
    const signal = cancel === undefined ? wake : AbortSignal.any([wake, cancel]);
    try {
      await delay(ms, undefined, { signal });
    } catch (error) {
      if (!signal.aborted) throw error;
    }
  }

  #changedNow(): void {
    this.#changed.fire();
    this.#scheduleEndCheck();
  }

  // Pauses end by the clock, not by an event: look again when the current one is over.
  #scheduleEndCheck(): void {
    if (this.#endTimer !== null) clearTimeout(this.#endTimer);
    this.#endTimer = null;
    const pause = this.current;
    if (pause === null) return;
    this.#endTimer = setTimeout(
      () => {
        this.#endTimer = null;
        this.#changedNow();
      },
      Math.max(0, pause.until - this.#clock.now()) + 1,
    );
    this.#endTimer.unref();
  }
}
