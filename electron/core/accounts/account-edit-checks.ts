// The checks a login or an edit must pass before it reaches accounts.json, each failing with an
// AccountError the UI can explain. Edits come from the page over IPC, so their values are checked
// as unknown input even where the types promise more.
import { isAccountColour, type AccountColour } from './account-colours.js';
import { AccountError } from './account-error.js';
import type { AccountStatus } from './account-status.js';
import {
  accountProfileSchema,
  accountRowSchema,
  requireRow,
  spotifyUserIdSchema,
  type AccountProfile,
  type AccountsFileData,
} from './accounts-file.js';

const maxNicknameLength = 64;

/** A login's user id and profile; returns the profile as the file stores it. */
export function checkLoginFields(spotifyUserId: unknown, profile: unknown): AccountProfile {
  if (!spotifyUserIdSchema.safeParse(spotifyUserId).success) {
    throw new AccountError('invalid_account_profile', 'A login must carry the Spotify user id.');
  }
  const parsed = accountProfileSchema.safeParse(profile);
  if (!parsed.success) {
    throw new AccountError(
      'invalid_account_profile',
      'A profile needs displayName, imageUrl and profileUrl, each a string or null.',
    );
  }
  return parsed.data;
}

/** A fetched profile and its user id; returns the profile as the file stores it. */
export function checkProfileFields(spotifyUserId: unknown, profile: unknown): AccountProfile {
  const parsed = accountProfileSchema.safeParse(profile);
  if (!parsed.success || !spotifyUserIdSchema.safeParse(spotifyUserId).success) {
    throw new AccountError('invalid_account_profile', 'A profile needs a user id and its fields.');
  }
  return parsed.data;
}

export function checkStatus(status: AccountStatus): void {
  if (!accountRowSchema.shape.status.safeParse(status).success) {
    throw new AccountError('invalid_account_status', `Unknown account status ${String(status)}.`);
  }
}

export function checkColour(colour: AccountColour): void {
  if (!isAccountColour(colour)) {
    throw new AccountError('invalid_colour', `${JSON.stringify(colour)} is not a palette colour.`);
  }
}

/** Trimmed; an empty or blank nickname is null (the profile's display name shows instead). */
export function checkNickname(nickname: unknown): string | null {
  if (typeof nickname !== 'string') {
    throw new AccountError('invalid_nickname', 'A nickname must be text.');
  }
  const trimmed = nickname.trim();
  // Control characters would break one-line layouts and are never intended.
  // eslint-disable-next-line no-control-regex
  if (trimmed.length > maxNicknameLength || /[\u0000-\u001f\u007f]/.test(trimmed)) {
    throw new AccountError(
      'invalid_nickname',
      `A nickname must be at most ${maxNicknameLength} characters, on one line.`,
    );
  }
  return trimmed === '' ? null : trimmed;
}

/** A new order must name every account of `data` exactly once. */
export function checkOrder(ids: readonly string[], data: AccountsFileData): void {
  if (!Array.isArray(ids)) {
    throw new AccountError('invalid_account_order', 'The new order must be a list of ids.');
  }
  for (const id of ids) requireRow(data, id);
  if (new Set(ids).size !== ids.length || ids.length !== data.accounts.length) {
    throw new AccountError(
      'invalid_account_order',
      'The new order must name every account exactly once.',
    );
  }
}
