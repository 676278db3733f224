import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { LoginError } from '../../../electron/core/auth/login-error.js';
import {
  startLoopbackListener,
  type LoopbackListener,
} from '../../../electron/core/auth/loopback-listener.js';
import { assertPortFree, findFreePort, occupyPort } from './support/ports.js';

const STATE = 'expected-state-value';
let listener: LoopbackListener | undefined;
const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  await listener?.close();
  listener = undefined;
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function start(port?: number): Promise<LoopbackListener> {
  listener = await startLoopbackListener({
    expectedState: STATE,
    ...(port === undefined ? {} : { port }),
  });
  return listener;
}

async function get(l: LoopbackListener, pathAndQuery: string, init?: RequestInit) {
  const response = await fetch(`http://127.0.0.1:${l.port}${pathAndQuery}`, init);
  return { status: response.status, body: await response.text(), headers: response.headers };
}

async function rejectionOf(promise: Promise<unknown>): Promise<LoginError> {
  try {
    await promise;
  } catch (err) {
    expect(err).toBeInstanceOf(LoginError);
    return err as LoginError;
  }
  throw new Error('expected a rejection');
}

describe('loopback listener', () => {
  it('binds 127.0.0.1 only and names a 127.0.0.1 redirect URI on /callback', async () => {
    const l = await start();
    expect(l.address.address).toBe('127.0.0.1');
    expect(l.address.family).toBe('IPv4');
    const redirect = new URL(l.redirectUri);
    expect(redirect.protocol).toBe('http:');
    expect(redirect.hostname).toBe('127.0.0.1');
    expect(redirect.port).toBe(String(l.port));
    expect(redirect.pathname).toBe('/callback');
    expect(l.port).toBeGreaterThan(0);
  });

  it('serves the one valid callback with a close-this-window page, hands over the code and frees the port', async () => {
    const l = await start();
    const answer = await get(l, `/callback?code=the-code&state=${STATE}`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(answer.headers.get('referrer-policy')).toBe('no-referrer');
    expect(answer.body).toContain('You can close this window and return to the app');
    await expect(l.callback).resolves.toBe('the-code');
    await l.close();
    await assertPortFree(l.port);
  });

  it('closes by itself after the valid callback: a second request finds no listener', async () => {
    const l = await start();
    await get(l, `/callback?code=the-code&state=${STATE}`);
    await l.callback;
    await l.close();
    await expect(fetch(`http://127.0.0.1:${l.port}/callback`)).rejects.toThrow();
  });

  it('answers 404 to other paths, favicon included, and keeps waiting', async () => {
    const l = await start();
    expect((await get(l, '/favicon.ico')).status).toBe(404);
    expect((await get(l, `/other?code=x&state=${STATE}`)).status).toBe(404);
    expect((await get(l, `/callback/?code=x&state=${STATE}`)).status).toBe(404);
    expect((await get(l, `/callback?code=good&state=${STATE}`)).status).toBe(200);
    await expect(l.callback).resolves.toBe('good');
  });

  it('answers 404 to a request target that is not a URL, and keeps waiting', async () => {
    const l = await start();
    const raw = connect({ host: '127.0.0.1', port: l.port });
    raw.write('GET http://[ HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n');
    const reply = await new Promise<string>((resolve) => {
      let text = '';
      raw.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      raw.on('close', () => resolve(text));
    });
    expect(reply).toMatch(/^HTTP\/1\.1 404/);
    expect((await get(l, `/callback?code=good&state=${STATE}`)).status).toBe(200);
    await expect(l.callback).resolves.toBe('good');
  });

  it.each([
    ['a wrong state', '/callback?code=x&state=not-the-state'],
    ['a missing state', '/callback?code=x'],
    ['two states', `/callback?code=x&state=${STATE}&state=${STATE}`],
    ['a wrong state with access_denied', '/callback?error=access_denied&state=nope'],
  ])('answers 400 to %s and keeps waiting', async (_label, path) => {
    const l = await start();
    const answer = await get(l, path);
    expect(answer.status).toBe(400);
    expect(answer.body).toContain('does not belong to the sign-in');
    expect((await get(l, `/callback?code=good&state=${STATE}`)).status).toBe(200);
    await expect(l.callback).resolves.toBe('good');
  });

  it('answers 400 to the right state without a code, and keeps waiting', async () => {
    const l = await start();
    expect((await get(l, `/callback?state=${STATE}`)).status).toBe(400);
    expect((await get(l, `/callback?code=&state=${STATE}`)).status).toBe(400);
    expect((await get(l, `/callback?code=good&state=${STATE}`)).status).toBe(200);
    await expect(l.callback).resolves.toBe('good');
  });

  it('refuses other methods than GET with 405 and keeps waiting', async () => {
    const l = await start();
    const answer = await get(l, `/callback?code=x&state=${STATE}`, { method: 'POST' });
    expect(answer.status).toBe(405);
    expect(answer.headers.get('allow')).toBe('GET, HEAD');
    expect((await get(l, `/callback?code=good&state=${STATE}`)).status).toBe(200);
    await expect(l.callback).resolves.toBe('good');
  });

  it('ends as login_cancelled on access_denied with the right state, and frees the port', async () => {
    const l = await start();
    const answer = await get(l, `/callback?error=access_denied&state=${STATE}`);
    expect(answer.status).toBe(200);
    expect(answer.body).toContain('Sign-in cancelled');
    expect(answer.body).toContain('You can close this window and return to the app');
    expect((await rejectionOf(l.callback)).code).toBe('login_cancelled');
    await l.close();
    await assertPortFree(l.port);
  });

  it('ends as login_failed naming any other error value', async () => {
    const l = await start();
    const answer = await get(l, `/callback?error=invalid_scope&state=${STATE}`);
    expect(answer.body).toContain('invalid_scope');
    const error = await rejectionOf(l.callback);
    expect(error.code).toBe('login_failed');
    expect(error.message).toContain('"invalid_scope"');
  });

  it('does not echo a crafted error value into its message or page', async () => {
    const l = await start();
    const crafted = encodeURIComponent('<script>alert(1)</script> call 555');
    const answer = await get(l, `/callback?error=${crafted}&state=${STATE}`);
    expect(answer.body).not.toContain('<script>');
    const error = await rejectionOf(l.callback);
    expect(error.code).toBe('login_failed');
    expect(error.message).toContain('unrecognised_error');
    expect(error.message).not.toContain('script');
  });

  it('cuts idle keep-alive sockets when it closes instead of waiting for them', async () => {
    const l = await start();
    // A browser preconnect: a socket that never sends a request.
    const idle = connect({ host: '127.0.0.1', port: l.port });
    await new Promise<void>((resolve) => idle.once('connect', () => resolve()));
    const idleClosed = new Promise<void>((resolve) => idle.once('close', () => resolve()));
    await get(l, `/callback?code=good&state=${STATE}`);
    const startedAt = Date.now();
    await l.close();
    await idleClosed;
    expect(Date.now() - startedAt).toBeLessThan(400);
    await assertPortFree(l.port);
  });

  it('listens on a configured fixed port', async () => {
    const port = await findFreePort();
    const l = await start(port);
    expect(l.port).toBe(port);
    expect(l.redirectUri).toBe(`http://127.0.0.1:${port}/callback`);
    expect((await get(l, `/callback?code=good&state=${STATE}`)).status).toBe(200);
    await expect(l.callback).resolves.toBe('good');
  });

  it('reports a port already in use as login_port_in_use, naming the port and the way out', async () => {
    const busy = await occupyPort(0);
    cleanups.push(() => new Promise((resolve) => busy.close(() => resolve())));
    const port = (busy.address() as { port: number }).port;
    const error = await rejectionOf(startLoopbackListener({ expectedState: STATE, port }));
    expect(error.code).toBe('login_port_in_use');
    expect(error.message).toContain(String(port));
    expect(error.message).toMatch(/another port in settings/);
    expect(error.message).toMatch(/dynamic port/);
  });

  it.each([[-1], [65_536], [1.5], [Number.NaN]])(
    'refuses the port setting %s with invalid_port',
    async (port) => {
      const error = await rejectionOf(startLoopbackListener({ expectedState: STATE, port }));
      expect(error.code).toBe('invalid_port');
    },
  );
});
