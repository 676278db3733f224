// Typed failures of Spotify's token endpoint, for both the code exchange and refreshes. Callers
// branch on `code` (the OAuth `error` value or a transport class), never on message text.
import { AppError } from '../errors/app-error.js';

export type OAuthErrorCode =
  | 'invalid_grant'
  | 'invalid_client'
  | 'invalid_request'
  | 'invalid_scope'
  | 'unauthorized_client'
  | 'unsupported_grant_type';

export type TokenErrorCode =
  | OAuthErrorCode
  /** HTTP 429: back off; `retryAfterSeconds` says how long when Spotify said so. */
  | 'rate_limited'
  /** HTTP 5xx: transient on Spotify's side. */
  | 'server_error'
  /** No answer: connection refused or dropped, or the request timed out. */
  | 'network_error'
  /** An answer the app cannot read: not JSON, missing fields, unknown error value, a redirect. */
  | 'malformed_response';

export const OAUTH_ERROR_CODES: readonly OAuthErrorCode[] = Object.freeze([
  'invalid_grant',
  'invalid_client',
  'invalid_request',
  'invalid_scope',
  'unauthorized_client',
  'unsupported_grant_type',
]);

export class TokenEndpointError extends AppError<TokenErrorCode> {
  /** HTTP status of the answer, when there was one. */
  readonly status: number | undefined;
  /** Seconds from Retry-After on a 429, when present and valid. */
  readonly retryAfterSeconds: number | undefined;

  constructor(
    code: TokenErrorCode,
    message: string,
    details: { status?: number; retryAfterSeconds?: number; cause?: unknown } = {},
  ) {
    super(code, message, details.cause === undefined ? undefined : { cause: details.cause });
    this.status = details.status;
    this.retryAfterSeconds = details.retryAfterSeconds;
  }
}
