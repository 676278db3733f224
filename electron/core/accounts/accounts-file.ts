// The shape of accounts.json: the account rows (no secrets: tokens live in the vault), the active
// account and keychain entries still to delete; and the rules on rows that every writer shares
// (their order, a new row's defaults). Bump `accountsFileVersion` with any change to the shape.
import { z } from 'zod';
import { accountColourNames, nextAccountColour } from './account-colours.js';
import { accountNotFound } from './account-error.js';
import { accountStatuses } from './account-status.js';

export const accountsFileVersion = 1;

export const accountProfileSchema = z.object({
  displayName: z.string().nullable(),
  imageUrl: z.string().nullable(),
  profileUrl: z.string().nullable(),
});

export type AccountProfile = z.infer<typeof accountProfileSchema>;

/** Spotify's user `id`. */
export const spotifyUserIdSchema = z.string().min(1);

const epochMs = z.number().int().nonnegative();

export const accountRowSchema = z.object({
  id: z.string().min(1),
  /** Null until the profile is fetched again (rows rebuilt from the vault). */
  spotifyUserId: spotifyUserIdSchema.nullable(),
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

export type AccountRow = z.infer<typeof accountRowSchema>;

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

/** The row of account `id`; throws `account_not_found` when there is none. */
export function requireRow(data: AccountsFileData, id: string): AccountRow {
  const row = data.accounts.find((candidate) => candidate.id === id);
  if (row === undefined) throw accountNotFound(id);
  return row;
}

/** The rows by `order`. */
export function rowsInOrder(data: AccountsFileData): AccountRow[] {
  return [...data.accounts].sort((a, b) => a.order - b.order);
}

/** Numbers the rows 0, 1, … in their order, closing the gaps removals leave. */
export function renumberRows(data: AccountsFileData): void {
  rowsInOrder(data).forEach((row, order) => {
    row.order = order;
  });
}

/** The first account in order when the active one is gone (none when no account is left). */
export function firstAccountId(data: AccountsFileData): string | null {
  return rowsInOrder(data)[0]?.id ?? null;
}

/** Appends a row for a new account: last in order, a colour nobody uses yet, no edits. */
export function appendRow(
  data: AccountsFileData,
  fields: Pick<AccountRow, 'id' | 'spotifyUserId' | 'profile' | 'authorizedAt' | 'status'>,
): void {
  data.accounts.push({
    id: fields.id,
    spotifyUserId: fields.spotifyUserId,
    nickname: null,
    color: nextAccountColour(data.accounts.map((row) => row.color)),
    order: data.accounts.length,
    profile: fields.profile,
    authorizedAt: fields.authorizedAt,
    status: fields.status,
    lastSyncedAt: null,
  });
}
