// The choices offered for `librarySyncMaxAgeMinutes`: how old an account's saved copy of its
// library may be before opening the account syncs it with Spotify again (0: every time).

export interface SyncAgeChoice {
  readonly minutes: number;
  readonly label: string;
}

export const syncAgeChoices: readonly SyncAgeChoice[] = [
  { minutes: 0, label: 'Every time' },
  { minutes: 5, label: 'When older than 5 minutes' },
  { minutes: 30, label: 'When older than 30 minutes' },
  { minutes: 60, label: 'When older than 1 hour' },
  { minutes: 24 * 60, label: 'When older than 1 day' },
];

/**
 * The choices, plus the saved value when it is none of them (the settings file allows any whole
 * number of minutes up to a week), so opening Settings and saving never changes it unasked.
 */
export function syncAgeChoicesWith(current: number): readonly SyncAgeChoice[] {
  if (syncAgeChoices.some((choice) => choice.minutes === current)) return syncAgeChoices;
  const label = `When older than ${current} minute${current === 1 ? '' : 's'}`;
  return [...syncAgeChoices, { minutes: current, label }].sort((a, b) => a.minutes - b.minutes);
}
