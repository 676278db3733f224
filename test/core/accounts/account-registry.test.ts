// The account list on a real temporary data directory with an in-memory vault: rows and tokens kept
// in step, concurrent logins, removal that leaves nothing, edits with specific errors, and every
// kind of damaged accounts file rebuilt from the vault.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  AccountRegistry,
  type AccountsSnapshot,
  type LoginResult,
} from '../../../electron/core/accounts/account-registry.js';
import type { TokenSet } from '../../../electron/core/auth/token-set.js';
import type { Clock } from '../../../electron/core/clock.js';
import { TokenVault } from '../../../electron/core/vault/token-vault.js';
import { LockableSecretStore } from '../vault/lockable-secret-store.js';

const now = Date.UTC(2026, 10, 26, 9, 0, 0);
const clock: Clock = { now: () => now };
const day = 24 * 60 * 60 * 1000;

function tokensFor(key: string, suffix = '1'): TokenSet {
  return {
    accessToken: `access-${key}-${suffix}`,
    refreshToken: `refresh-${key}-${suffix}`,
    expiresAt: now + 3600_000,
    scope: 'user-library-read user-read-private',
    authorizedAt: now - 10 * day,
  };
}

function login(key: string, suffix = '1'): LoginResult {
  return {
    key,
    spotifyUserId: `user-${key}`,
    profile: {
      displayName: `Name ${key} ${suffix}`,
      imageUrl: `https://i.scdn.co/image/${key}`,
      profileUrl: `https://open.spotify.com/user/${key}`,
    },
    tokens: tokensFor(key, suffix),
  };
}

let dataDir: string;
let store: LockableSecretStore;

async function openRegistry() {
  const vault = await TokenVault.open({ store, log: () => {} });
  const registry = await AccountRegistry.open({ dataDir, vault, clock });
  return { vault, registry };
}

const accountsFile = () => path.join(dataDir, 'accounts.json');

beforeEach(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'account-registry-'));
  store = new LockableSecretStore();
});

afterEach(async () => {
  await fs.rm(dataDir, { recursive: true, force: true });
});

describe('AccountRegistry.addFromLogin', () => {
  it('stores the tokens in the vault and a token-free row in accounts.json', async () => {
    const { vault, registry } = await openRegistry();
    const changes: AccountsSnapshot[] = [];
    registry.onDidChange((snapshot) => changes.push(snapshot));

    const account = await registry.addFromLogin(login('acct-a'));

    expect(account).toMatchObject({
      id: 'acct-a',
      spotifyUserId: 'user-acct-a',
      nickname: null,
      color: 'green',
      order: 0,
      profile: { displayName: 'Name acct-a 1' },
      authorizedAt: now - 10 * day,
      status: 'ok',
      lastSyncedAt: null,
    });
    expect(await vault.read('acct-a')).toEqual(tokensFor('acct-a'));
    expect(registry.activeAccountId).toBe('acct-a');
    expect(changes).toHaveLength(1);
    expect(changes[0]?.accounts.map((a) => a.id)).toEqual(['acct-a']);
    const onDisk = await fs.readFile(accountsFile(), 'utf8');
    expect(onDisk).toContain('acct-a');
    expect(onDisk).not.toMatch(/access-|refresh-/);
  });

  it('updates tokens and profile of the same account in place: one row, edits kept', async () => {
    const { vault, registry } = await openRegistry();
    await registry.addFromLogin(login('acct-a'));
    await registry.addFromLogin(login('acct-b'));
    await registry.rename('acct-a', 'Work');
    await registry.recolour('acct-a', 'teal');

    await registry.addFromLogin(login('acct-a', '2'));

    expect(registry.list().map((a) => a.id)).toEqual(['acct-a', 'acct-b']);
    expect(registry.require('acct-a')).toMatchObject({
      nickname: 'Work',
      color: 'teal',
      order: 0,
      profile: { displayName: 'Name acct-a 2' },
    });
    expect((await vault.read('acct-a'))?.refreshToken).toBe('refresh-acct-a-2');
  });

  it('keeps the file whole and every account once when logins finish at the same time', async () => {
    const { vault, registry } = await openRegistry();
    const keys = Array.from({ length: 8 }, (_, i) => `acct-${i}`);
    await Promise.all([
      ...keys.map((key) => registry.addFromLogin(login(key))),
      registry.addFromLogin(login('acct-0', 'again')),
    ]);

    const reopened = await AccountRegistry.open({ dataDir, vault, clock });
    const accounts = reopened.list();
    expect(accounts.map((a) => a.id).sort()).toEqual(keys);
    expect(accounts.map((a) => a.order)).toEqual(keys.map((_, i) => i));
    expect(reopened.notices).toEqual([]);
    expect((await vault.read('acct-0'))?.refreshToken).toBe('refresh-acct-0-again');
  });

  it('adds no row when the tokens cannot be stored', async () => {
    const { registry } = await openRegistry();
    const broken = { ...login('acct-a'), tokens: { ...tokensFor('acct-a'), refreshToken: '' } };
    await expect(registry.addFromLogin(broken)).rejects.toMatchObject({
      code: 'invalid_token_set',
    });
    expect(registry.list()).toEqual([]);
  });

  it('rejects a key that is unsafe as a folder or keychain name', async () => {
    const { registry } = await openRegistry();
    for (const key of ['', '..', '../escape', 'a/b', '.hidden', 'x'.repeat(201)]) {
      await expect(registry.addFromLogin(login(key))).rejects.toMatchObject({
        code: 'invalid_account_key',
      });
    }
    expect(await store.list()).toEqual([]);
  });

  it('rejects a login without a user id or with a malformed profile', async () => {
    const { registry } = await openRegistry();
    await expect(
      registry.addFromLogin({ ...login('acct-a'), spotifyUserId: '' }),
    ).rejects.toMatchObject({ code: 'invalid_account_profile' });
    await expect(
      registry.addFromLogin({
        ...login('acct-a'),
        profile: { displayName: 42 } as unknown as LoginResult['profile'],
      }),
    ).rejects.toMatchObject({ code: 'invalid_account_profile' });
    expect(registry.list()).toEqual([]);
  });
});

