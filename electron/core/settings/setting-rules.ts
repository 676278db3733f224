// The rules a setting's value must follow, written once for the settings store (which enforces
// them), the login flow, the keychain entries and the setup form (which explains them as the
// person types). Browser-safe: no imports, so the renderer may load it.

/** How a Spotify Client ID is written in the developer dashboard: 32 lower-case hex digits. */
export const clientIdPattern = /^[0-9a-f]{32}$/;
export const clientIdLength = 32;

/** A Client ID as pasted (spaces around it, any letter case) in the form the app stores. */
export function normaliseClientId(input: string): string {
  return input.trim().toLowerCase();
}

/** The first character of `value` that is no hex digit in either case, or null. */
export function strayClientIdCharacter(value: string): string | null {
  return /[^0-9a-f]/i.exec(value)?.[0] ?? null;
}

export const loginModes = ['window', 'browser'] as const;
export type LoginMode = (typeof loginModes)[number];

/** 0 syncs every time the account is opened. */
export const defaultLibrarySyncMaxAgeMinutes = 30;
/** Longest accepted library age: a week. Longer would let a library go stale without notice. */
export const maxLibrarySyncMaxAgeMinutes = 7 * 24 * 60;
