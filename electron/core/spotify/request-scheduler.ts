// The one gate every Web API request of every account goes through. Spotify's rate limit and quota
// belong to the app (the Client ID), not to an account, so one scheduler serves them all: it bounds
// concurrency, pauses everything on 429 until Retry-After has passed, stops everything for a long
// time on QUOTA_EXCEEDED, and retries transient failures (5xx, dropped connections, timeouts,
// unreadable JSON) with jittered backoff a bounded number of times. It knows HTTP, not accounts:
// callers supply headers (the session adds Authorization) and handle the 4xx it hands back.
//
// Long pauses (quota exceeded, or a Retry-After longer than `maxRateLimitWaitMs`) fail the waiting
// requests and every new one with a typed error carrying `resumesAt`, instead of holding them for
// an hour: the UI can say when things resume, and nothing hangs.

import PQueue from 'p-queue';
import { AppError } from '../errors/app-error.js';
import { systemClock, type Clock } from '../clock.js';
import { backoffDelayMs, type BackoffOptions } from './backoff.js';
import { isQuotaExceeded } from './quota-exceeded.js';
import { parseRetryAfterMs } from './retry-after.js';
import { SpotifyApiError, type SpotifyApiErrorCode } from './spotify-api-errors.js';
import { TypedEmitter, type Unsubscribe } from './typed-emitter.js';

export type SchedulerState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'busy' }
  | { readonly kind: 'rate_limited'; readonly until: number }
  | { readonly kind: 'quota_exceeded'; readonly until: number };

export interface ScheduledRequest {
  readonly url: string;
  readonly method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** A JSON body, already serialised. */
  readonly body?: string;
  /**
   * Called in the request's slot right before every send (retries included), so it can wait for
   * a token refresh in flight and always hand out the current token.
   */
  readonly headers?: () => Promise<Readonly<Record<string, string>>>;
  /**
   * Cancels the request: taken out of the queue if it has not been sent, its send aborted if it
   * is on the wire, no retry after. The request then rejects with the signal's reason.
   */
  readonly signal?: AbortSignal;
}

/** 2xx with its parsed JSON (null when empty), or a 4xx other than 429 for the caller to map. */
export type ScheduledResponse =
  | { readonly ok: true; readonly status: number; readonly body: unknown }
  | { readonly ok: false; readonly status: number; readonly text: string };

export type SchedulerOptionErrorCode = 'invalid_scheduler_option';

export interface RequestSchedulerOptions {
  /** Requests on the wire at once, across all accounts. Default 6. */
  readonly concurrency?: number;
  readonly fetch?: typeof fetch;
  readonly clock?: Clock;
  /** In [0, 1); jitter source. */
  readonly random?: () => number;
  /** Per attempt, from send to the last byte of the body. Default 15 s. */
  readonly requestTimeoutMs?: number;
  /** Retries after 5xx, network errors, timeouts and unreadable JSON. Default 4. */
  readonly maxTransientRetries?: number;
  /** Retries after ordinary 429s. Default 10. */
  readonly maxRateLimitRetries?: number;
  /** Backoff for transient failures and for 429s without Retry-After. Default 500 ms … 30 s. */
  readonly backoff?: Partial<BackoffOptions>;
  /** A Retry-After longer than this is a long pause (fail fast) rather than a wait. Default 2 min. */
  readonly maxRateLimitWaitMs?: number;
  /** Pause after QUOTA_EXCEEDED without Retry-After. Default 1 hour. */
  readonly quotaPauseMs?: number;
}

interface LongPause {
  readonly code: 'quota_exceeded' | 'rate_limited';
  readonly until: number;
}

interface TransientFailure {
  readonly code: Extract<
    SpotifyApiErrorCode,
    'server_error' | 'network_error' | 'malformed_response'
  >;
  readonly message: string;
  readonly status?: number;
  readonly cause?: unknown;
}

export class RequestScheduler {
  readonly #queue: PQueue;
  readonly #fetch: typeof fetch;
  readonly #clock: Clock;
  readonly #random: () => number;
  readonly #requestTimeoutMs: number;
  readonly #maxTransientRetries: number;
  readonly #maxRateLimitRetries: number;
  readonly #backoff: BackoffOptions;
  readonly #maxRateLimitWaitMs: number;
  readonly #quotaPauseMs: number;
  readonly #states = new TypedEmitter<SchedulerState>();

  #pausedUntil = 0;
  #longPause: LongPause | null = null;
  // Aborted to wake every sleeping request when a long pause begins, so they fail now.
  #wake = new AbortController();
  #stateTimer: NodeJS.Timeout | null = null;
  #lastState: SchedulerState = { kind: 'idle' };
  #outstanding = 0;
  #inFlight = 0;
  #maxInFlight = 0;