describe('AccountRegistry.remove', () => {
  it('removes the vault entry and the row, and moves the active account on', async () => {
    const { vault, registry } = await openRegistry();
    await registry.addFromLogin(login('acct-a'));
    await registry.addFromLogin(login('acct-b'));

    await registry.remove('acct-a');

    expect(await vault.keys()).toEqual(['acct-b']);
    expect(registry.list().map((a) => a.id)).toEqual(['acct-b']);
    expect(registry.activeAccountId).toBe('acct-b');
    expect(await fs.readFile(accountsFile(), 'utf8')).not.toContain('acct-a');
  });

  it('reports an unknown account as account_not_found and changes nothing', async () => {
    const { registry } = await openRegistry();
    await registry.addFromLogin(login('acct-a'));
    await expect(registry.remove('acct-z')).rejects.toMatchObject({ code: 'account_not_found' });
    expect(registry.list()).toHaveLength(1);
  });
});

describe('AccountRegistry edits', () => {
  it('renames, trims, and clears a blank nickname', async () => {
    const { registry } = await openRegistry();
    await registry.addFromLogin(login('acct-a'));
    expect((await registry.rename('acct-a', '  Family  ')).nickname).toBe('Family');
    expect((await registry.rename('acct-a', '   ')).nickname).toBeNull();
    await registry.rename('acct-a', 'Kept');
    expect((await openRegistry()).registry.require('acct-a').nickname).toBe('Kept');
  });

  it('rejects a nickname that is too long or spans lines', async () => {
    const { registry } = await openRegistry();
    await registry.addFromLogin(login('acct-a'));
    for (const nickname of ['x'.repeat(65), 'two\nlines', 7 as unknown as string]) {
      await expect(registry.rename('acct-a', nickname)).rejects.toMatchObject({
        code: 'invalid_nickname',
      });
    }
  });

  it('recolours only with palette colours', async () => {
    const { registry } = await openRegistry();
    await registry.addFromLogin(login('acct-a'));
    expect((await registry.recolour('acct-a', 'purple')).color).toBe('purple');
    await expect(
      registry.recolour('acct-a', '#ff0000' as unknown as 'purple'),
    ).rejects.toMatchObject({ code: 'invalid_colour' });
  });

  it('gives new accounts the colours nobody uses yet', async () => {
    const { registry } = await openRegistry();
    await registry.addFromLogin(login('acct-a'));
    await registry.recolour('acct-a', 'blue');
    await registry.addFromLogin(login('acct-b'));
    await registry.addFromLogin(login('acct-c'));
    expect(registry.list().map((a) => a.color)).toEqual(['blue', 'green', 'purple']);
  });

  it('reorders with a permutation of all ids and rejects anything else', async () => {
    const { registry } = await openRegistry();
    for (const key of ['acct-a', 'acct-b', 'acct-c']) await registry.addFromLogin(login(key));

    await registry.reorder(['acct-c', 'acct-a', 'acct-b']);
    expect(registry.list().map((a) => a.id)).toEqual(['acct-c', 'acct-a', 'acct-b']);

    await expect(registry.reorder(['acct-c', 'acct-a'])).rejects.toMatchObject({
      code: 'invalid_account_order',
    });
    await expect(registry.reorder(['acct-c', 'acct-a', 'acct-a'])).rejects.toMatchObject({
      code: 'invalid_account_order',
    });
    await expect(registry.reorder(['acct-c', 'acct-a', 'acct-z'])).rejects.toMatchObject({
      code: 'account_not_found',
    });
    expect((await openRegistry()).registry.list().map((a) => a.id)).toEqual([
      'acct-c',
      'acct-a',
      'acct-b',
    ]);
  });

  it('sets the active account, or none, and rejects unknown ids', async () => {
    const { registry } = await openRegistry();
    await registry.addFromLogin(login('acct-a'));
    await registry.addFromLogin(login('acct-b'));
    await registry.setActive('acct-b');
    expect((await openRegistry()).registry.activeAccountId).toBe('acct-b');
    await registry.setActive(null);
    expect(registry.activeAccountId).toBeNull();
    await expect(registry.setActive('acct-z')).rejects.toMatchObject({ code: 'account_not_found' });
    await expect(registry.rename('acct-z', 'x')).rejects.toMatchObject({
      code: 'account_not_found',
    });
    await expect(registry.recolour('acct-z', 'red')).rejects.toMatchObject({
      code: 'account_not_found',
    });
  });

  it('records status, sync time and a fetched profile', async () => {
    const { registry } = await openRegistry();
    await registry.addFromLogin(login('acct-a'));
    await registry.setStatus('acct-a', 'not_allowlisted');
    await registry.markSynced('acct-a', now - 1000);
    await registry.updateProfile('acct-a', 'user-new', {
      displayName: 'Renamed on Spotify',
      imageUrl: null,
      profileUrl: null,
    });
    expect((await openRegistry()).registry.require('acct-a')).toMatchObject({
      status: 'not_allowlisted',
      lastSyncedAt: now - 1000,
      spotifyUserId: 'user-new',
      profile: { displayName: 'Renamed on Spotify' },
    });
    await expect(registry.setStatus('acct-a', 'fine' as unknown as 'ok')).rejects.toMatchObject({
      code: 'invalid_account_status',
    });
  });
});

