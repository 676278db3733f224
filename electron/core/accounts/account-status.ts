// Every rule for an account's status, in one place: the statuses there are, what a stored status
// becomes at start given what the keychain holds, what each thing that happens to an account
// makes of it, what the app shows, and when the sign-in runs out. Spotify refresh tokens die six months after the
// user's consent and refreshing does not extend them; Spotify does not say when a grant was
// issued, so the app counts from its own `authorizedAt` with calendar months.
import type { Clock } from '../clock.js';

export const accountStatuses = [
  'ok',
  'refreshing',
  'needs_sign_in',
  'not_allowlisted',
  'keychain_unavailable',
] as const;

export type AccountStatus = (typeof accountStatuses)[number];

/** What happens to an account while the app runs, as far as its status goes. */
export type AccountStatusEvent =
  | { readonly kind: 'signed_in' }
  | { readonly kind: 'rebuilt_from_keychain'; readonly tokensReadable: boolean }
  | { readonly kind: 'call_succeeded'; readonly keychainAvailable: boolean }
  | { readonly kind: 'not_allowlisted' }
  /** Spotify refused the grant, or its tokens are gone from the keychain. */
  | { readonly kind: 'grant_lost' };

export function statusAfter(event: AccountStatusEvent): AccountStatus {
  switch (event.kind) {
    case 'signed_in':
      return 'ok';
    case 'rebuilt_from_keychain':
      return event.tokensReadable ? 'ok' : 'needs_sign_in';
    case 'call_succeeded':
      // Working again; with no keychain the account still needs its banner.
      return event.keychainAvailable ? 'ok' : 'keychain_unavailable';
    case 'not_allowlisted':
      return 'not_allowlisted';
    case 'grant_lost':
      return 'needs_sign_in';
  }
}

/** What the keychain holds for one account when the app starts. */
export interface KeychainAtStart {
  readonly available: boolean;
  /** The keychain has an entry under the account's key. */
  readonly hasTokens: boolean;
  /** Whether that entry reads as tokens; asked only when the answer matters. */
  readonly tokensReadable: () => Promise<boolean>;
}

/**
 * The status a stored row starts the run with. A status that says the tokens work is checked
 * against the keychain; one that says what Spotify refused (not allowlisted) is kept.
 */
export async function statusAtStart(
  stored: AccountStatus,
  authorizedAt: number | null,
  keychain: KeychainAtStart,
  clock: Clock,
): Promise<AccountStatus> {
  if (stored === 'ok' || stored === 'refreshing' || stored === 'keychain_unavailable') {
    if (!keychain.available) return 'keychain_unavailable';
    return keychain.hasTokens ? 'ok' : 'needs_sign_in';
  }
  // "Needs sign-in" with readable tokens in the keychain was written in a run that could not
  // reach them (a refused grant always deletes its tokens): try them again.
  if (stored === 'needs_sign_in' && keychain.available && keychain.hasTokens) {
    const readable = await keychain.tokensReadable();
    if (readable && !(authorizedAt !== null && signInExpired(authorizedAt, clock))) return 'ok';
  }
  return stored;
}

/** What the app shows: a sign-in past its six months needs renewing, whatever was stored. */
export function shownStatus(
  stored: AccountStatus,
  authorizedAt: number | null,
  clock: Clock,
): AccountStatus {
  return authorizedAt !== null && signInExpired(authorizedAt, clock) ? 'needs_sign_in' : stored;
}

const dayMs = 24 * 60 * 60 * 1000;

/**
 * authorizedAt + 6 calendar months (UTC). A day that does not exist in the target month (31 August
 * → 31 February) is clamped to the month's last day: warning a day early beats a dead token.
 */
export function signInExpiresAt(authorizedAt: number): number {
  const start = new Date(authorizedAt);
  const targetMonth = start.getUTCMonth() + 6;
  const end = new Date(start);
  end.setUTCDate(1);
  end.setUTCMonth(targetMonth);
  const lastDay = new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() + 1, 0)).getUTCDate();
  end.setUTCDate(Math.min(start.getUTCDate(), lastDay));
  return end.getTime();
}

/** Whole days left before the sign-in expires (rounded down); 0 or less means sign in again. */
export function signInExpiresInDays(authorizedAt: number, clock: Clock): number {
  return Math.floor((signInExpiresAt(authorizedAt) - clock.now()) / dayMs);
}

export function signInExpired(authorizedAt: number, clock: Clock): boolean {
  return clock.now() >= signInExpiresAt(authorizedAt);
}
