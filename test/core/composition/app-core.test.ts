// The core end to end against the fake Spotify over real sockets: accounts added through the login
// page, each keyed by Spotify's account id, their profiles and saved tracks, and the states a
// person must be told about (cancelled, revoked, not allowlisted).
import { createHash } from 'node:crypto';
import { access, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MemorySecretStore } from '../../../electron/core/vault/memory-secret-store.js';
import {
  BrowserSession,
  startFakeSpotify,
  type FakeSpotify,
} from '../../../demo/fake-spotify/index.js';
import { openCore, user, type CoreUnderTest } from './support.js';

let fake: FakeSpotify;
let store: MemorySecretStore;
let subject: CoreUnderTest;

beforeEach(async () => {
  fake = await startFakeSpotify({ users: 3, tracks: 120 });
  store = new MemorySecretStore();
  subject = await openCore(fake, store);
});

afterEach(async () => {
  await subject.dispose();
  await fake.close();
});

describe('adding accounts', () => {
  it('adds two accounts, each keyed by its Spotify account id, with its own tokens', async () => {
    const alice = user(fake, 0);
    const bob = user(fake, 1);
    subject.logins.push({ user: alice }, { user: bob });

    const first = await subject.core.addAccount();
    const second = await subject.core.addAccount();

    expect(first.id).toBe(alice.accountId);
    expect(second.id).toBe(bob.accountId);
    expect(subject.core.registry.list().map((a) => a.id)).toEqual([alice.accountId, bob.accountId]);
    expect(first.profile?.displayName).toBe(alice.displayName);
    const stored = await store.list();
    expect(stored.map((entry) => entry.account).sort()).toEqual(
      [alice.accountId, bob.accountId].sort(),
    );
    const outcomes = await Promise.all(subject.outcomes);
    expect(outcomes.map((o) => o.signedInAs)).toEqual([alice.username, bob.username]);
  });

  it('signs the second account in on its own login page, not with the first one’s cookie', async () => {
    // One shared browser (a persistent partition) would sign B in as A without asking.
    const shared = new BrowserSession();
    subject.logins.push(
      { user: user(fake, 0), browser: shared },
      { user: user(fake, 1), browser: shared },
    );
    await subject.core.addAccount();
    const reused = await subject.core.addAccount();
    expect(reused.id).toBe(user(fake, 0).accountId);
    expect(subject.core.registry.list()).toHaveLength(1);

    // A fresh browser session per login, as the app's login window has, asks who is signing in.
    subject.logins.push({ user: user(fake, 1) });
    const fresh = await subject.core.addAccount();
    expect(fresh.id).toBe(user(fake, 1).accountId);
    expect(subject.core.registry.list()).toHaveLength(2);
  });

  it('renews the tokens of an account signed in twice without adding a second row', async () => {
    subject.logins.push({ user: user(fake, 0) }, { user: user(fake, 0) });
    await subject.core.addAccount();
    const before = await store.get(user(fake, 0).accountId);
    await subject.core.addAccount();
    const after = await store.get(user(fake, 0).accountId);
    expect(subject.core.registry.list()).toHaveLength(1);
    expect(after).not.toBe(before);
  });

  it('runs two logins at once without losing either account', async () => {
    subject.logins.push({ user: user(fake, 0) }, { user: user(fake, 1) });
    const both = await Promise.all([subject.core.addAccount(), subject.core.addAccount()]);
    expect(new Set(both.map((a) => a.id)).size).toBe(2);
    const file = JSON.parse(await readFile(path.join(subject.dataDir, 'accounts.json'), 'utf8'));
    expect(file.data.accounts).toHaveLength(2);
  });

  it('ends as cancelled when the person refuses consent, and adds nothing', async () => {
    subject.logins.push({ user: user(fake, 0), consent: 'deny' });
    await expect(subject.core.addAccount()).rejects.toMatchObject({ code: 'login_cancelled' });
    expect(subject.core.registry.list()).toHaveLength(0);
  });

  it('ends as cancelled when the login page is closed, and tells the page the login is over', async () => {
    subject.logins.push({ close: true });
    await expect(subject.core.addAccount()).rejects.toMatchObject({ code: 'login_cancelled' });
    expect(subject.handles[0]?.ended.aborted).toBe(true);
  });

  it('cancels a login still waiting when the core closes', async () => {
    subject.logins.push({ ignore: true });
    const waiting = subject.core.addAccount();
    await vi.waitFor(() => expect(subject.handles).toHaveLength(1));
    await subject.core.close();
    await expect(waiting).rejects.toMatchObject({ code: 'login_cancelled' });
    expect(subject.handles[0]?.ended.aborted).toBe(true);
    await expect(subject.core.addAccount()).rejects.toMatchObject({ code: 'core_closed' });
  });

  it('refuses to start a login before a Client ID is set', async () => {
    const bare = await openCore(fake, new MemorySecretStore());
    await bare.core.settings.update({ clientId: null });
    await expect(bare.core.addAccount()).rejects.toMatchObject({ code: 'client_id_missing' });
    await bare.dispose();
  });

  it('explains an account that is not on the Spotify app’s allowlist and stores nothing', async () => {
    await fake.control.injectFault({ kind: 'not_allowlisted', pathPrefix: '/v1/me', count: 1 });
    subject.logins.push({ user: user(fake, 0) });
    await expect(subject.core.addAccount()).rejects.toMatchObject({ code: 'not_allowlisted' });
    expect(subject.core.registry.list()).toHaveLength(0);
    expect(await store.list()).toEqual([]);
  });
});

