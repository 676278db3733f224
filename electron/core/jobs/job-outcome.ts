// What an error that stopped a job means for it: a pause it resumes from by itself (the quota or a
// long rate limit ends, Spotify is reachable again), a pause until an account signs in again, or
// a failure the person must read. Pure; the job service applies the verdict.
import { AppError } from '../errors/app-error.js';
import { SpotifyApiError } from '../spotify/spotify-api-errors.js';
import type { JobPause } from './job-record.js';

export type StopVerdict =
  | { readonly kind: 'pause'; readonly pause: JobPause }
  | { readonly kind: 'fail'; readonly error: { readonly code: string; readonly message: string } };

/** Thrown before a write by an account whose grant does not allow it. */
export class MissingScopeError extends AppError<'missing_scope'> {
  readonly accountId: string;

  constructor(accountId: string) {
    super('missing_scope', "This account's sign-in does not allow changing its library.");
    this.accountId = accountId;
  }
}

/** Offline: try again after this long. */
export const offlineRetryMs = 30_000;
/** A quota or rate-limit pause Spotify gave no end for. */
const unknownPauseMs = 60 * 60_000;

export function verdictFor(error: unknown, accountId: string, now: number): StopVerdict {
  if (error instanceof MissingScopeError) {
    return pause('missing_scope', error.accountId, null);
  }
  if (error instanceof SpotifyApiError) {
    switch (error.code) {
      case 'quota_exceeded':
        return pause('quota_exceeded', null, error.resumesAt ?? now + unknownPauseMs);
      case 'rate_limited':
        return pause(
          'rate_limited',
          null,
          error.resumesAt ?? now + (error.retryAfterMs ?? offlineRetryMs),
        );
      case 'needs_sign_in':
      case 'unauthorized':
        return pause('needs_sign_in', accountId, null);
      case 'forbidden':
        // Spotify's 403 for a grant without the scope a write needs.
        return pause('missing_scope', accountId, null);
      case 'network_error':
      case 'server_error':
      case 'malformed_response':
      case 'outcome_unknown':
        return pause('offline', null, now + offlineRetryMs);
      default:
        return fail(error.code, error.message);
    }
  }
  if (error instanceof AppError) {
    if (error.code === 'keychain_unavailable') return pause('needs_sign_in', accountId, null);
    return fail(error.code, error.message);
  }
  return fail('internal_error', 'The job stopped on an unexpected error; resume to try again.');
}

function pause(reason: JobPause['reason'], accountId: string | null, until: number | null) {
  return { kind: 'pause', pause: { reason, accountId, until } } as const;
}

function fail(code: string, message: string) {
  return { kind: 'fail', error: { code, message } } as const;
}