describe('AccountRegistry sign-in expiry', () => {
  it('shows the days left, and needs_sign_in once six calendar months have passed', async () => {
    const { registry } = await openRegistry();
    await registry.addFromLogin(login('acct-a'));
    const old = {
      ...login('acct-b'),
      tokens: { ...tokensFor('acct-b'), authorizedAt: Date.UTC(2026, 4, 25) },
    };
    await registry.addFromLogin(old);
    // 2026-05-25 + 6 months = 2026-11-25, a day before `now`.
    expect(registry.require('acct-b')).toMatchObject({
      status: 'needs_sign_in',
      signInExpiresInDays: -2,
    });
    expect(registry.require('acct-a')).toMatchObject({ status: 'ok' });
    expect(registry.require('acct-a').signInExpiresInDays).toBeGreaterThan(160);
  });
});

describe('AccountRegistry with a damaged accounts file', () => {
  async function twoAccountsThen(damage: (file: string) => Promise<void>) {
    const { registry } = await openRegistry();
    await registry.addFromLogin(login('acct-a'));
    await registry.addFromLogin(login('acct-b'));
    await damage(accountsFile());
    return openRegistry();
  }

  async function expectRebuilt(registry: AccountRegistry, vault: TokenVault, code: string) {
    expect(registry.notices).toEqual([
      {
        code: 'accounts_rebuilt_from_keychain',
        setAside: expect.objectContaining({ code, file: accountsFile() }),
        restoredAccounts: 2,
      },
    ]);
    const setAside = registry.notices[0]?.setAside?.setAsidePath ?? '';
    expect(path.basename(setAside)).toMatch(/^accounts\.json\.corrupt-/);
    await expect(fs.access(setAside)).resolves.toBeUndefined();
    expect(registry.list()).toEqual([
      expect.objectContaining({ id: 'acct-a', profile: null, spotifyUserId: null, status: 'ok' }),
      expect.objectContaining({ id: 'acct-b', profile: null, spotifyUserId: null, status: 'ok' }),
    ]);
    expect(registry.require('acct-a').authorizedAt).toBe(now - 10 * day);
    expect(await vault.read('acct-a')).toEqual(tokensFor('acct-a'));
    expect(await vault.read('acct-b')).toEqual(tokensFor('acct-b'));
    // The rebuilt list is written back: the next start sees it without a notice.
    expect((await openRegistry()).registry.notices).toEqual([]);
  }

  it('rebuilds from the vault after garbage, setting the file aside', async () => {
    const { registry, vault } = await twoAccountsThen((file) =>
      fs.writeFile(file, '\u0000\u0000garbage'),
    );
    await expectRebuilt(registry, vault, 'file_corrupt');
  });

  it('rebuilds from the vault after a half-written file', async () => {
    const { registry, vault } = await twoAccountsThen(async (file) => {
      const text = await fs.readFile(file, 'utf8');
      await fs.writeFile(file, text.slice(0, Math.floor(text.length / 2)));
    });
    await expectRebuilt(registry, vault, 'file_corrupt');
  });

  it('rebuilds from the vault when the file comes from a newer version of the app', async () => {
    const { registry, vault } = await twoAccountsThen(async (file) => {
      const envelope = JSON.parse(await fs.readFile(file, 'utf8')) as { version: number };
      await fs.writeFile(file, JSON.stringify({ ...envelope, version: 99 }));
    });
    await expectRebuilt(registry, vault, 'file_unsupported_version');
  });

  it('marks a rebuilt account whose vault entry is damaged as needing sign-in', async () => {
    const { registry } = await openRegistry();
    await registry.addFromLogin(login('acct-a'));
    await store.entries.set('acct-a', 'not json');
    await fs.writeFile(accountsFile(), '{');
    const reopened = (await openRegistry()).registry;
    expect(reopened.require('acct-a')).toMatchObject({
      status: 'needs_sign_in',
      authorizedAt: null,
    });
  });

  it('restores a row for tokens stored just before a crash, with a notice', async () => {
    const { registry, vault } = await openRegistry();
    await registry.addFromLogin(login('acct-a'));
    await vault.write('acct-b', tokensFor('acct-b'));
    const reopened = (await openRegistry()).registry;
    expect(reopened.list().map((a) => a.id)).toEqual(['acct-a', 'acct-b']);
    expect(reopened.notices).toEqual([
      { code: 'accounts_rebuilt_from_keychain', setAside: null, restoredAccounts: 1 },
    ]);
  });

  it('marks accounts whose tokens are gone from the vault as needing sign-in', async () => {
    const { registry } = await openRegistry();
    await registry.addFromLogin(login('acct-a'));
    await store.entries.delete('acct-a');
    expect((await openRegistry()).registry.require('acct-a').status).toBe('needs_sign_in');
  });
});