describe('using accounts', () => {
  beforeEach(async () => {
    subject.logins.push({ user: user(fake, 0) }, { user: user(fake, 1) });
    await subject.core.addAccount();
    await subject.core.addAccount();
  });

  it('fetches each account’s own profile and saved tracks', async () => {
    const [a, b] = [user(fake, 0), user(fake, 1)];
    const profileA = await subject.core.fetchProfile(a.accountId);
    const profileB = await subject.core.fetchProfile(b.accountId);
    expect(profileA.spotifyUserId).toBe(a.id);
    expect(profileB.spotifyUserId).toBe(b.id);

    const pageA = await subject.core.savedTracksPage(a.accountId, { offset: 0 });
    const pageB = await subject.core.savedTracksPage(b.accountId, { offset: 0 });
    expect(pageA.items).toHaveLength(50);
    expect(pageA.total).toBe(120);
    const idsA = new Set(await fake.control.savedTrackIds(a.id));
    expect(pageA.items.filter((t) => t.id !== null).every((t) => idsA.has(t.id as string))).toBe(
      true,
    );
    expect(pageB.items.map((t) => t.uri)).not.toEqual(pageA.items.map((t) => t.uri));
  });

  it('marks a revoked account "needs sign-in", drops its tokens, and a new login restores it', async () => {
    const b = user(fake, 1);
    await fake.control.revokeUser(b.id);
    await fake.control.expireAccessTokens(b.id);

    await expect(subject.core.fetchProfile(b.accountId)).rejects.toMatchObject({
      code: 'needs_sign_in',
    });
    expect(subject.core.registry.require(b.accountId).status).toBe('needs_sign_in');
    expect(await store.get(b.accountId)).toBeNull();
    await expect(subject.core.fetchProfile(b.accountId)).rejects.toMatchObject({
      code: 'needs_sign_in',
    });

    subject.logins.push({ user: b });
    await subject.core.addAccount();
    expect(subject.core.registry.require(b.accountId).status).toBe('ok');
    expect((await subject.core.fetchProfile(b.accountId)).spotifyUserId).toBe(b.id);
  });

  it('refreshes each account with the Client ID it signed in with, after the settings change', async () => {
    const a = user(fake, 0);
    await subject.core.settings.update({ clientId: 'ffffffffffffffffffffffffffffffff' });
    await fake.control.expireAccessTokens();
    await subject.core.close();
    const restarted = await subject.reopen();
    expect((await restarted.fetchProfile(a.accountId)).spotifyUserId).toBe(a.id);
    expect((await fake.control.requestCounts()).byPath['POST /api/token']).toBeGreaterThan(0);
  });

  it('marks an account "not allowlisted" on a 403 and "ok" once calls work again', async () => {
    const a = user(fake, 0);
    await fake.control.injectFault({ kind: 'not_allowlisted', pathPrefix: '/v1/me', count: 1 });
    await expect(subject.core.fetchProfile(a.accountId)).rejects.toMatchObject({
      code: 'not_allowlisted',
    });
    expect(subject.core.registry.require(a.accountId).status).toBe('not_allowlisted');
    await subject.core.fetchProfile(a.accountId);
    expect(subject.core.registry.require(a.accountId).status).toBe('ok');
  });

  it('removes an account: its tokens, its row and its files are gone', async () => {
    const a = user(fake, 0);
    await subject.core.removeAccount(a.accountId);
    expect(subject.core.registry.list().map((x) => x.id)).toEqual([user(fake, 1).accountId]);
    expect(await store.get(a.accountId)).toBeNull();
    const files = await readdir(subject.dataDir, { recursive: true });
    for (const file of files) {
      const text = await readFile(path.join(subject.dataDir, file), 'utf8').catch(() => '');
      expect(text).not.toContain(a.accountId);
    }
    await expect(subject.core.fetchProfile(a.accountId)).rejects.toMatchObject({
      code: 'account_not_found',
    });
  });

  it('removes an account’s cache folder with everything in it', async () => {
    const a = user(fake, 0);
    await subject.core.syncLibrary(a.accountId);
    const cacheDir = path.join(subject.dataDir, 'cache', a.accountId);
    await mkdir(path.join(cacheDir, 'covers'), { recursive: true });
    await writeFile(path.join(cacheDir, 'covers', 'x'), 'x');

    await subject.core.removeAccount(a.accountId);

    await expect(access(cacheDir)).rejects.toMatchObject({ code: 'ENOENT' });
    expect(subject.core.registry.find(a.accountId)).toBeUndefined();
  });

  it('removes an account’s picture from the image cache, and keeps the other accounts’', async () => {
    const avatarOf = (accountId: string) => {
      const imageUrl = subject.core.registry.require(accountId).profile?.imageUrl;
      if (imageUrl === null || imageUrl === undefined) throw new Error('a seeded avatar expected');
      return imageUrl;
    };
    // User 1 has no picture; user 2's is on Facebook's host.
    subject.logins.push({ user: user(fake, 2) });
    await subject.core.addAccount();
    const a = user(fake, 0);
    const b = user(fake, 2);
    const [avatarA, avatarB] = [avatarOf(a.accountId), avatarOf(b.accountId)];
    await subject.core.images.get(avatarA);
    await subject.core.images.get(avatarB);
    const imagesDir = path.join(subject.dataDir, 'images');
    const fileOf = (url: string) => createHash('sha256').update(url).digest('hex');
    expect((await readdir(imagesDir)).sort()).toEqual([fileOf(avatarA), fileOf(avatarB)].sort());

    await subject.core.removeAccount(a.accountId);

    // Deleted in the background (a download of it could be queued behind covers).
    await vi.waitFor(async () => expect(await readdir(imagesDir)).toEqual([fileOf(avatarB)]));
  });

  it('writes no token to any file in the data directory', async () => {
    await subject.core.fetchProfile(user(fake, 0).accountId);
    const secrets = (await store.list()).flatMap((entry) => {
      const tokens = JSON.parse(entry.value) as { accessToken: string; refreshToken: string };
      return [tokens.accessToken, tokens.refreshToken];
    });
    expect(secrets.length).toBeGreaterThan(0);
    const files = await readdir(subject.dataDir, { recursive: true });
    for (const file of files) {
      const text = await readFile(path.join(subject.dataDir, file), 'utf8').catch(() => '');
      for (const secret of secrets) expect(text).not.toContain(secret);
    }
  });
});

describe('repairs at start', () => {
  it('explains a settings file and an account list that had to be set aside', async () => {
    subject.logins.push({ user: user(fake, 0) });
    await subject.core.addAccount();
    await subject.core.close();
    await writeFile(path.join(subject.dataDir, 'settings.json'), '{"version":1,"data":{');
    await writeFile(path.join(subject.dataDir, 'accounts.json'), 'not json at all');

    const reopened = await subject.reopen();
    const notices = reopened.startupNotices;
    expect(notices).toHaveLength(2);
    expect(notices[0]).toMatch(
      /^Your settings file could not be read, so it was set aside as settings\.json\.corrupt-/,
    );
    expect(notices[1]).toMatch(
      /account list file could not be read.*1 account came back from the keychain/,
    );
    expect(reopened.registry.list().map((a) => a.id)).toEqual([user(fake, 0).accountId]);
  });

  it('has nothing to say after a clean start', async () => {
    expect(subject.core.startupNotices).toEqual([]);
  });
});