  constructor(options: RequestSchedulerOptions = {}) {
    const concurrency = options.concurrency ?? 6;
    if (!Number.isInteger(concurrency) || concurrency < 1) {
      throw new AppError<SchedulerOptionErrorCode>(
        'invalid_scheduler_option',
        `The request concurrency must be a whole number of at least 1, got ${String(concurrency)}.`,
      );
    }
    this.#queue = new PQueue({ concurrency });
    this.#fetch = options.fetch ?? fetch;
    this.#clock = options.clock ?? systemClock;
    this.#random = options.random ?? Math.random;
    this.#requestTimeoutMs = options.requestTimeoutMs ?? 15_000;
    this.#maxTransientRetries = options.maxTransientRetries ?? 4;
    this.#maxRateLimitRetries = options.maxRateLimitRetries ?? 10;
    this.#backoff = { baseMs: 500, maxMs: 30_000, ...options.backoff };
    this.#maxRateLimitWaitMs = options.maxRateLimitWaitMs ?? 120_000;
    this.#quotaPauseMs = options.quotaPauseMs ?? 3_600_000;
  }

  /** Sends one request when a slot is free and no pause is on; resolves with its final answer. */
  async request(request: ScheduledRequest): Promise<ScheduledResponse> {
    const { signal } = request;
    signal?.throwIfAborted();
    this.#outstanding += 1;
    this.#refreshState();
    try {
      this.#throwIfLongPause();
      return await this.#queue.add(
        () => this.#sendWithRetries(request),
        signal === undefined ? {} : { signal },
      );
    } finally {
      this.#outstanding -= 1;
      this.#refreshState();
    }
  }

  get state(): SchedulerState {
    return this.#computeState();
  }

  /** When requests will flow again, or null when nothing is paused. */
  get pausedUntil(): number | null {
    const until = Math.max(this.#pausedUntil, this.#longPause?.until ?? 0);
    return until > this.#clock.now() ? until : null;
  }

  /** For tests and diagnostics: requests on the wire now, and the most there ever were at once. */
  get stats(): {
    readonly inFlight: number;
    readonly maxInFlight: number;
    readonly outstanding: number;
  } {
    return {
      inFlight: this.#inFlight,
      maxInFlight: this.#maxInFlight,
      outstanding: this.#outstanding,
    };
  }

  onStateChange(listener: (state: SchedulerState) => void): Unsubscribe {
    return this.#states.subscribe(listener);
  }

  async #sendWithRetries(request: ScheduledRequest): Promise<ScheduledResponse> {
    let transientRetries = 0;
    let rateLimitRetries = 0;
    const { signal } = request;
    for (;;) {
      await this.#waitWhilePaused(signal);
      const headers = request.headers ? await request.headers() : {};
      signal?.throwIfAborted();
      // A pause may have begun while the headers were prepared (e.g. during a token refresh).
      if (this.#isPaused()) continue;

      const outcome = await this.#sendOnce(request, headers);
      if (outcome.kind === 'done') return outcome.response;

      if (outcome.kind === 'rate_limited') {
        rateLimitRetries += 1;
        this.#handleRateLimit(outcome.retryAfterMs, outcome.quota, rateLimitRetries);
        if (rateLimitRetries > this.#maxRateLimitRetries) {
          throw new SpotifyApiError(
            'rate_limited',
            `Spotify kept answering "too many requests" after ${rateLimitRetries} attempts.`,
            { status: 429, attempts: rateLimitRetries, ...retryAfterDetail(outcome.retryAfterMs) },
          );
        }
        continue;
      }

      transientRetries += 1;
      if (transientRetries > this.#maxTransientRetries) {
        const { code, message, status, cause } = outcome.failure;
        throw new SpotifyApiError(
          code,
          `${message} (gave up after ${transientRetries} attempts).`,
          {
            attempts: transientRetries,
            ...(status === undefined ? {} : { status }),
            cause,
          },
        );
      }
      await this.#sleep(backoffDelayMs(transientRetries, this.#backoff, this.#random), signal);
      signal?.throwIfAborted();
    }
  }

  async #sendOnce(
    request: ScheduledRequest,
    headers: Readonly<Record<string, string>>,
  ): Promise<
    | { kind: 'done'; response: ScheduledResponse }
    | { kind: 'rate_limited'; retryAfterMs: number | null; quota: boolean }
    | { kind: 'transient'; failure: TransientFailure }
  > {
    this.#inFlight += 1;
    this.#maxInFlight = Math.max(this.#maxInFlight, this.#inFlight);
    try {
      const cancel = request.signal;
      const timeout = AbortSignal.timeout(this.#requestTimeoutMs);
      const signal = cancel === undefined ? timeout : AbortSignal.any([timeout, cancel]);
      let response: Response;
      try {
        response = await this.#fetch(request.url, {
          method: request.method ?? 'GET',
          headers: {
            accept: 'application/json',
            ...(request.body === undefined ? {} : { 'content-type': 'application/json' }),
            ...headers,
          },
          ...(request.body === undefined ? {} : { body: request.body }),
          signal,
        });
      } catch (error) {
        cancel?.throwIfAborted();
        return { kind: 'transient', failure: networkFailure(error) };
      }

      if (response.status === 429) {
        const retryAfterMs = parseRetryAfterMs(
          response.headers.get('retry-after'),
          this.#clock.now(),
        );
        // Stop the other slots at once, before the body is read; refined by #handleRateLimit.
        this.#pauseUntil(this.#clock.now() + (retryAfterMs ?? this.#backoff.baseMs));
        const text = await response.text().catch(() => '');
        return { kind: 'rate_limited', retryAfterMs, quota: isQuotaExceeded(text) };
      }

      let text: string;
      try {
        text = await response.text();
      } catch (error) {
        cancel?.throwIfAborted();
        return { kind: 'transient', failure: networkFailure(error) };
      }

      if (response.status >= 500) {
        return {
          kind: 'transient',
          failure: {
            code: 'server_error',
            message: `Spotify had a server error (HTTP ${response.status})`,
            status: response.status,
          },
        };
      }
      if (response.status >= 400) {
        return { kind: 'done', response: { ok: false, status: response.status, text } };
      }
      if (text.trim() === '') {
        return { kind: 'done', response: { ok: true, status: response.status, body: null } };
      }
      try {
        return {
          kind: 'done',
          response: { ok: true, status: response.status, body: JSON.parse(text) as unknown },
        };
      } catch (error) {
        return {
          kind: 'transient',
          failure: {
            code: 'malformed_response',
            message: 'Spotify sent a response that is not valid JSON',
            status: response.status,
            cause: error,
          },
        };
      }
    } finally {
      this.#inFlight -= 1;
    }
  }

  #handleRateLimit(retryAfterMs: number | null, quota: boolean, retry: number): void {
    const now = this.#clock.now();
    if (quota) {
      this.#beginLongPause('quota_exceeded', now + (retryAfterMs ?? this.#quotaPauseMs));
      this.#throwIfLongPause();
    }
    const waitMs = retryAfterMs ?? backoffDelayMs(retry, this.#backoff, this.#random);
    if (waitMs > this.#maxRateLimitWaitMs) {
      this.#beginLongPause('rate_limited', now + waitMs);
      this.#throwIfLongPause();
    }
    this.#pauseUntil(now + waitMs);
  }

  #pauseUntil(until: number): void {
    if (until <= this.#pausedUntil) return;
    this.#pausedUntil = until;
    this.#refreshState();
  }

  #beginLongPause(code: LongPause['code'], until: number): void {
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
    this.#refreshState();
  }

  #throwIfLongPause(): void {
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

  #isPaused(): boolean {
    const now = this.#clock.now();
    return now < this.#pausedUntil || (this.#longPause !== null && now < this.#longPause.until);
  }

  async #waitWhilePaused(signal: AbortSignal | undefined): Promise<void> {
    for (;;) {
      signal?.throwIfAborted();
      this.#throwIfLongPause();
      const waitMs = this.#pausedUntil - this.#clock.now();
      if (waitMs <= 0) return;
      await this.#sleep(waitMs, signal);
    }
  }

  /**
   * Sleeps, but wakes early when a long pause begins so the caller can fail at once, or when the
   * request is cancelled (the caller looks at its signal after).
   */
  #sleep(ms: number, cancel: AbortSignal | undefined): Promise<void> {
    const wakers = cancel === undefined ? [this.#wake.signal] : [this.#wake.signal, cancel];
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        for (const waker of wakers) waker.removeEventListener('abort', done);
        resolve();
      }
      for (const waker of wakers) {
        if (waker.aborted) {
          done();
          return;
        }
        waker.addEventListener('abort', done, { once: true });
      }
    });
  }

  #computeState(): SchedulerState {
    const now = this.#clock.now();
    const pause = this.#longPause;
    if (pause !== null && now < pause.until) return { kind: pause.code, until: pause.until };
    if (now < this.#pausedUntil) return { kind: 'rate_limited', until: this.#pausedUntil };
    return this.#outstanding > 0 ? { kind: 'busy' } : { kind: 'idle' };
  }

  #refreshState(): void {
    const state = this.#computeState();
    const last = this.#lastState;
    const same =
      state.kind === last.kind &&
      ('until' in state ? state.until : 0) === ('until' in last ? last.until : 0);
    if (!same) {
      this.#lastState = state;
      this.#states.emit(state);
    }
    this.#scheduleStateCheck();
  }

  // Pauses end by the clock, not by an event: look again when the current one is over.
  #scheduleStateCheck(): void {
    const state = this.#lastState;
    if (this.#stateTimer !== null) clearTimeout(this.#stateTimer);
    this.#stateTimer = null;
    if (!('until' in state)) return;
    this.#stateTimer = setTimeout(
      () => {
        this.#stateTimer = null;
        this.#refreshState();
      },
      Math.max(0, state.until - this.#clock.now()) + 1,
    );
    this.#stateTimer.unref();
  }
}

function networkFailure(error: unknown): TransientFailure {
  const timedOut = error instanceof Error && error.name === 'TimeoutError';
  return {
    code: 'network_error',
    message: timedOut ? 'Spotify did not answer in time' : 'Could not reach Spotify',
    cause: error,
  };
}

function retryAfterDetail(retryAfterMs: number | null): { retryAfterMs?: number } {
  return retryAfterMs === null ? {} : { retryAfterMs };
}
