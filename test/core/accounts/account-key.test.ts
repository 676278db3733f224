import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { accountCacheDir, isAccountKey } from '../../../electron/core/accounts/account-key.js';

describe('account keys', () => {
  it('accepts Spotify ids and legacy user names', () => {
    for (const key of ['31l4xy6ijqzmyrogkbvxmr5mfvgq', 'wizzler', 'john.smith_92', '1234567890']) {
      expect(isAccountKey(key)).toBe(true);
    }
  });

  it('rejects anything that could escape the cache folder or hide as a dotfile', () => {
    for (const key of ['', '.', '..', '../x', 'a/b', 'a\\b', '.probe', 'a b', 'x'.repeat(201), 3]) {
      expect(isAccountKey(key)).toBe(false);
    }
  });

  it('places the cache of an account under <dataDir>/cache/<key>', () => {
    expect(accountCacheDir('/data', 'acct-1')).toBe(path.join('/data', 'cache', 'acct-1'));
    expect(() => accountCacheDir('/data', '../etc')).toThrow(
      expect.objectContaining({ code: 'invalid_account_key' }),
    );
  });
});
