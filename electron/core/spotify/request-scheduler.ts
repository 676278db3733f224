// The one gate every Web API request of every account goes through. Spotify's rate limit and quota
// belong to the app (the Client ID), not to an account, so one scheduler serves them all. This
// module puts the parts together and reports the state: the queue bounds concurrency (p-queue),
// the retrying sender sends and retries one request (retrying-sender.ts), classify-response.ts
// reads each answer, and the pause gate holds or fails requests during a 429 pause
// (pause-gate.ts). It knows HTTP, not accounts: callers supply headers (the session adds
// Authorization) and handle the 4xx it hands back.

import PQueue from 'p-queue';
import { AppError } from '../errors/app-error.js';
import { systemClock, type Clock } from '../clock.js';
import { Emitter, type Event } from '../events/emitter.js';
import type { BackoffOptions } from './backoff.js';
import { PauseGate, type Pause } from './pause-gate.js';
import { RetryingSender } from './retrying-sender.js';
import type { ScheduledRequest, ScheduledResponse } from './scheduled-request.js';

export type { ScheduledRequest, ScheduledResponse } from './scheduled-request.js';

export type SchedulerState = { readonly kind: 'idle' } | { readonly kind: 'busy' } | Pause;

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

export class RequestScheduler {
  readonly #queue: PQueue;
  readonly #gate: PauseGate;
  readonly #sender: RetryingSender;
  readonly #states = new Emitter<SchedulerState>();
  #lastState: SchedulerState = { kind: 'idle' };
  #outstanding = 0;

  constructor(options: RequestSchedulerOptions = {}) {
    const concurrency = options.concurrency ?? 6;
    if (!Number.isInteger(concurrency) || concurrency < 1) {
      throw new AppError<SchedulerOptionErrorCode>(
        'invalid_scheduler_option',
        `The request concurrency must be a whole number of at least 1, got ${String(concurrency)}.`,
      );
    }
    const clock = options.clock ?? systemClock;
    this.#queue = new PQueue({ concurrency });
    this.#gate = new PauseGate(clock);
    this.#gate.onDidChange(() => this.#refreshState());
    this.#sender = new RetryingSender({
      fetch: options.fetch ?? fetch,
      clock,
      random: options.random ?? Math.random,
      gate: this.#gate,
      policy: {
        requestTimeoutMs: options.requestTimeoutMs ?? 15_000,
        maxTransientRetries: options.maxTransientRetries ?? 4,
        maxRateLimitRetries: options.maxRateLimitRetries ?? 10,
        backoff: { baseMs: 500, maxMs: 30_000, ...options.backoff },
        maxRateLimitWaitMs: options.maxRateLimitWaitMs ?? 120_000,
        quotaPauseMs: options.quotaPauseMs ?? 3_600_000,
      },
    });
  }

  /** Sends one request when a slot is free and no pause is on; resolves with its final answer. */
  async request(request: ScheduledRequest): Promise<ScheduledResponse> {
    const { signal } = request;
    signal?.throwIfAborted();
    this.#outstanding += 1;
    this.#refreshState();
    try {
      this.#gate.throwIfLongPause();
      return await this.#queue.add(
        () => this.#sender.send(request),
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
    return this.#gate.pausedUntil;
  }

  /** For tests and diagnostics: requests on the wire now, and the most there ever were at once. */
  get stats(): {
    readonly inFlight: number;
    readonly maxInFlight: number;
    readonly outstanding: number;
  } {
    return {
      inFlight: this.#sender.inFlight,
      maxInFlight: this.#sender.maxInFlight,
      outstanding: this.#outstanding,
    };
  }

  /** The median time Spotify took to answer lately, in ms; null before any answer. */
  get typicalLatencyMs(): number | null {
    return this.#sender.typicalLatencyMs;
  }

  /** Hears every change of `state`. */
  get onDidChangeState(): Event<SchedulerState> {
    return this.#states.event;
  }

  #computeState(): SchedulerState {
    return this.#gate.current ?? (this.#outstanding > 0 ? { kind: 'busy' } : { kind: 'idle' });
  }

  #refreshState(): void {
    const state = this.#computeState();
    const last = this.#lastState;
    const same =
      state.kind === last.kind &&
      ('until' in state ? state.until : 0) === ('until' in last ? last.until : 0);
    if (same) return;
    this.#lastState = state;
    this.#states.fire(state);
  }
}
