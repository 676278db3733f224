// What one HTTP answer from the Web API means for the request that got it: an answer for the
// caller, an ordinary rate limit, the app's quota used up, or a transient failure worth another
// try. Pure: it neither reads the clock nor touches the network; the sender reads the body and
// says when the answer arrived, and the retry loop decides what each verdict costs.

import { isQuotaExceeded } from './quota-exceeded.js';
import { parseRetryAfterMs } from './retry-after.js';
import type { ScheduledResponse } from './scheduled-request.js';
import type { SpotifyApiErrorCode } from './spotify-api-errors.js';

/** A failure that may pass if the request is sent again. */
export interface TransientFailure {
  readonly code: Extract<
    SpotifyApiErrorCode,
    'server_error' | 'network_error' | 'malformed_response'
  >;
  readonly message: string;
  readonly status?: number;
  readonly cause?: unknown;
}

export type ResponseDecision =
  /** Final: a 2xx with its JSON, or a refusal (4xx other than 429) for the caller to map. */
  | { readonly kind: 'answer'; readonly response: ScheduledResponse }
  /** An ordinary 429: wait `retryAfterMs`, or back off when Spotify did not say. */
  | { readonly kind: 'rate_limited'; readonly retryAfterMs: number | null }
  /** The app's quota is used up: a long pause, `retryAfterMs` long when Spotify said. */
  | { readonly kind: 'quota_exceeded'; readonly retryAfterMs: number | null }
  | { readonly kind: 'transient'; readonly failure: TransientFailure };

export interface HttpAnswer {
  readonly status: number;
  readonly headers: Pick<Headers, 'get'>;
  /** The body as text ('' when it could not be read after a 429). */
  readonly body: string;
}

/** `receivedAt` (epoch ms) is when the answer arrived, for a Retry-After given as a date. */
export function classifyResponse(answer: HttpAnswer, receivedAt: number): ResponseDecision {
  const { status, body } = answer;
  if (status === 429) {
    const retryAfterMs = retryAfterOf(answer.headers, receivedAt);
    return { kind: isQuotaExceeded(body) ? 'quota_exceeded' : 'rate_limited', retryAfterMs };
  }
  if (status >= 500) {
    return {
      kind: 'transient',
      failure: {
        code: 'server_error',
        message: `Spotify had a server error (HTTP ${status})`,
        status,
      },
    };
  }
  if (status >= 400) return { kind: 'answer', response: { ok: false, status, text: body } };
  if (body.trim() === '') return { kind: 'answer', response: { ok: true, status, body: null } };
  try {
    return { kind: 'answer', response: { ok: true, status, body: JSON.parse(body) as unknown } };
  } catch (error) {
    return {
      kind: 'transient',
      failure: {
        code: 'malformed_response',
        message: 'Spotify sent a response that is not valid JSON',
        status,
        cause: error,
      },
    };
  }
}

/** The wait a 429 asks for, in ms, or null when its Retry-After is absent or unreadable. */
export function retryAfterOf(headers: Pick<Headers, 'get'>, receivedAt: number): number | null {
  return parseRetryAfterMs(headers.get('retry-after'), receivedAt);
}

/** A send that got no answer: the connection failed, or the attempt ran out of time. */
export function networkFailure(error: unknown): TransientFailure {
  const timedOut = error instanceof Error && error.name === 'TimeoutError';
  return {
    code: 'network_error',
    message: timedOut ? 'Spotify did not answer in time' : 'Could not reach Spotify',
    cause: error,
  };
}
