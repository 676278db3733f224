// Every request the core makes goes through the fetch it was given: the shell hands it Chromium's
// (system proxy, OS certificates), so one request on Node's own fetch would fail behind a
// corporate proxy. Checked against the fake Spotify's own count of what it received: the code
// exchange of a sign-in, a refresh, profiles, a library sync and pictures (one behind a redirect).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MemorySecretStore } from '../../../electron/core/vault/memory-secret-store.js';
import { startFakeSpotify, type FakeSpotify } from '../../../demo/fake-spotify/index.js';
import { openCore, user, type CoreUnderTest } from './support.js';

let fake: FakeSpotify;
let subject: CoreUnderTest;
/** "METHOD /path" of each request the core sent through its fetch. */
let sent: string[];

// What the core asks of Spotify; the rest (/authorize, the login form) is the login page's.
const corePaths = /^(POST \/api\/token|\w+ \/v1\/|GET \/cdn\/)/;

beforeEach(async () => {
  fake = await startFakeSpotify({ users: 3, tracks: 120 });
  sent = [];
  const recordingFetch: typeof fetch = (input, init) => {
    const request = new Request(input, init);
    sent.push(`${request.method} ${new URL(request.url).pathname}`);
    return fetch(request);
  };
  subject = await openCore(fake, new MemorySecretStore(), { fetch: recordingFetch });
});

afterEach(async () => {
  await subject.dispose();
  await fake.close();
});

function countsOf(paths: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const key of paths) counts[key] = (counts[key] ?? 0) + 1;
  return counts;
}

describe('the core’s requests', () => {
  it('all go through the fetch it was given: sign-in, refresh, profile, sync and images', async () => {
    subject.logins.push({ user: user(fake, 0) }, { user: user(fake, 2) });
    const first = await subject.core.addAccount();
    const second = await subject.core.addAccount();
    await fake.control.expireAccessTokens();
    await subject.core.fetchProfile(first.id);
    await subject.core.syncLibrary(first.id);
    for (const account of [first, second]) {
      const imageUrl = subject.core.registry.require(account.id).profile?.imageUrl;
      if (imageUrl === null || imageUrl === undefined) throw new Error('a seeded avatar expected');
      await subject.core.images.get(imageUrl);
    }

    const received = (await fake.control.requestCounts()).byPath;
    const receivedByCore = Object.fromEntries(
      Object.entries(received).filter(([key]) => corePaths.test(key)),
    );
    expect(countsOf(sent)).toEqual(receivedByCore);
    // Each kind of request was made, so the equality above covers it: two code exchanges and a
    // refresh, profiles, pages of the library, and pictures.
    expect(receivedByCore['POST /api/token']).toBeGreaterThanOrEqual(3);
    expect(receivedByCore['GET /v1/me']).toBeGreaterThanOrEqual(3);
    expect(receivedByCore['GET /v1/me/tracks']).toBeGreaterThanOrEqual(3);
    expect(sent.filter((key) => key.startsWith('GET /cdn/')).length).toBeGreaterThanOrEqual(2);
  });
});
