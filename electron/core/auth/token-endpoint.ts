// Talks to Spotify's token endpoint (`POST {accounts}/api/token`): exchanges an authorization code
// for tokens and refreshes an access token. Validates every answer and turns every failure into a
// TokenEndpointError. Stores nothing; the caller decides where tokens go.
import { z } from 'zod';
import { systemClock, type Clock } from '../clock.js';
import type { SpotifyEndpoints } from '../spotify-endpoints.js';
import {
  OAUTH_ERROR_CODES,
  TokenEndpointError,
  type OAuthErrorCode,
} from './token-endpoint-error.js';
import type { RefreshedAccess, TokenSet } from './token-set.js';

export const DEFAULT_TOKEN_REQUEST_TIMEOUT_MS = 30_000;
/** Access tokens are treated as expired this long before Spotify's expiry (clock skew, latency). */
export const EXPIRY_SAFETY_MARGIN_MS = 60_000;

export interface TokenRequestOptions {
  readonly endpoints: SpotifyEndpoints;
  readonly clientId: string;
  readonly fetch?: typeof fetch;
  readonly clock?: Clock;
  readonly timeoutMs?: number;
}

export interface ExchangeCodeOptions extends TokenRequestOptions {
  readonly code: string;
  /** Byte-identical to the one in the authorize URL. */
  readonly redirectUri: string;
  readonly codeVerifier: string;
}

export interface RefreshAccessTokenOptions extends TokenRequestOptions {
  readonly refreshToken: string;
}

const tokenResponseSchema = z.object({
  access_token: z.string().min(1),
  token_type: z.string().refine((type) => type.toLowerCase() === 'bearer'),
  scope: z.string(),
  expires_in: z.number().int().positive(),
  refresh_token: z.string().min(1).optional(),
});

const oauthErrorSchema = z.object({
  error: z.string(),
  error_description: z.string().optional(),
});

type TokenResponse = z.infer<typeof tokenResponseSchema>;

function isOAuthErrorCode(value: string): value is OAuthErrorCode {
  return (OAUTH_ERROR_CODES as readonly string[]).includes(value);
}

// Spotify's descriptions are short and harmless, but they come from outside: cap them, drop
// control characters, and blank out any secret of this request in case one is echoed back.
function safeDescription(description: string | undefined, secrets: readonly string[]): string {
  if (description === undefined) return '';
  let text = description.replace(/[\p{Cc}\p{Cf}]/gu, ' ').slice(0, 200);
  for (const secret of secrets) {
    if (secret !== '') text = text.split(secret).join('[redacted]');
  }
  return text.trim();
}

function parseRetryAfter(header: string | null): number | undefined {
  if (header === null || !/^\d+$/.test(header.trim())) return undefined;
  return Number(header.trim());
}

function expiryFrom(startedAt: number, expiresInSeconds: number): number {
  const lifetimeMs = expiresInSeconds * 1000;
  // A short-lived token (seen in tests) keeps most of its life rather than expiring at once.
  return startedAt + lifetimeMs - Math.min(EXPIRY_SAFETY_MARGIN_MS, lifetimeMs / 10);
}

