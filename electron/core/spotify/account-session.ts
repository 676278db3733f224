// One signed-in account's way to the Web API: holds its tokens, hands a valid access token to each
// request (refreshing first when it has expired), refreshes at most once at a time, answers a 401
// with one refresh and one retry, and turns a revoked grant into "sign in again". Requests go
// through the shared scheduler; storing tokens is the injected `persistTokens`'s job (the vault).

import { refreshAccessToken } from '../auth/token-endpoint.js';
import { TokenEndpointError, type TokenErrorCode } from '../auth/token-endpoint-error.js';
import type { TokenSet } from '../auth/token-set.js';
import { systemClock, type Clock } from '../clock.js';
import type { SpotifyEndpoints } from '../spotify-endpoints.js';
import { backoffDelayMs, type BackoffOptions } from './backoff.js';
import { errorFromResponse } from './error-from-response.js';
import type { RequestScheduler } from './request-scheduler.js';
import { SpotifyApiError, type SpotifyApiErrorCode } from './spotify-api-errors.js';

export type AccountSessionState = 'active' | 'needs_sign_in';

export interface AccountSessionOptions {
  /** The account's key (`account_id`, else `id`); passed back in callbacks. */
  readonly accountKey: string;
  readonly tokens: TokenSet;
  readonly clientId: string;
  readonly endpoints: SpotifyEndpoints;
  /** The app's one scheduler, shared by every account. */
  readonly scheduler: RequestScheduler;
  /** Stores refreshed tokens (the keychain vault); awaited before the new access token is used. */
  readonly persistTokens: (tokens: TokenSet) => Promise<void>;
  /** Called once when Spotify says the grant is gone (revoked or expired): sign in again. */
  readonly onNeedsSignIn?: (accountKey: string) => void;
  /** Called when `persistTokens` fails; the session keeps the new tokens in memory regardless. */
  readonly onPersistError?: (error: unknown) => void;
  /** For the token endpoint; API requests use the scheduler's. */
  readonly fetch?: typeof fetch;
  readonly clock?: Clock;
  readonly random?: () => number;
  /** Retries of a refresh that failed for a transient reason. Default 3. */
  readonly maxRefreshRetries?: number;
  /** Default 500 ms … 10 s. */
  readonly refreshBackoff?: Partial<BackoffOptions>;
  readonly tokenRequestTimeoutMs?: number;
}

export interface ApiRequest {
  /** Under the API origin, e.g. `/v1/me/tracks`. */
  readonly path: string;
  readonly method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  readonly query?: Readonly<Record<string, string | number | undefined>>;
  /** Sent as JSON. */
  readonly body?: unknown;
  /** Cancels the request (see ScheduledRequest.signal); it rejects with the signal's reason. */
  readonly signal?: AbortSignal;
  /** A write that must not be sent twice blindly (see ScheduledRequest.unsafeToRepeat). */
  readonly unsafeToRepeat?: boolean;
}

// Worth another try: the grant itself may be fine and only the way to it failed. A refresh that
// fails this way never touches the stored refresh token.
const transientTokenErrors: ReadonlySet<TokenErrorCode> = new Set([
  'network_error',
  'server_error',
  'rate_limited',
  'malformed_response',
]);

export class AccountSession {
  readonly accountKey: string;
  readonly #clientId: string;
  readonly #endpoints: SpotifyEndpoints;
  readonly #scheduler: RequestScheduler;
  readonly #persistTokens: (tokens: TokenSet) => Promise<void>;
  readonly #onNeedsSignIn: ((accountKey: string) => void) | undefined;
  readonly #onPersistError: ((error: unknown) => void) | undefined;
  readonly #fetch: typeof fetch | undefined;
  readonly #clock: Clock;
  readonly #random: () => number;
  readonly #maxRefreshRetries: number;
  readonly #refreshBackoff: BackoffOptions;
  readonly #tokenRequestTimeoutMs: number | undefined;

  #tokens: TokenSet;
  #state: AccountSessionState = 'active';
  #refreshing: Promise<TokenSet> | null = null;

  constructor(options: AccountSessionOptions) {
    this.accountKey = options.accountKey;
    this.#tokens = options.tokens;
    this.#clientId = options.clientId;
    this.#endpoints = options.endpoints;
    this.#scheduler = options.scheduler;
    this.#persistTokens = options.persistTokens;
    this.#onNeedsSignIn = options.onNeedsSignIn;
    this.#onPersistError = options.onPersistError;
    this.#fetch = options.fetch;
    this.#clock = options.clock ?? systemClock;
    this.#random = options.random ?? Math.random;
    this.#maxRefreshRetries = options.maxRefreshRetries ?? 3;
    this.#refreshBackoff = { baseMs: 500, maxMs: 10_000, ...options.refreshBackoff };
    this.#tokenRequestTimeoutMs = options.tokenRequestTimeoutMs;
  }

  get state(): AccountSessionState {
    return this.#state;
  }

