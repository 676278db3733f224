// chromium-fetch.ts with Chromium's network stood in: requests that follow redirects go to the
// session's fetch; manual-redirect ones to net.request, whose redirect comes back as the 3xx
// Node's fetch would give (the image cache judges each hop, the token endpoint refuses it).
import { EventEmitter } from 'node:events';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { ClientRequest, ClientRequestConstructorOptions } from 'electron';
import { chromiumFetch } from '../../electron/shell/chromium-fetch.js';

type Outcome =
  | { kind: 'redirect'; status: number; location: string }
  | { kind: 'response'; status: number; body: string; headers?: Record<string, string> }
  | { kind: 'error'; error: Error }
  | { kind: 'hang' };

class StandInRequest extends EventEmitter {
  readonly headers: Record<string, string> = {};
  readonly written: Buffer[] = [];
  aborted = false;
  constructor(
    readonly options: ClientRequestConstructorOptions,
    private readonly outcome: Outcome,
  ) {
    super();
  }
  setHeader(name: string, value: string) {
    this.headers[name] = value;
  }
  write(chunk: Buffer) {
    this.written.push(chunk);
  }
  abort() {
    this.aborted = true;
  }
  end() {
    setImmediate(() => {
      const { outcome } = this;
      if (outcome.kind === 'redirect') {
        this.emit('redirect', outcome.status, 'GET', outcome.location, {
          'cache-control': ['no-store'],
        });
      } else if (outcome.kind === 'response') {
        const message = Object.assign(Readable.from([Buffer.from(outcome.body)]), {
          statusCode: outcome.status,
          statusMessage: 'OK',
          headers: outcome.headers ?? {},
        });
        this.emit('response', message);
      } else if (outcome.kind === 'error') {
        this.emit('error', outcome.error);
      }
    });
  }
}

function network(outcome: Outcome) {
  const requests: StandInRequest[] = [];
  const fetched: RequestInit[] = [];
  const fetchImpl = chromiumFetch({
    fetch: async (_input, init) => {
      fetched.push(init ?? {});
      return new Response('via session.fetch');
    },
    request: (options) => {
      const request = new StandInRequest(options, outcome);
      requests.push(request);
      return request as unknown as ClientRequest;
    },
  });
  return { fetchImpl, requests, fetched };
}

describe('chromium fetch', () => {
  it('sends requests that follow redirects through the session’s fetch, without cookies', async () => {
    const { fetchImpl, requests, fetched } = network({ kind: 'hang' });
    const response = await fetchImpl('https://api.spotify.com/v1/me');
    expect(await response.text()).toBe('via session.fetch');
    expect(fetched).toEqual([{ credentials: 'omit' }]);
    expect(requests).toHaveLength(0);
  });

  it('hands a manual redirect back as its 3xx and Location, and follows nothing', async () => {
    const { fetchImpl, requests } = network({
      kind: 'redirect',
      status: 302,
      location: 'https://scontent.xx.fbcdn.net/avatar.jpg',
    });
    const response = await fetchImpl('https://platform-lookaside.fbsbx.com/avatar', {
      redirect: 'manual',
      headers: { accept: 'image/jpeg' },
    });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('https://scontent.xx.fbcdn.net/avatar.jpg');
    const [request] = requests;
    expect(request?.aborted).toBe(true);
    expect(request?.options).toMatchObject({ redirect: 'manual', credentials: 'omit' });
    expect(request?.headers).toMatchObject({ accept: 'image/jpeg' });
  });

  it('sends the body of a manual-redirect POST and reads the answer', async () => {
    const { fetchImpl, requests } = network({
      kind: 'response',
      status: 200,
      body: '{"access_token":"a"}',
      headers: { 'content-type': 'application/json' },
    });
    const response = await fetchImpl('https://accounts.spotify.com/api/token', {
      method: 'POST',
      body: 'grant_type=authorization_code',
      redirect: 'manual',
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ access_token: 'a' });
    expect(Buffer.concat(requests[0]?.written ?? []).toString()).toBe(
      'grant_type=authorization_code',
    );
    expect(requests[0]?.options.method).toBe('POST');
  });

  it('rejects with the network’s error, and with the abort reason when cancelled', async () => {
    const failing = network({
      kind: 'error',
      error: new Error('net::ERR_PROXY_CONNECTION_FAILED'),
    });
    await expect(failing.fetchImpl('https://x.test/', { redirect: 'manual' })).rejects.toThrow(
      'ERR_PROXY_CONNECTION_FAILED',
    );

    const hanging = network({ kind: 'hang' });
    const controller = new AbortController();
    const pending = hanging.fetchImpl('https://x.test/', {
      redirect: 'manual',
      signal: controller.signal,
    });
    await new Promise((resolve) => setImmediate(resolve));
    controller.abort(new Error('timed out'));
    await expect(pending).rejects.toThrow('timed out');
    expect(hanging.requests[0]?.aborted).toBe(true);
  });
});
