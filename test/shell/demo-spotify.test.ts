import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import {
  demoSpotifyBundleUrl,
  startDemoSpotify,
  type DemoSpotifyModule,
} from '../../electron/shell/demo-spotify.js';
import * as fakeSpotify from '../../demo/fake-spotify/index.js';

vi.mock('electron', () => ({}));

// The demo loads the fake's bundle by URL; this keeps its expectation in step with the real entry.
const realEntry: DemoSpotifyModule = fakeSpotify;

describe('demo Spotify', () => {
  it('starts the fake with three users of 2,000 saved tracks each', async () => {
    const url = new URL('../../demo/fake-spotify/index.ts', import.meta.url).href;
    const demo = await startDemoSpotify(url);
    try {
      expect(demo.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(demo.clientId).toBe(fakeSpotify.DEFAULT_CLIENT_ID);
      const fake = demo as fakeSpotify.FakeSpotify;
      expect(fake.users.map((user) => user.username)).toEqual(['alice', 'bob', 'carol']);
      const { accessToken } = await fake.control.mintTokens(fake.users[0]?.id ?? '');
      const page = await fetch(`${demo.baseUrl}/v1/me/tracks?limit=1`, {
        headers: { authorization: `Bearer ${accessToken}` },
      });
      expect(((await page.json()) as { total: number }).total).toBe(2_000);
    } finally {
      await demo.close();
    }
    expect(typeof realEntry.startFakeSpotify).toBe('function');
  });

  it('reports a missing bundle as demo_unavailable', async () => {
    const url = pathToFileURL(path.join(os.tmpdir(), 'no-such-dir', 'demo-spotify.js')).href;
    await expect(startDemoSpotify(url)).rejects.toMatchObject({ code: 'demo_unavailable' });
  });

  it('reports a bundle without an entry point as demo_unavailable', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'demo-bundle-'));
    try {
      const file = path.join(dir, 'demo-spotify.mjs');
      await writeFile(file, 'export const nothing = 1;\n');
      await expect(startDemoSpotify(pathToFileURL(file).href)).rejects.toMatchObject({
        code: 'demo_unavailable',
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('finds the bundle in dist/demo next to dist/electron', () => {
    expect(demoSpotifyBundleUrl('/opt/app/dist/electron')).toBe(
      'file:///opt/app/dist/demo/demo-spotify.js',
    );
  });
});
