// Every keychain test file calls this first: it refuses to run unless scripts/with-test-keychain.sh
// started a throwaway keyring for it, so a test can never read or erase someone's real keychain.
import { keychainServiceName } from '../../electron/core/vault/keychain-service-name.js';

export function assertPrivateTestKeychain(): void {
  const marker = process.env.SPOTIFY_ACCOUNTS_TEST_KEYCHAIN;
  const allowed = process.platform === 'linux' ? ['private-session'] : ['private-session', 'os'];
  if (marker === undefined || !allowed.includes(marker)) {
    throw new Error(
      'Keychain tests must run inside a throwaway keyring: bash scripts/with-test-keychain.sh npx vitest run --project keychain',
    );
  }
}

/** A service of its own per test file, inside the test namespace. */
export function testServiceName(testFile: string): string {
  return keychainServiceName('test', testFile);
}
