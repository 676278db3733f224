// The token vault on a real Secret Service (a throwaway gnome-keyring in a private D-Bus session).
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { TokenSet } from '../../electron/core/auth/token-set.js';
import { createKeytarSecretStore } from '../../electron/core/vault/keytar-secret-store.js';
import { TokenVault } from '../../electron/core/vault/token-vault.js';
import { assertPrivateTestKeychain, testServiceName } from './private-keychain-session.js';

assertPrivateTestKeychain();

const store = createKeytarSecretStore(testServiceName('token-vault'));

async function clearService() {
  for (const entry of await store.list()) await store.delete(entry.account);
}

function tokens(n: number): TokenSet {
  return {
    accessToken: `access-${n}`,
    refreshToken: `refresh-${n}`,
    expiresAt: 1_800_000_000_000 + n,
    scope: 'user-library-read',
    authorizedAt: 1_790_000_000_000,
  };
}

const openVault = () => TokenVault.open({ store, log: () => {} });

beforeEach(clearService);
afterAll(clearService);

describe('TokenVault on the real keychain', () => {
  it('finds the keychain available and leaves no probe entry behind', async () => {
    const vault = await openVault();
    expect(vault.status).toEqual({ state: 'available' });
    expect(await store.list()).toEqual([]);
  });

  it('round-trips tokens through the keychain, visible to a second vault', async () => {
    await (await openVault()).write('acct-1', tokens(1));
    expect(JSON.parse((await store.get('acct-1')) ?? 'null')).toEqual(tokens(1));
    expect(await (await openVault()).read('acct-1')).toEqual(tokens(1));
  });

  it('replaces tokens on update', async () => {
    const vault = await openVault();
    await vault.write('acct-1', tokens(1));
    await vault.write('acct-1', tokens(2));
    expect(await vault.read('acct-1')).toEqual(tokens(2));
    expect(await store.list()).toHaveLength(1);
  });

  it('deletes an entry from the keychain', async () => {
    const vault = await openVault();
    await vault.write('acct-1', tokens(1));
    expect(await vault.remove('acct-1')).toBe(true);
    expect(await store.get('acct-1')).toBeNull();
    expect(await vault.read('acct-1')).toBeNull();
    expect(await vault.remove('acct-1')).toBe(false);
  });

  it('lists the keys of every stored account', async () => {
    const vault = await openVault();
    await vault.write('acct-b', tokens(2));
    await vault.write('acct-a', tokens(1));
    expect(await vault.keys()).toEqual(['acct-a', 'acct-b']);
  });

  it('serialises 20 concurrent writes to one key: the last wins, intact', async () => {
    const vault = await openVault();
    const writes = Array.from({ length: 20 }, (_, i) => vault.write('acct-1', tokens(i)));
    const readAfterLast = writes.at(-1)?.then(() => vault.read('acct-1'));
    await Promise.all(writes);
    expect(await readAfterLast).toEqual(tokens(19));
    expect(JSON.parse((await store.get('acct-1')) ?? 'null')).toEqual(tokens(19));
  });

  it('serialises 20 concurrent read-modify-write updates of one key: none is lost', async () => {
    const vault = await openVault();
    await vault.write('acct-1', tokens(0));
    await Promise.all(
      Array.from({ length: 20 }, () =>
        vault.update('acct-1', (current) => ({
          ...tokens(0),
          expiresAt: (current?.expiresAt ?? 0) + 1,
        })),
      ),
    );
    expect((await vault.read('acct-1'))?.expiresAt).toBe(tokens(0).expiresAt + 20);
  });

  it('reports a damaged keychain entry as keychain_entry_corrupt', async () => {
    await store.set('acct-1', '{"accessToken":');
    const vault = await openVault();
    await expect(vault.read('acct-1')).rejects.toMatchObject({
      code: 'keychain_entry_corrupt',
      reason: 'entry_corrupt',
    });
    expect(vault.status.state).toBe('available');
  });
});
