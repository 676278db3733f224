// One sign-in, start to finish: loopback listener, PKCE + state, the login page (opened by a
// function the caller passes in), the wait for Spotify's redirect, and the code exchange. The
// verifier never leaves this function; the port is freed in every outcome. Stores nothing.
import { systemClock, type Clock } from '../clock.js';
import type { SpotifyEndpoints } from '../spotify-endpoints.js';
import { buildAuthorizeUrl } from './authorize-url.js';
import { assertValidClientId } from './client-id.js';
import { LoginError } from './login-error.js';
import { startLoopbackListener, type LoopbackListener } from './loopback-listener.js';
import { createPkcePair, createState } from './pkce.js';
import { exchangeCode } from './token-endpoint.js';
import type { TokenSet } from './token-set.js';

export const DEFAULT_LOGIN_TIMEOUT_MS = 5 * 60_000;

export interface SignInOptions {
  clientId: string;
  endpoints: SpotifyEndpoints;
  /** Opens the login window or the browser on the authorize URL. */
  openLoginPage: (authorizeUrl: string) => void | Promise<void>;
  /** 0/undefined = dynamic. */
  port?: number;
  scopes?: readonly string[];
  /** How long to wait for Spotify's redirect; default 5 minutes. */
  timeoutMs?: number;
  /**
   * The login window closed / the app quits → `login_cancelled`. Only the wait for the redirect
   * listens to it: once Spotify has answered, the code exchange finishes even if the window closes.
   */
  signal?: AbortSignal;
  fetch?: typeof fetch;
  clock?: Clock;
}

export interface SignInResult {
  tokens: TokenSet;
  redirectUri: string;
}

function describeDuration(ms: number): string {
  if (ms % 60_000 === 0) return ms === 60_000 ? '1 minute' : `${ms / 60_000} minutes`;
  if (ms % 1000 === 0) return ms === 1000 ? '1 second' : `${ms / 1000} seconds`;
  return `${ms} ms`;
}

function assertValidTimeout(timeoutMs: number): void {
  // setTimeout cannot wait longer than 2^31-1 ms; a longer value would fire at once.
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0 || timeoutMs > 2 ** 31 - 1) {
    throw new LoginError('invalid_timeout', 'The sign-in timeout must be a positive duration.');
  }
}

function cancelled(): LoginError {
  return new LoginError('login_cancelled', 'The sign-in was cancelled before Spotify answered.');
}

/** Waits for the redirect's code; rejects on timeout, abort, a failed open, or a Spotify error. */
function waitForCode(
  listener: LoopbackListener,
  authorizeUrl: string,
  options: SignInOptions,
  timeoutMs: number,
): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    const { signal } = options;
    let done = false;
    const finish = (settle: () => void): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      settle();
    };
    const onAbort = () => finish(() => reject(cancelled()));
    const openFailed = (err: unknown) =>
      finish(() =>
        reject(
          new LoginError('login_open_failed', 'The Spotify login page could not be opened.', {
            cause: err,
          }),
        ),
      );
    const timer = setTimeout(() => {
      finish(() =>
        reject(
          new LoginError(
            'login_timeout',
            `No answer from the Spotify login page within ${describeDuration(timeoutMs)}.`,
          ),
        ),
      );
    }, timeoutMs);

    // An abort while the listener was starting fired no event: check before opening anything.
    if (signal?.aborted) return onAbort();
    signal?.addEventListener('abort', onAbort, { once: true });

    listener.callback.then(
      (code) => finish(() => resolve(code)),
      (err: unknown) => finish(() => reject(err)),
    );

    // Not awaited before waiting: the redirect may arrive before a slow opener resolves.
    try {
      Promise.resolve(options.openLoginPage(authorizeUrl)).catch(openFailed);
    } catch (err) {
      openFailed(err);
    }
  });
}

export async function signIn(options: SignInOptions): Promise<SignInResult> {
  assertValidClientId(options.clientId);
  const timeoutMs = options.timeoutMs ?? DEFAULT_LOGIN_TIMEOUT_MS;
  assertValidTimeout(timeoutMs);
  if (options.signal?.aborted) throw cancelled();

  const state = createState();
  const pkce = createPkcePair();
  const listener = await startLoopbackListener({ port: options.port ?? 0, expectedState: state });

  let code: string;
  try {
    const authorizeUrl = buildAuthorizeUrl({
      endpoints: options.endpoints,
      clientId: options.clientId,
      redirectUri: listener.redirectUri,
      codeChallenge: pkce.challenge,
      state,
      ...(options.scopes === undefined ? {} : { scopes: options.scopes }),
    });
    code = await waitForCode(listener, authorizeUrl, options, timeoutMs);
  } finally {
    await listener.close();
  }

  const tokens = await exchangeCode({
    endpoints: options.endpoints,
    clientId: options.clientId,
    code,
    redirectUri: listener.redirectUri,
    codeVerifier: pkce.verifier,
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
    clock: options.clock ?? systemClock,
  });
  return { tokens, redirectUri: listener.redirectUri };
}
