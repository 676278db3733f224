// The typed errors of every Web API call: one class, one stable `code` per thing the UI explains
// differently. Built from HTTP statuses and OAuth codes, never from a token; messages are safe to
// log and show.

import { AppError } from '../errors/app-error.js';

export type SpotifyApiErrorCode =
  | 'unauthorized'
  | 'not_allowlisted'
  | 'premium_required'
  | 'forbidden'
  | 'rate_limited'
  | 'quota_exceeded'
  | 'server_error'
  | 'network_error'
  | 'malformed_response'
  | 'bad_request'
  | 'not_found'
  | 'needs_sign_in'
  /** A write got no usable answer: it may or may not have been applied (see unsafeToRepeat). */
  | 'outcome_unknown';

export interface SpotifyApiErrorDetails {
  /** HTTP status of the last response, when there was one. */
  readonly status?: number;
  /** How long Spotify asked us to wait, in milliseconds (429). */
  readonly retryAfterMs?: number;
  /** Epoch milliseconds when requests will be sent again (long pauses: quota, huge Retry-After). */
  readonly resumesAt?: number;
  /** How many times the request was sent before giving up. */
  readonly attempts?: number;
  readonly cause?: unknown;
}

export class SpotifyApiError extends AppError<SpotifyApiErrorCode> {
  readonly status: number | null;
  readonly retryAfterMs: number | null;
  readonly resumesAt: number | null;
  readonly attempts: number | null;

  constructor(code: SpotifyApiErrorCode, message: string, details: SpotifyApiErrorDetails = {}) {
    super(code, message, details.cause === undefined ? undefined : { cause: details.cause });
    this.status = details.status ?? null;
    this.retryAfterMs = details.retryAfterMs ?? null;
    this.resumesAt = details.resumesAt ?? null;
    this.attempts = details.attempts ?? null;
  }
}
