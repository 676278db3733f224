// What happens to an account's tokens when things overlap: first calls arriving together, a new
// sign-in while the old grant is being refreshed, a removal while a request is in flight, a run
// without the keychain. Each test holds the token endpoint's answer to force the overlap.
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { SecretStore } from '../../../electron/core/vault/secret-store.js';
import { MemorySecretStore } from '../../../electron/core/vault/memory-secret-store.js';
import type { TokenSet } from '../../../electron/core/auth/token-set.js';
import { startFakeSpotify, type FakeSpotify } from '../../../demo/fake-spotify/index.js';
import { openCore, user, type CoreUnderTest } from './support.js';

let fake: FakeSpotify;
let store: MemorySecretStore;
let subject: CoreUnderTest;
let refreshes = 0;
let held: { promise: Promise<void>; release: () => void } | null = null;

// The real fetch, counting refreshes and holding their answer while `held` is set.
const holdingFetch: typeof fetch = async (input, init) => {
  if (typeof init?.body === 'string' && init.body.includes('grant_type=refresh_token')) {
    refreshes += 1;
    if (held) await held.promise;
  }
  return fetch(input, init);
};

function holdRefreshes(): () => void {
  let release: () => void = () => undefined;
  const promise = new Promise<void>((resolve) => {
    release = resolve;
  });
  held = { promise, release };
  return () => {
    held = null;
    release();
  };
}

async function stored(id: string): Promise<TokenSet | null> {
  const value = await store.get(id);
  return value === null ? null : (JSON.parse(value) as TokenSet);
}

async function refreshStarted(): Promise<void> {
  const before = refreshes;
  for (let i = 0; i < 200 && refreshes === before; i++) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  expect(refreshes).toBeGreaterThan(before);
}

beforeEach(async () => {
  fake = await startFakeSpotify({ users: 2, tracks: 120 });
  store = new MemorySecretStore();
  subject = await openCore(fake, store, { fetch: holdingFetch });
  refreshes = 0;
});

afterEach(async () => {
  held?.release();
  held = null;
  await subject.dispose();
  await fake.close();
});

it('shares one refresh among first calls that arrive together, even with rotating tokens', async () => {
  subject.logins.push({ user: user(fake, 0) });
  const account = await subject.core.addAccount();
  await fake.control.setRotateRefreshTokens(true);
  await fake.control.expireAccessTokens();

  const results = await Promise.all(
    [0, 50, 100].map((offset) => subject.core.savedTracksPage(account.id, { offset })),
  );
  expect(refreshes).toBe(1);
  expect(results.map((page) => page.offset)).toEqual([0, 50, 100]);
  expect(subject.core.registry.require(account.id).status).toBe('ok');
});

it('keeps a new sign-in when a refresh of the old grant lands after it', async () => {
  subject.logins.push({ user: user(fake, 0) }, { user: user(fake, 0) });
  const account = await subject.core.addAccount();
  await subject.core.fetchProfile(account.id);
  await fake.control.expireAccessTokens();
  const release = holdRefreshes();
  const pending = subject.core.fetchProfile(account.id);
  await refreshStarted();

  await subject.core.addAccount();
  const fresh = await stored(account.id);
  release();
  await pending;
  expect((await stored(account.id))?.refreshToken).toBe(fresh?.refreshToken);
  expect((await stored(account.id))?.authorizedAt).toBe(fresh?.authorizedAt);
});

it('does not sign a freshly signed-in account out when the old grant’s refresh is refused', async () => {
  subject.logins.push({ user: user(fake, 0) }, { user: user(fake, 0) });
  const account = await subject.core.addAccount();
  await subject.core.fetchProfile(account.id);
  await fake.control.revokeUser(user(fake, 0).id);
  await fake.control.expireAccessTokens();
  const release = holdRefreshes();
  const pending = subject.core.fetchProfile(account.id);
  await refreshStarted();

  await subject.core.addAccount();
  release();
  // The call that started on the old grant is retried on the new one.
  expect((await pending).spotifyUserId).toBe(user(fake, 0).id);
  expect(await stored(account.id)).not.toBeNull();
  expect(subject.core.registry.require(account.id).status).toBe('ok');
});

it('leaves no tokens in the keychain when an account is removed while its refresh is in flight', async () => {
  subject.logins.push({ user: user(fake, 0) });
  const account = await subject.core.addAccount();
  await subject.core.fetchProfile(account.id);
  await fake.control.expireAccessTokens();
  const release = holdRefreshes();
  const pending = subject.core.fetchProfile(account.id).catch((error: { code: string }) => error);

  await refreshStarted();
  await subject.core.removeAccount(account.id);
  release();
  await pending;
  expect(await stored(account.id)).toBeNull();
  expect(await store.list()).toEqual([]);
});

it('keeps an account usable after a run without the keychain', async () => {
  subject.logins.push({ user: user(fake, 0) });
  const account = await subject.core.addAccount();
  await subject.core.close();

  const unreachable: SecretStore = {
    get: () => Promise.reject(new Error('Cannot autolaunch D-Bus without X11 $DISPLAY')),
    set: () => Promise.reject(new Error('Cannot autolaunch D-Bus without X11 $DISPLAY')),
    delete: () => Promise.reject(new Error('Cannot autolaunch D-Bus without X11 $DISPLAY')),
    list: () => Promise.reject(new Error('Cannot autolaunch D-Bus without X11 $DISPLAY')),
  };
  const locked = await openCore(fake, unreachable, { dataDir: subject.dataDir });
  expect(locked.core.registry.require(account.id).status).toBe('keychain_unavailable');
  await expect(locked.core.fetchProfile(account.id)).rejects.toMatchObject({
    code: 'keychain_unavailable',
  });
  expect(locked.core.registry.require(account.id).status).toBe('keychain_unavailable');
  await locked.core.close();

  const back = await subject.reopen();
  expect(back.registry.require(account.id).status).toBe('ok');
  expect((await back.fetchProfile(account.id)).spotifyUserId).toBe(user(fake, 0).id);
});

it('runs one sign-in at a time on a fixed redirect port, and says why', async () => {
  await subject.core.settings.update({ redirectPort: 47_123 });
  subject.logins.push({ ignore: true });
  const first = subject.core.addAccount().catch((error: { code: string }) => error.code);
  await expect(subject.core.addAccount()).rejects.toMatchObject({ code: 'login_in_progress' });
  subject.core.cancelLogins();
  expect(await first).toBe('login_cancelled');
});

it('serves no cached library for an account while it is being removed', async () => {
  subject.logins.push({ user: user(fake, 0) });
  const account = await subject.core.addAccount();
  await subject.core.syncLibrary(account.id);
  const removing = subject.core.removeAccount(account.id);
  await expect(subject.core.cachedLibrary(account.id)).rejects.toMatchObject({
    code: 'account_not_found',
  });
  await removing;
});

it('records the Client ID of tokens stored without one at their next refresh', async () => {
  subject.logins.push({ user: user(fake, 0) });
  const account = await subject.core.addAccount();
  // As stored before grants remembered their Client ID.
  const current = (await stored(account.id)) as TokenSet;
  const older = {
    accessToken: current.accessToken,
    refreshToken: current.refreshToken,
    expiresAt: current.expiresAt,
    scope: current.scope,
    authorizedAt: current.authorizedAt,
  };
  await store.set(account.id, JSON.stringify(older));
  await subject.core.close();
  await fake.control.expireAccessTokens();

  const restarted = await subject.reopen();
  await restarted.fetchProfile(account.id);
  expect((await stored(account.id))?.clientId).toBe(fake.clientId);
});
