// What state an account is in, and when its sign-in runs out. Spotify refresh tokens die six
// months after the user's consent and refreshing does not extend them; Spotify does not say when a
// grant was issued, so the app counts from its own `authorizedAt` with calendar months.
import type { Clock } from '../clock.js';

export const accountStatuses = [
  'ok',
  'refreshing',
  'needs_sign_in',
  'not_allowlisted',
  'keychain_unavailable',
] as const;

export type AccountStatus = (typeof accountStatuses)[number];

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
