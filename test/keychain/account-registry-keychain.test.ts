// The account registry on the real keychain across a restart: rows from accounts.json, tokens from
// the Secret Service, nothing else carried over.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AccountRegistry } from '../../electron/core/accounts/account-registry.js';
import type { TokenSet } from '../../electron/core/auth/token-set.js';
import { createKeytarSecretStore } from '../../electron/core/vault/keytar-secret-store.js';
import { TokenVault } from '../../electron/core/vault/token-vault.js';
import { assertPrivateTestKeychain, testServiceName } from './private-keychain-session.js';

assertPrivateTestKeychain();

const serviceName = testServiceName('account-registry');
let dataDir: string;

async function clearService() {
  const store = createKeytarSecretStore(serviceName);
  for (const entry of await store.list()) await store.delete(entry.account);
}

/** What the app does at start: a fresh store, vault and registry over the same folder. */
async function startApp() {
  const vault = await TokenVault.open({
    store: createKeytarSecretStore(serviceName),
    log: () => {},
  });
  return { vault, registry: await AccountRegistry.open({ dataDir, vault }) };
}

function tokens(key: string): TokenSet {
  return {
    accessToken: `access-${key}`,
    refreshToken: `refresh-${key}`,
    expiresAt: Date.now() + 3_600_000,
    scope: 'user-library-read user-read-private',
    authorizedAt: Date.now(),
  };
}

beforeEach(async () => {
  await clearService();
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'registry-keychain-'));
});
afterEach(() => rm(dataDir, { recursive: true, force: true }));
afterAll(clearService);

describe('AccountRegistry on the real keychain', () => {
  it('has both accounts and their tokens after a restart', async () => {
    const first = await startApp();
    for (const key of ['acct-home', 'acct-work']) {
      await first.registry.addFromLogin({
        key,
        spotifyUserId: `user-${key}`,
        profile: { displayName: key, imageUrl: null, profileUrl: null },
        tokens: tokens(key),
      });
    }
    await first.registry.rename('acct-work', 'Work');
    const onDisk = await readFile(path.join(dataDir, 'accounts.json'), 'utf8');
    expect(onDisk).not.toMatch(/access-|refresh-/);

    const restarted = await startApp();
    expect(restarted.vault.status).toEqual({ state: 'available' });
    expect(restarted.registry.notices).toEqual([]);
    expect(
      restarted.registry.list().map((a) => ({ id: a.id, nickname: a.nickname, status: a.status })),
    ).toEqual([
      { id: 'acct-home', nickname: null, status: 'ok' },
      { id: 'acct-work', nickname: 'Work', status: 'ok' },
    ]);
    expect((await restarted.vault.read('acct-home'))?.refreshToken).toBe('refresh-acct-home');
    expect((await restarted.vault.read('acct-work'))?.refreshToken).toBe('refresh-acct-work');
  });
});