  /** Sends an authorised request through the shared scheduler; resolves with its JSON body. */
  async send(request: ApiRequest): Promise<unknown> {
    const url = this.#urlFor(request);
    // Wait for a refresh outside the scheduler, so this account's refresh does not hold slots
    // that other accounts could use; the check below, inside the slot, is then usually instant.
    await this.#validAccessToken();
    for (let attempt = 1; ; attempt += 1) {
      // Filled in by the scheduler right before the send, so a 401 can tell which token failed.
      const used: { token: string | null } = { token: null };
      const response = await this.#scheduler.request({
        url,
        ...(request.method === undefined ? {} : { method: request.method }),
        ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
        ...(request.signal === undefined ? {} : { signal: request.signal }),
        ...(request.unsafeToRepeat === true ? { unsafeToRepeat: true } : {}),
        headers: async () => {
          used.token = await this.#validAccessToken();
          return { authorization: `Bearer ${used.token}` };
        },
      });
      if (response.ok) return response.body;
      if (response.status === 401 && attempt === 1 && used.token !== null) {
        await this.#refreshAfterRejection(used.token);
        continue;
      }
      throw errorFromResponse(response.status, response.text);
    }
  }

  #urlFor(request: ApiRequest): string {
    const url = new URL(this.#endpoints.apiBaseUrl.replace(/\/+$/, '') + request.path);
    for (const [name, value] of Object.entries(request.query ?? {})) {
      if (value !== undefined) url.searchParams.set(name, String(value));
    }
    return url.toString();
  }

  // Never hands out a token while a refresh is in flight: the request waits for the new one.
  async #validAccessToken(): Promise<string> {
    this.#throwIfNeedsSignIn();
    if (this.#refreshing !== null) return (await this.#refreshing).accessToken;
    if (this.#clock.now() >= this.#tokens.expiresAt) return (await this.#refresh()).accessToken;
    return this.#tokens.accessToken;
  }

  async #refreshAfterRejection(rejectedToken: string): Promise<void> {
    if (this.#refreshing !== null) {
      await this.#refreshing;
      return;
    }
    // Another request already replaced the rejected token: just retry with the current one.
    if (this.#tokens.accessToken !== rejectedToken) return;
    await this.#refresh();
  }

  // Single flight: every caller during a refresh shares the one in progress.
  #refresh(): Promise<TokenSet> {
    this.#refreshing ??= this.#refreshWithRetries().finally(() => {
      this.#refreshing = null;
    });
    return this.#refreshing;
  }

  async #refreshWithRetries(): Promise<TokenSet> {
    const current = this.#tokens;
    for (let retry = 0; ; retry += 1) {
      this.#throwIfNeedsSignIn();
      let access;
      try {
        access = await refreshAccessToken({
          endpoints: this.#endpoints,
          clientId: this.#clientId,
          refreshToken: current.refreshToken,
          clock: this.#clock,
          ...(this.#fetch === undefined ? {} : { fetch: this.#fetch }),
          ...(this.#tokenRequestTimeoutMs === undefined
            ? {}
            : { timeoutMs: this.#tokenRequestTimeoutMs }),
        });
      } catch (error) {
        if (!(error instanceof TokenEndpointError)) throw error;
        if (error.code === 'invalid_grant') {
          this.#markNeedsSignIn();
          this.#throwIfNeedsSignIn();
        }
        const waitMs =
          error.retryAfterSeconds === undefined
            ? backoffDelayMs(retry + 1, this.#refreshBackoff, this.#random)
            : error.retryAfterSeconds * 1000;
        // A long Retry-After is not worth holding every request of the account for.
        if (
          !transientTokenErrors.has(error.code) ||
          retry >= this.#maxRefreshRetries ||
          waitMs > this.#refreshBackoff.maxMs
        ) {
          throw refreshFailure(error);
        }
        await new Promise((resolve) => setTimeout(resolve, waitMs));
        continue;
      }

      const next: TokenSet = {
        accessToken: access.accessToken,
        // Since mid-2026 Spotify usually sends none: the existing one stays valid and must be kept.
        refreshToken: access.refreshToken ?? current.refreshToken,
        expiresAt: access.expiresAt,
        scope: access.scope,
        authorizedAt: current.authorizedAt,
        // The refresh just worked with this Client ID: record it for entries stored without one.
        clientId: current.clientId ?? this.#clientId,
      };
      // Persist first: a rotated refresh token is single-use, so once Spotify has issued a new
      // one the stored old one is dead. If storing fails we still keep the new one for this run.
      try {
        await this.#persistTokens(next);
      } catch (error) {
        this.#onPersistError?.(error);
      }
      this.#tokens = next;
      return next;
    }
  }

  #markNeedsSignIn(): void {
    if (this.#state === 'needs_sign_in') return;
    this.#state = 'needs_sign_in';
    this.#onNeedsSignIn?.(this.accountKey);
  }

  #throwIfNeedsSignIn(): void {
    if (this.#state === 'needs_sign_in') {
      throw new SpotifyApiError(
        'needs_sign_in',
        "Spotify no longer accepts this account's sign-in (revoked or expired). Sign in again.",
      );
    }
  }
}

function refreshFailure(error: TokenEndpointError): SpotifyApiError {
  const code: SpotifyApiErrorCode =
    error.code === 'network_error' ||
    error.code === 'server_error' ||
    error.code === 'rate_limited' ||
    error.code === 'malformed_response'
      ? error.code
      : 'bad_request';
  return new SpotifyApiError(code, `Could not refresh the sign-in: ${error.message}`, {
    ...(error.status === undefined ? {} : { status: error.status }),
    cause: error,
  });
}
