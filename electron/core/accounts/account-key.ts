// The rules for an account's key (Spotify `account_id`, or `id` when absent) and the per-account
// cache folder named after it. The key becomes a folder name and a keychain entry name, so it is
// restricted to characters safe on every file system and may not start with a dot.
import path from 'node:path';
import { AccountError } from './account-error.js';

const keyPattern = /^[A-Za-z0-9][A-Za-z0-9._~+@-]{0,199}$/;

export function isAccountKey(value: unknown): value is string {
  return typeof value === 'string' && keyPattern.test(value);
}

export function assertAccountKey(value: unknown): asserts value is string {
  if (!isAccountKey(value)) {
    throw new AccountError(
      'invalid_account_key',
      'An account key must be 1–200 letters, digits or . _ ~ + @ - and start with a letter or digit.',
    );
  }
}

/** `<dataDir>/cache/<key>/`: everything cached for one account, removed with the account. */
export function accountCacheDir(dataDir: string, key: string): string {
  assertAccountKey(key);
  return path.join(dataDir, 'cache', key);
}
