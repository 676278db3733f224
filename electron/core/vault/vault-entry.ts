// How one account's TokenSet becomes a keychain entry and back: the rules for the entry's key,
// the JSON written (checked first, so nothing malformed is ever stored) and the check of what is
// read back, which another process or an older version of the app may have written.
import { AppError } from '../errors/app-error.js';
import type { TokenSet } from '../auth/token-set.js';
import { KeychainError } from './keychain-error.js';
import { describeTokenSetProblems, tokenSetSchema } from './token-set-schema.js';

export type TokenVaultErrorCode = 'invalid_vault_key' | 'invalid_token_set' | 'vault_entry_missing';

/** Keys starting with a dot are the vault's own (the probe); account keys never do. */
export const probeKey = '.availability-probe';

export function checkEntryKey(key: string): void {
  if (typeof key !== 'string' || key.length === 0 || key.length > 255 || key.startsWith('.')) {
    throw new AppError<TokenVaultErrorCode>(
      'invalid_vault_key',
      'An account key must be a non-empty string of at most 255 characters not starting with a dot.',
    );
  }
}

/** Validates before anything is stored; the error names fields, never values. */
export function serialiseEntry(tokens: TokenSet): string {
  const problems = describeTokenSetProblems(tokens);
  if (problems !== null) {
    throw new AppError<TokenVaultErrorCode>(
      'invalid_token_set',
      `Refusing to store tokens with bad fields: ${problems}`,
    );
  }
  return JSON.stringify(tokenSetSchema.parse(tokens));
}

/** @throws KeychainError `keychain_entry_corrupt` when `raw` is not a valid TokenSet. */
export function parseEntry(key: string, raw: string): TokenSet {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    value = undefined;
  }
  const parsed = tokenSetSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const fields = describeTokenSetProblems(value) ?? '(entry)';
  throw new KeychainError(
    'keychain_entry_corrupt',
    'entry_corrupt',
    `The keychain entry for account ${key} is damaged (${value === undefined ? 'not JSON' : `bad fields: ${fields}`}); sign in to this account again.`,
  );
}
