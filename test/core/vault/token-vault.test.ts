// The vault's own rules, over an in-memory store; the real keychain (and each way it fails) is
// covered by test/keychain.
import { describe, expect, it } from 'vitest';
import type { TokenSet } from '../../../electron/core/auth/token-set.js';
import { KeychainError } from '../../../electron/core/vault/keychain-error.js';
import { MemorySecretStore } from '../../../electron/core/vault/memory-secret-store.js';
import { TokenVault } from '../../../electron/core/vault/token-vault.js';
import { LockableSecretStore } from './lockable-secret-store.js';

const tokens: TokenSet = {
  accessToken: 'access-secret-1',
  refreshToken: 'refresh-secret-1',
  expiresAt: 1_800_000_000_000,
  scope: 'user-library-read user-read-private',
  authorizedAt: 1_790_000_000_000,
};

async function openVault(store = new MemorySecretStore()) {
  return { store, vault: await TokenVault.open({ store, log: () => {} }) };
}

describe('TokenVault over a working store', () => {
  it('is available, and leaves no probe entry behind after opening', async () => {
    const { store, vault } = await openVault();
    expect(vault.status).toEqual({ state: 'available' });
    expect(await store.list()).toEqual([]);
  });

  it('stores tokens as the JSON the keychain holds and reads them back', async () => {
    const { store, vault } = await openVault();
    await vault.write('acct-1', tokens);
    expect(JSON.parse((await store.get('acct-1')) ?? 'null')).toEqual(tokens);
    expect(await vault.read('acct-1')).toEqual(tokens);
    expect(await vault.read('acct-2')).toBeNull();
    expect(await vault.keys()).toEqual(['acct-1']);
  });

  it('removes an entry and says whether there was one', async () => {
    const { vault } = await openVault();
    await vault.write('acct-1', tokens);
    expect(await vault.remove('acct-1')).toBe(true);
    expect(await vault.remove('acct-1')).toBe(false);
    expect(await vault.read('acct-1')).toBeNull();
  });

  it('reports a damaged entry as keychain_entry_corrupt without echoing its content', async () => {
    const store = new MemorySecretStore();
    const { vault } = await openVault(store);
    await store.set('not-json', '{"refreshToken":"leaked-secret"');
    await store.set('wrong-shape', JSON.stringify({ ...tokens, expiresAt: 'soon' }));
    for (const key of ['not-json', 'wrong-shape']) {
      const error = await vault.read(key).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(KeychainError);
      expect((error as KeychainError).code).toBe('keychain_entry_corrupt');
      expect((error as KeychainError).message).not.toMatch(/secret/);
    }
    const wrongShape = (await vault.read('wrong-shape').catch((e: unknown) => e)) as Error;
    expect(wrongShape.message).toContain('expiresAt');
  });

  it('rejects keys that could collide with its own entries or are empty', async () => {
    const { vault } = await openVault();
    for (const key of ['', '.availability-probe', 'x'.repeat(256)]) {
      await expect(vault.write(key, tokens)).rejects.toMatchObject({ code: 'invalid_vault_key' });
      await expect(vault.read(key)).rejects.toMatchObject({ code: 'invalid_vault_key' });
    }
  });

  it('refuses to store an incomplete token set, naming fields but not values', async () => {
    const { vault } = await openVault();
    const broken = { ...tokens, refreshToken: '' };
    const error = await vault.write('acct-1', broken).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'invalid_token_set' });
    expect((error as Error).message).toContain('refreshToken');
    expect((error as Error).message).not.toContain('access-secret-1');
    expect(await vault.keys()).toEqual([]);
  });

  it('applies concurrent writes to one key in call order', async () => {
    const { vault } = await openVault();
    const writes = Array.from({ length: 20 }, (_, i) =>
      vault.write('acct-1', { ...tokens, accessToken: `access-${i}` }),
    );
    const readAfterLast = writes.at(-1)?.then(() => vault.read('acct-1'));
    await Promise.all(writes);
    expect((await readAfterLast)?.accessToken).toBe('access-19');
  });

  it('runs concurrent read-modify-write updates of one key one after another', async () => {
    const { vault } = await openVault();
    await vault.write('acct-1', { ...tokens, expiresAt: 0 });
    await Promise.all(
      Array.from({ length: 20 }, () =>
        vault.update('acct-1', async (current) => {
          await new Promise((resolve) => setTimeout(resolve, 1));
          return { ...tokens, expiresAt: (current?.expiresAt ?? 0) + 1 };
        }),
      ),
    );
    expect((await vault.read('acct-1'))?.expiresAt).toBe(20);
  });

  it('leaves the entry as it was when an update gives up', async () => {
    const { vault } = await openVault();
    await vault.write('acct-1', tokens);
    await expect(
      vault.update('acct-1', () => {
        throw new Error('refresh failed');
      }),
    ).rejects.toThrow('refresh failed');
    expect(await vault.read('acct-1')).toEqual(tokens);
  });

  it('keeps the stored refresh token when a refresh brings none', async () => {
    const { vault } = await openVault();
    await vault.write('acct-1', tokens);
    const refreshed = { accessToken: 'access-2', expiresAt: 1_800_003_600_000, scope: 'a b' };
    expect(await vault.applyRefresh('acct-1', refreshed)).toEqual({
      ...tokens,
      ...refreshed,
      refreshToken: 'refresh-secret-1',
    });
    expect((await vault.read('acct-1'))?.refreshToken).toBe('refresh-secret-1');
  });

  it('stores a rotated refresh token when a refresh brings one', async () => {
    const { vault } = await openVault();
    await vault.write('acct-1', tokens);
    await vault.applyRefresh('acct-1', {
      accessToken: 'access-2',
      expiresAt: 1_800_003_600_000,
      scope: tokens.scope,
      refreshToken: 'refresh-rotated',
    });
    expect(await vault.read('acct-1')).toMatchObject({
      accessToken: 'access-2',
      refreshToken: 'refresh-rotated',
      authorizedAt: tokens.authorizedAt,
    });
  });

  it('refuses to apply a refresh to an account with no stored tokens', async () => {
    const { vault } = await openVault();
    await expect(
      vault.applyRefresh('acct-1', { accessToken: 'a', expiresAt: 1, scope: '' }),
    ).rejects.toMatchObject({ code: 'vault_entry_missing' });
    expect(await vault.keys()).toEqual([]);
  });
});

