// Sends one scheduled request until it has a final answer: waits out the pause gate, sends,
// classifies the answer, and on a 429 sets the pause every request waits on, on a transient
// failure (5xx, dropped connection, timeout, unreadable JSON) backs off with jitter, a bounded
// number of times each. It runs inside a queue slot; bounding concurrency is the scheduler's job.

import type { Clock } from '../clock.js';
import { backoffDelayMs, type BackoffOptions } from './backoff.js';
import {
  classifyResponse,
  networkFailure,
  retryAfterOf,
  type ResponseDecision,
} from './classify-response.js';
import type { PauseGate } from './pause-gate.js';
import type { ScheduledRequest, ScheduledResponse } from './scheduled-request.js';
import { SpotifyApiError } from './spotify-api-errors.js';

/** Answers the latency estimate is taken over. */
const latencySamples = 31;

export interface RetryPolicy {
  /** Per attempt, from send to the last byte of the body. */
  readonly requestTimeoutMs: number;
  /** Retries after 5xx, network errors, timeouts and unreadable JSON. */
  readonly maxTransientRetries: number;
  /** Retries after ordinary 429s. */
  readonly maxRateLimitRetries: number;
  /** Backoff for transient failures and for 429s without Retry-After. */
  readonly backoff: BackoffOptions;
  /** A Retry-After longer than this is a long pause (fail fast) rather than a wait. */
  readonly maxRateLimitWaitMs: number;
  /** Pause after QUOTA_EXCEEDED without Retry-After. */
  readonly quotaPauseMs: number;
}

export interface RetryingSenderOptions {
  readonly fetch: typeof fetch;
  readonly clock: Clock;
  /** In [0, 1); jitter source. */
  readonly random: () => number;
  readonly gate: PauseGate;
  readonly policy: RetryPolicy;
}

export class RetryingSender {
  readonly #fetch: typeof fetch;
  readonly #clock: Clock;
  readonly #random: () => number;
  readonly #gate: PauseGate;
  readonly #policy: RetryPolicy;
  #inFlight = 0;
  #maxInFlight = 0;
  // How long recent answers took, newest last: what a plan's time estimate is based on.
  readonly #latencies: number[] = [];

  constructor(options: RetryingSenderOptions) {
    this.#fetch = options.fetch;
    this.#clock = options.clock;
    this.#random = options.random;
    this.#gate = options.gate;
    this.#policy = options.policy;
  }

  /** Requests on the wire now, and the most there ever were at once. */
  get inFlight(): number {
    return this.#inFlight;
  }

  get maxInFlight(): number {
    return this.#maxInFlight;
  }

  /** The median time of the last answers, in ms; null before any answer. */
  get typicalLatencyMs(): number | null {
    if (this.#latencies.length === 0) return null;
    const sorted = [...this.#latencies].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)] ?? null;
  }

  async send(request: ScheduledRequest): Promise<ScheduledResponse> {
    const policy = this.#policy;
    let transientRetries = 0;
    let rateLimitRetries = 0;
    const { signal } = request;
    for (;;) {
      await this.#gate.waitWhilePaused(signal);
      const headers = request.headers ? await request.headers() : {};
      signal?.throwIfAborted();
      // A pause may have begun while the headers were prepared (e.g. during a token refresh).
      if (this.#gate.isPaused()) continue;

      const decision = await this.#sendOnce(request, headers);
      if (decision.kind === 'answer') return decision.response;

      if (decision.kind !== 'transient') {
        rateLimitRetries += 1;
        this.#pauseAfter429(decision, rateLimitRetries);
        if (rateLimitRetries > policy.maxRateLimitRetries) {
          const { retryAfterMs } = decision;
          throw new SpotifyApiError(
            'rate_limited',
            `Spotify kept answering "too many requests" after ${rateLimitRetries} attempts.`,
            {
              status: 429,
              attempts: rateLimitRetries,
              ...(retryAfterMs === null ? {} : { retryAfterMs }),
            },
          );
        }
        continue;
      }

      if (request.unsafeToRepeat === true) {
        const { message, status, cause } = decision.failure;
        throw new SpotifyApiError(
          'outcome_unknown',
          `${message}; the change may or may not have been made.`,
          { attempts: transientRetries + 1, ...(status === undefined ? {} : { status }), cause },
        );
      }
      transientRetries += 1;
      if (transientRetries > policy.maxTransientRetries) {
        const { code, message, status, cause } = decision.failure;
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
      await this.#gate.sleep(
        backoffDelayMs(transientRetries, policy.backoff, this.#random),
        signal,
      );
      signal?.throwIfAborted();
    }
  }

  async #sendOnce(
    request: ScheduledRequest,
    headers: Readonly<Record<string, string>>,
  ): Promise<ResponseDecision> {
    this.#inFlight += 1;
    this.#maxInFlight = Math.max(this.#maxInFlight, this.#inFlight);
    try {
      const cancel = request.signal;
      const timeout = AbortSignal.timeout(this.#policy.requestTimeoutMs);
      const signal = cancel === undefined ? timeout : AbortSignal.any([timeout, cancel]);
      let response: Response;
      const sentAt = this.#clock.now();
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

      const { status } = response;
      const receivedAt = this.#clock.now();
      this.#recordLatency(receivedAt - sentAt);
      let body: string;
      if (status === 429) {
        // Stop the other slots at once, before the body is read; refined by #pauseAfter429.
        const retryAfterMs = retryAfterOf(response.headers, receivedAt);
        this.#gate.pauseUntil(receivedAt + (retryAfterMs ?? this.#policy.backoff.baseMs));
        body = await response.text().catch(() => '');
      } else {
        try {
          body = await response.text();
        } catch (error) {
          cancel?.throwIfAborted();
          return { kind: 'transient', failure: networkFailure(error) };
        }
      }
      return classifyResponse({ status, headers: response.headers, body }, receivedAt);
    } finally {
      this.#inFlight -= 1;
    }
  }

  #recordLatency(ms: number): void {
    this.#latencies.push(Math.max(0, ms));
    if (this.#latencies.length > latencySamples) this.#latencies.shift();
  }

  #pauseAfter429(
    decision: Extract<ResponseDecision, { kind: 'rate_limited' | 'quota_exceeded' }>,
    retry: number,
  ): void {
    const { retryAfterMs } = decision;
    const policy = this.#policy;
    const now = this.#clock.now();
    if (decision.kind === 'quota_exceeded') {
      this.#gate.beginLongPause('quota_exceeded', now + (retryAfterMs ?? policy.quotaPauseMs));
      this.#gate.throwIfLongPause();
    }
    const waitMs = retryAfterMs ?? backoffDelayMs(retry, policy.backoff, this.#random);
    if (waitMs > policy.maxRateLimitWaitMs) {
      this.#gate.beginLongPause('rate_limited', now + waitMs);
      this.#gate.throwIfLongPause();
    }
    this.#gate.pauseUntil(now + waitMs);
  }
}
