// How a sign-in ends when Spotify never completes it: timeout, cancellation, a login page that
// cannot open, a busy port, bad settings. Each ending must free the loopback port.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LoginError } from '../../../electron/core/auth/login-error.js';
import { signIn, type SignInOptions } from '../../../electron/core/auth/login-flow.js';
import { singleOriginEndpoints } from '../../../electron/core/spotify-endpoints.js';
import { assertPortFree, findFreePort, occupyPort, portOf } from './support/ports.js';
import { startTokenStub, type TokenStub } from './support/token-stub.js';

const CLIENT_ID = '0123456789abcdef0123456789abcdef';
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function tokenStub(): Promise<TokenStub> {
  const stub = await startTokenStub();
  cleanups.push(() => stub.close());
  return stub;
}

function redirectPortOf(authorizeUrl: string): number {
  return Number(new URL(new URL(authorizeUrl).searchParams.get('redirect_uri') ?? '').port);
}

/** Options whose login page records the authorize URL and does nothing else. */
async function options(extra: Partial<SignInOptions> = {}) {
  const stub = await tokenStub();
  const opened: string[] = [];
  const base: SignInOptions = {
    clientId: CLIENT_ID,
    endpoints: singleOriginEndpoints(stub.baseUrl),
    openLoginPage: (url) => {
      opened.push(url);
    },
    ...extra,
  };
  const portOfLogin = () => {
    const url = opened[0];
    if (url === undefined) throw new Error('login page was not opened');
    return redirectPortOf(url);
  };
  return { base, opened, portOfLogin, stub };
}

async function loginErrorOf(promise: Promise<unknown>): Promise<LoginError> {
  try {
    await promise;
  } catch (err) {
    expect(err).toBeInstanceOf(LoginError);
    return err as LoginError;
  }
  throw new Error('expected a LoginError');
}

describe('sign-in endings', () => {
  it('times out with login_timeout naming the wait, and frees the port', async () => {
    const { base, portOfLogin, stub } = await options({ timeoutMs: 200 });
    const error = await loginErrorOf(signIn(base));
    expect(error.code).toBe('login_timeout');
    expect(error.message).toBe('No answer from the Spotify login page within 200 ms.');
    await assertPortFree(portOfLogin());
    expect(stub.requests).toHaveLength(0);
  });

  it('says "within 5 minutes" for the default wait', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const { base, portOfLogin } = await options();
      const pending = loginErrorOf(signIn(base));
      await vi.waitFor(() => portOfLogin());
      await vi.advanceTimersByTimeAsync(5 * 60_000);
      const error = await pending;
      expect(error.code).toBe('login_timeout');
      expect(error.message).toBe('No answer from the Spotify login page within 5 minutes.');
    } finally {
      vi.useRealTimers();
    }
  });

  it('ends as login_cancelled when its signal aborts, and frees the port', async () => {
    const controller = new AbortController();
    const { base, portOfLogin } = await options({ signal: controller.signal });
    const pending = loginErrorOf(signIn(base));
    await vi.waitFor(() => portOfLogin());
    controller.abort();
    expect((await pending).code).toBe('login_cancelled');
    await assertPortFree(portOfLogin());
  });

  it('ends as login_cancelled at once when its signal is already aborted', async () => {
    const { base, opened } = await options({ signal: AbortSignal.abort() });
    expect((await loginErrorOf(signIn(base))).code).toBe('login_cancelled');
    expect(opened).toHaveLength(0);
  });

  it('ends as login_cancelled without opening the page when aborted while the listener starts', async () => {
    const controller = new AbortController();
    const { base, opened } = await options({ signal: controller.signal });
    const pending = loginErrorOf(signIn(base));
    controller.abort();
    expect((await pending).code).toBe('login_cancelled');
    expect(opened).toHaveLength(0);
  });

  it('ends as login_open_failed when the login page throws, and frees the port', async () => {
    let port = 0;
    const { base } = await options();
    const error = await loginErrorOf(
      signIn({
        ...base,
        openLoginPage: (url) => {
          port = redirectPortOf(url);
          throw new Error('no display');
        },
      }),
    );
    expect(error.code).toBe('login_open_failed');
    expect((error.cause as Error).message).toBe('no display');
    await assertPortFree(port);
  });

  it('ends as login_open_failed when the login page rejects, and frees the port', async () => {
    let port = 0;
    const { base } = await options();
    const error = await loginErrorOf(
      signIn({
        ...base,
        openLoginPage: async (url) => {
          port = redirectPortOf(url);
          await new Promise((resolve) => setTimeout(resolve, 10));
          throw new Error('window failed to load');
        },
      }),
    );
    expect(error.code).toBe('login_open_failed');
    await assertPortFree(port);
  });

  it('reports a fixed port already in use as login_port_in_use without opening the page', async () => {
    const busy = await occupyPort(0);
    cleanups.push(() => new Promise((resolve) => busy.close(() => resolve())));
    const { base, opened } = await options({ port: portOf(busy) });
    const error = await loginErrorOf(signIn(base));
    expect(error.code).toBe('login_port_in_use');
    expect(error.message).toContain(String(portOf(busy)));
    expect(opened).toHaveLength(0);
  });

  it('uses a fixed port in the redirect URI it sends', async () => {
    const port = await findFreePort();
    const { base, opened } = await options({ port, timeoutMs: 100 });
    await loginErrorOf(signIn(base));
    const url = new URL(opened[0] ?? '');
    expect(url.searchParams.get('redirect_uri')).toBe(`http://127.0.0.1:${port}/callback`);
    await assertPortFree(port);
  });

  it.each([['not-a-client-id'], [''], ['0123456789abcdef0123456789abcdeZ']])(
    'refuses the Client ID %j with invalid_client_id before listening',
    async (clientId) => {
      const { base, opened } = await options({ clientId });
      expect((await loginErrorOf(signIn(base))).code).toBe('invalid_client_id');
      expect(opened).toHaveLength(0);
    },
  );

  it.each([[0], [-5], [Number.NaN], [Number.POSITIVE_INFINITY]])(
    'refuses the timeout %s with invalid_timeout',
    async (timeoutMs) => {
      const { base, opened } = await options({ timeoutMs });
      expect((await loginErrorOf(signIn(base))).code).toBe('invalid_timeout');
      expect(opened).toHaveLength(0);
    },
  );

  it('refuses an impossible port with invalid_port', async () => {
    const { base } = await options({ port: 70_000 });
    expect((await loginErrorOf(signIn(base))).code).toBe('invalid_port');
  });
});