describe('TokenVault when the keychain gets locked during the run', () => {
  it('keeps serving tokens it read or wrote before, and keeps new ones in memory', async () => {
    const store = new LockableSecretStore();
    await store.entries.set('acct-old', JSON.stringify(tokens));
    const logs: string[] = [];
    const vault = await TokenVault.open({ store, log: (m) => logs.push(m) });
    expect(await vault.read('acct-old')).toEqual(tokens);
    await vault.write('acct-new', tokens);

    store.locked = true;
    expect(await vault.read('acct-old')).toEqual(tokens);
    expect(await vault.read('acct-new')).toEqual(tokens);
    expect(vault.status.state).toBe('available');

    const statuses: string[] = [];
    vault.onDidChangeStatus((status) => statuses.push(status.state));
    const refreshed = { ...tokens, accessToken: 'access-secret-2' };
    await vault.write('acct-old', refreshed);
    expect(vault.status).toMatchObject({ state: 'unavailable', reason: 'locked' });
    expect(statuses).toEqual(['unavailable']);
    expect(await vault.read('acct-old')).toEqual(refreshed);
    expect(logs).toEqual([expect.stringContaining('in memory for this run only')]);

    // Nothing reached the (locked) keychain, and nothing of the tokens reached the log.
    store.locked = false;
    expect(JSON.parse((await store.entries.get('acct-old')) ?? 'null')).toEqual(tokens);
    expect(logs.join('')).not.toContain('secret');
  });

  it('throws when a removal cannot reach the locked keychain, so the caller can retry', async () => {
    const store = new LockableSecretStore();
    const vault = await TokenVault.open({ store, log: () => {} });
    await vault.write('acct-1', tokens);
    store.locked = true;
    await expect(vault.remove('acct-1')).rejects.toMatchObject({
      code: 'keychain_locked',
      reason: 'locked',
    });
  });
});
