// The fixed palette an account's colour is chosen from. Each colour keeps at least 3:1 contrast
// against both a white and a near-black (#121212) background (WCAG 1.4.11 for UI components), so
// a status dot or stripe stays visible in light and dark themes.

export const accountColourNames = [
  'green',
  'blue',
  'purple',
  'pink',
  'red',
  'orange',
  'teal',
  'brown',
] as const;

export type AccountColour = (typeof accountColourNames)[number];

export const accountColourHex: Readonly<Record<AccountColour, string>> = {
  green: '#1e8e3e',
  blue: '#1a73e8',
  purple: '#8e44ad',
  pink: '#c2185b',
  red: '#d93025',
  orange: '#c25e00',
  teal: '#00838f',
  brown: '#8d6e63',
};

export function isAccountColour(value: unknown): value is AccountColour {
  return typeof value === 'string' && (accountColourNames as readonly string[]).includes(value);
}

/** The first colour no account uses yet, or, when all are taken, the least used one. */
export function nextAccountColour(inUse: readonly AccountColour[]): AccountColour {
  const counts = accountColourNames.map((name) => inUse.filter((used) => used === name).length);
  return accountColourNames[counts.indexOf(Math.min(...counts))] ?? 'green';
}
