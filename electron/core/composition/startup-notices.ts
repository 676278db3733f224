// Turns what the stores had to repair while opening into sentences a person can read in the app:
// a settings or account file that was unreadable and set aside, accounts rebuilt from the
// keychain. Paths are named so a person (or support) can find the set-aside copy; no content is.
import path from 'node:path';
import type { AccountsNotice } from '../accounts/account-registry.js';
import type { StorageNotice } from '../storage/storage-notice.js';

export function describeStorageNotice(notice: StorageNotice, what: string): string {
  const reason =
    notice.code === 'file_unsupported_version'
      ? 'was written by a newer version of the app'
      : 'could not be read';
  return `Your ${what} file ${reason}, so it was set aside as ${path.basename(notice.setAsidePath)}.`;
}

export function describeAccountsNotice(notice: AccountsNotice): string {
  const restored = notice.restoredAccounts;
  const accounts = `${restored} account${restored === 1 ? '' : 's'}`;
  const lead = notice.setAside
    ? `${describeStorageNotice(notice.setAside, 'account list')} `
    : 'Some accounts were missing from the account list. ';
  return restored > 0
    ? `${lead}${accounts} came back from the keychain; nicknames and colours may need setting again.`
    : `${lead}No account could be recovered from the keychain.`;
}
