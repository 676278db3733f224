// The whole core on the real keychain across a restart: two accounts signed in through the fake
// Spotify's login page, the core opened again on the same folder, and both still signed in —
// their tokens came back from the Secret Service, not from a new login.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createKeytarSecretStore } from '../../electron/core/vault/keytar-secret-store.js';
import { startFakeSpotify, type FakeSpotify } from '../../demo/fake-spotify/index.js';
import { openCore, user, type CoreUnderTest } from '../core/composition/support.js';
import { assertPrivateTestKeychain, testServiceName } from './private-keychain-session.js';

assertPrivateTestKeychain();

const store = createKeytarSecretStore(testServiceName('app-core-restart'));
let fake: FakeSpotify;
let subject: CoreUnderTest;

beforeEach(async () => {
  fake = await startFakeSpotify({ users: 2, tracks: 75 });
  subject = await openCore(fake, store);
});

afterEach(async () => {
  for (const entry of await store.list()) await store.delete(entry.account);
  await subject.dispose();
  await fake.close();
});

it('keeps both accounts signed in across a restart, with tokens from the keychain', async () => {
  expect(subject.core.vault.status.state).toBe('available');
  subject.logins.push({ user: user(fake, 0) }, { user: user(fake, 1) });
  await subject.core.addAccount();
  await subject.core.addAccount();
  await subject.core.close();

  const restarted = await subject.reopen();
  await fake.control.resetCounts();
  const accounts = restarted.registry.list();
  expect(accounts.map((a) => a.id)).toEqual([user(fake, 0).accountId, user(fake, 1).accountId]);
  for (const [index, account] of accounts.entries()) {
    const profile = await restarted.fetchProfile(account.id);
    expect(profile.spotifyUserId).toBe(user(fake, index).id);
    const page = await restarted.savedTracksPage(account.id, { offset: 0 });
    expect(page.total).toBe(75);
    expect(page.items).toHaveLength(50);
    expect(restarted.registry.require(account.id).status).toBe('ok');
  }
  // No login happened after the restart: no authorize page, no code exchange.
  const counts = (await fake.control.requestCounts()).byPath;
  expect(counts['GET /authorize'] ?? 0).toBe(0);
  expect(counts['POST /api/token'] ?? 0).toBe(0);
  expect(subject.handles).toHaveLength(2);
});
