// The shape of accounts.json: the account rows (no secrets: tokens live in the vault), the active
// account and keychain entries still to delete. Bump `accountsFileVersion` with any change here.
import { z } from 'zod';
import { accountColourNames } from './account-colours.js';
import { accountStatuses } from './account-status.js';

export const accountsFileVersion = 1;

export const accountProfileSchema = z.object({
  displayName: z.string().nullable(),
  imageUrl: z.string().nullable(),
  profileUrl: z.string().nullable(),
});

export type AccountProfile = z.infer<typeof accountProfileSchema>;

const epochMs = z.number().int().nonnegative();

export const accountRowSchema = z.object({
  id: z.string().min(1),
  /** Spotify's user `id`; null until the profile is fetched again (rows rebuilt from the vault). */
  spotifyUserId: z.string().min(1).nullable(),
  nickname: z.string().nullable(),
  color: z.enum(accountColourNames),
  order: z.number().int().nonnegative(),
  /** Null: unknown, needs a refresh of the profile (the row was rebuilt from the vault). */
  profile: accountProfileSchema.nullable(),
  /** Null when the vault entry could not tell (a damaged entry). */
  authorizedAt: epochMs.nullable(),
  status: z.enum(accountStatuses),
  lastSyncedAt: epochMs.nullable(),
});

export const accountsFileSchema = z.object({
  accounts: z.array(accountRowSchema),
  activeAccountId: z.string().nullable(),
  /** Accounts removed while the keychain was unusable: their entries are deleted on a later start. */
  pendingKeychainRemovals: z.array(z.string()),
});

export type AccountsFileData = z.infer<typeof accountsFileSchema>;

export function emptyAccountsFile(): AccountsFileData {
  return { accounts: [], activeAccountId: null, pendingKeychainRemovals: [] };
}