async function requestTokens(
  options: TokenRequestOptions,
  form: Record<string, string>,
  purpose: string,
  secrets: readonly string[],
): Promise<TokenResponse> {
  const fetchFn = options.fetch ?? globalThis.fetch;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TOKEN_REQUEST_TIMEOUT_MS;
  const url = `${options.endpoints.accountsBaseUrl.replace(/\/+$/, '')}/api/token`;

  let status: number;
  let text: string;
  let retryAfter: string | null;
  try {
    const response = await fetchFn(url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Accept: 'application/json',
      },
      body: new URLSearchParams(form).toString(),
      // A redirect would re-send the code or refresh token somewhere else: never follow one.
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    status = response.status;
    retryAfter = response.headers.get('retry-after');
    // Read inside the try: a connection dropped mid-body is a network error too.
    text = await response.text();
  } catch (err) {
    const timedOut = err instanceof Error && err.name === 'TimeoutError';
    throw new TokenEndpointError(
      'network_error',
      timedOut
        ? `Spotify's token endpoint did not answer the ${purpose} within ${timeoutMs} ms.`
        : `Could not reach Spotify's token endpoint for the ${purpose}.`,
      { cause: err },
    );
  }

  if (status >= 500) {
    throw new TokenEndpointError(
      'server_error',
      `Spotify's token endpoint failed the ${purpose} with HTTP ${status}.`,
      { status },
    );
  }
  if (status === 429) {
    const retryAfterSeconds = parseRetryAfter(retryAfter);
    throw new TokenEndpointError(
      'rate_limited',
      `Spotify's token endpoint is rate limiting the ${purpose} (HTTP 429).`,
      retryAfterSeconds === undefined ? { status } : { status, retryAfterSeconds },
    );
  }

  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new TokenEndpointError(
      'malformed_response',
      `Spotify's token endpoint answered the ${purpose} with HTTP ${status} and a body that is not JSON.`,
      { status },
    );
  }

  if (status < 200 || status >= 300) {
    const parsed = oauthErrorSchema.safeParse(body);
    if (parsed.success && isOAuthErrorCode(parsed.data.error)) {
      const description = safeDescription(parsed.data.error_description, secrets);
      throw new TokenEndpointError(
        parsed.data.error,
        `Spotify's token endpoint refused the ${purpose}: ${parsed.data.error}` +
          (description === '' ? '.' : ` (${description}).`),
        { status },
      );
    }
    throw new TokenEndpointError(
      'malformed_response',
      `Spotify's token endpoint answered the ${purpose} with HTTP ${status} and no known OAuth error.`,
      { status },
    );
  }

  const parsed = tokenResponseSchema.safeParse(body);
  if (!parsed.success) {
    // Only field names go into the message: the values may be tokens.
    const fields = [...new Set(parsed.error.issues.map((issue) => issue.path.join('.')))];
    throw new TokenEndpointError(
      'malformed_response',
      `Spotify's token endpoint answered the ${purpose} without valid fields: ${fields.join(', ') || 'body'}.`,
      { status },
    );
  }
  return parsed.data;
}

export async function exchangeCode(options: ExchangeCodeOptions): Promise<TokenSet> {
  const clock = options.clock ?? systemClock;
  const startedAt = clock.now();
  const response = await requestTokens(
    options,
    {
      grant_type: 'authorization_code',
      code: options.code,
      redirect_uri: options.redirectUri,
      client_id: options.clientId,
      code_verifier: options.codeVerifier,
    },
    'code exchange',
    [options.code, options.codeVerifier],
  );
  if (response.refresh_token === undefined) {
    throw new TokenEndpointError(
      'malformed_response',
      "Spotify's token endpoint answered the code exchange without a refresh token.",
      { status: 200 },
    );
  }
  return {
    accessToken: response.access_token,
    refreshToken: response.refresh_token,
    expiresAt: expiryFrom(startedAt, response.expires_in),
    scope: response.scope,
    authorizedAt: startedAt,
    clientId: options.clientId,
  };
}

export async function refreshAccessToken(
  options: RefreshAccessTokenOptions,
): Promise<RefreshedAccess> {
  const clock = options.clock ?? systemClock;
  const startedAt = clock.now();
  const response = await requestTokens(
    options,
    {
      grant_type: 'refresh_token',
      refresh_token: options.refreshToken,
      client_id: options.clientId,
    },
    'token refresh',
    [options.refreshToken],
  );
  const access = {
    accessToken: response.access_token,
    expiresAt: expiryFrom(startedAt, response.expires_in),
    scope: response.scope,
  };
  // Since mid-2026 Spotify usually sends no new refresh token: the caller keeps the old one.
  return response.refresh_token === undefined
    ? access
    : { ...access, refreshToken: response.refresh_token };
}
