// Brings the rows of accounts.json in line with the keychain when the app starts: deletes entries
// whose removal was postponed, recreates rows for entries that have none (a set-aside file, or a
// crash between storing tokens and writing the row), and gives each row the status its tokens
// allow. Works on the file's data only; the registry decides what to write and what to tell.
import type { Clock } from '../clock.js';
import type { TokenVault } from '../vault/token-vault.js';
import { isAccountKey } from './account-key.js';
import { statusAfter, statusAtStart } from './account-status.js';
import { appendRow, firstAccountId, renumberRows, type AccountsFileData } from './accounts-file.js';

/** Changes `data` in place; returns how many rows were recreated from keychain entries. */
export async function reconcileWithKeychain(
  data: AccountsFileData,
  vault: TokenVault,
  clock: Clock,
): Promise<number> {
  const available = vault.status.state === 'available';
  const vaultKeys = new Set(await vault.keys());
  if (available) await finishPendingRemovals(data, vault, vaultKeys);
  const known = new Set(data.accounts.map((row) => row.id));
  let restored = 0;
  for (const key of vaultKeys) {
    if (known.has(key) || data.pendingKeychainRemovals.includes(key) || !isAccountKey(key))
      continue;
    const tokens = await vault.read(key).catch(() => null);
    appendRow(data, {
      id: key,
      spotifyUserId: null,
      profile: null,
      authorizedAt: tokens?.authorizedAt ?? null,
      status: statusAfter({ kind: 'rebuilt_from_keychain', tokensReadable: tokens !== null }),
    });
    restored += 1;
  }
  for (const row of data.accounts) {
    row.status = await statusAtStart(
      row.status,
      row.authorizedAt,
      {
        available,
        hasTokens: vaultKeys.has(row.id),
        tokensReadable: () =>
          vault.read(row.id).then(
            (tokens) => tokens !== null,
            () => false,
          ),
      },
      clock,
    );
  }
  renumberRows(data);
  if (data.activeAccountId !== null && !data.accounts.some((r) => r.id === data.activeAccountId)) {
    data.activeAccountId = firstAccountId(data);
  }
  return restored;
}

/** Deletes the entries of accounts removed while the keychain was unusable; keeps the failures. */
async function finishPendingRemovals(
  data: AccountsFileData,
  vault: TokenVault,
  vaultKeys: Set<string>,
): Promise<void> {
  for (const id of [...data.pendingKeychainRemovals]) {
    try {
      await vault.remove(id);
      vaultKeys.delete(id);
      data.pendingKeychainRemovals = data.pendingKeychainRemovals.filter((p) => p !== id);
    } catch {
      // Still unusable: try again on the next start.
    }
  }
}
