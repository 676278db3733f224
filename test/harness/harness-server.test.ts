// The harness's HTTP side without a browser: index.html gets the bridge before the app bundle,
// the bridge carries this run's token and the contract's channels, only files inside the renderer
// directory are served, and a missing build is a typed error rather than a blank page.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { requestChannels } from '../../electron/core/ipc/contract.js';
import { seededUser } from '../../demo/fake-spotify/index.js';
import { startHarness, type Harness } from '../../demo/harness/harness-server.js';
import { withBridgeScript } from '../../demo/harness/renderer-files.js';

let rendererDir: string;
let harness: Harness;

beforeAll(async () => {
  rendererDir = await mkdtemp(path.join(os.tmpdir(), 'harness-renderer-'));
  await mkdir(path.join(rendererDir, 'assets'));
  await writeFile(
    path.join(rendererDir, 'index.html'),
    '<!doctype html><html><head><script type="module" src="./assets/app.js"></script></head><body></body></html>',
  );
  await writeFile(path.join(rendererDir, 'assets', 'app.js'), 'console.log("app");');
  await writeFile(path.join(path.dirname(rendererDir), 'outside-renderer.txt'), 'secret');
  harness = await startHarness({
    rendererDir,
    fake: { users: 1, tracks: 0 },
    log: () => undefined,
  });
});
afterAll(async () => {
  await harness.close();
  await rm(rendererDir, { recursive: true, force: true });
  await rm(path.join(path.dirname(rendererDir), 'outside-renderer.txt'), { force: true });
});

/** A raw GET, so `..` segments reach the server as written. */
function rawGet(pathname: string, method = 'GET'): Promise<{ status: number; body: string }> {
  const { port } = new URL(harness.url);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: pathname, method }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('harness server', () => {
  it('loads the bridge before the app bundle in index.html', async () => {
    const { status, body } = await rawGet('/');
    expect(status).toBe(200);
    const bridge = body.indexOf('<script src="/harness/bridge.js"></script>');
    expect(bridge).toBeGreaterThan(0);
    expect(bridge).toBeLessThan(body.indexOf('./assets/app.js'));
    expect(withBridgeScript('<html><head></head></html>')).toContain(
      '<script src="/harness/bridge.js"></script>\n  </head>',
    );
  });

  it('serves the bridge with this run’s token and every contract channel', async () => {
    const { body } = await rawGet('/harness/bridge.js');
    const config = JSON.parse(/const config = (\{.*?\});/.exec(body)?.[1] ?? 'null') as {
      token: string;
      requestChannels: string[];
    };
    expect(config.token).toMatch(/^[0-9a-f]{48}$/);
    expect(config.requestChannels).toEqual(requestChannels);
  });

  it('serves files of the renderer and nothing outside it', async () => {
    expect((await rawGet('/assets/app.js')).body).toBe('console.log("app");');
    for (const escape of ['/../outside-renderer.txt', '/%2e%2e/outside-renderer.txt', '/nope.js']) {
      expect((await rawGet(escape)).status, escape).toBe(404);
    }
    expect((await rawGet('/', 'POST')).status).toBe(405);
  });

  it('serves Spotify pictures from the core’s image cache under /image/, as the app protocol does', async () => {
    const { accessToken } = await harness.fake.control.mintTokens(seededUser(harness.fake).id);
    const me = await fetch(`${harness.fake.baseUrl}/v1/me`, {
      headers: { authorization: `Bearer ${accessToken}` },
    });
    const avatar = ((await me.json()) as { images: { url: string }[] }).images[0]?.url;
    expect(avatar).toMatch(/^https:\/\/i\.scdn\.co\//);
    const picture = await fetch(`${harness.url}image/${encodeURIComponent(avatar ?? '')}`);
    expect(picture.status).toBe(200);
    expect(picture.headers.get('content-type')).toBe('image/png');
    expect([...new Uint8Array(await picture.arrayBuffer()).slice(1, 4)]).toEqual([
      0x50, 0x4e, 0x47,
    ]);

    // Not a picture host: the harness is no proxy into the network.
    const local = encodeURIComponent(`${harness.fake.baseUrl}/v1/me`);
    expect((await rawGet(`/image/${local}`)).status).toBe(403);
    expect((await rawGet('/image/%E0%A4%A')).status).toBe(400);
    expect((await rawGet('/image/a/b')).status).toBe(404);
  });

  it('refuses to start without a built renderer, with a typed error', async () => {
    const empty = await mkdtemp(path.join(os.tmpdir(), 'harness-empty-'));
    try {
      await expect(
        startHarness({ rendererDir: empty, fake: harness.fake, log: () => undefined }),
      ).rejects.toMatchObject({ code: 'harness_renderer_missing' });
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });

  it('answers malformed and unknown messages on the socket with typed errors', async () => {
    const { body } = await rawGet('/harness/bridge.js');
    const token = /"token":"([0-9a-f]+)"/.exec(body)?.[1] ?? '';
    const origin = new URL(harness.url).origin;
    const ws = new WebSocket(`${origin.replace('http', 'ws')}/harness/ipc?token=${token}`, {
      origin,
    });
    const replies: unknown[] = [];
    ws.on('message', (data) => replies.push(JSON.parse(data.toString())));
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
    try {
      ws.send('not json');
      ws.send('42');
      ws.send(Buffer.from([1, 2, 3]), { binary: true });
      ws.send(JSON.stringify({ id: 7, channel: 'accounts:steal', args: [] }));
      ws.send(JSON.stringify({ id: 8, channel: 'accounts:list', args: [] }));
      await expect.poll(() => replies.length).toBe(5);
      expect(replies).toEqual([
        {
          id: null,
          result: { ok: false, error: expect.objectContaining({ code: 'harness_bad_message' }) },
        },
        {
          id: null,
          result: { ok: false, error: expect.objectContaining({ code: 'harness_bad_message' }) },
        },
        {
          id: null,
          result: { ok: false, error: expect.objectContaining({ code: 'harness_bad_message' }) },
        },
        {
          id: 7,
          result: { ok: false, error: expect.objectContaining({ code: 'ipc_unknown_channel' }) },
        },
        { id: 8, result: { ok: true, value: { accounts: [], activeAccountId: null } } },
      ]);
    } finally {
      ws.close();
    }
  });
});