describe('AccountRegistry with a locked keychain', () => {
  it('shows stored accounts as keychain_unavailable and keeps a new login in memory', async () => {
    await (await openRegistry()).registry.addFromLogin(login('acct-a'));
    store.locked = true;

    const { vault, registry } = await openRegistry();
    expect(vault.status).toMatchObject({ state: 'unavailable', reason: 'locked' });
    expect(registry.require('acct-a').status).toBe('keychain_unavailable');

    await registry.addFromLogin(login('acct-b'));
    expect(registry.require('acct-b').status).toBe('ok');
    expect(await vault.read('acct-b')).toEqual(tokensFor('acct-b'));
    expect(await store.entries.get('acct-b')).toBeNull();

    store.locked = false;
    const later = (await openRegistry()).registry;
    expect(later.require('acct-a').status).toBe('ok');
    // The in-memory tokens died with the run: the account must be signed in again.
    expect(later.require('acct-b').status).toBe('needs_sign_in');
  });

  it('deletes the keychain entry of an account removed while locked on a later start', async () => {
    await (await openRegistry()).registry.addFromLogin(login('acct-a'));
    store.locked = true;
    await (await openRegistry()).registry.remove('acct-a');
    expect(await store.entries.get('acct-a')).not.toBeNull();

    store.locked = false;
    const later = (await openRegistry()).registry;
    expect(later.list()).toEqual([]);
    expect(later.notices).toEqual([]);
    expect(await store.entries.list()).toEqual([]);
  });

  it('remembers a removal the keychain ignored because it was locked during the run', async () => {
    const { vault, registry } = await openRegistry();
    await registry.addFromLogin(login('acct-a'));
    store.locked = true;

    await registry.remove('acct-a');
    expect(registry.list()).toEqual([]);
    expect(vault.status).toMatchObject({ state: 'unavailable', reason: 'locked' });

    store.locked = false;
    const later = (await openRegistry()).registry;
    expect(later.list()).toEqual([]);
    expect(await store.entries.list()).toEqual([]);
  });
});
