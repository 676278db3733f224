// "Last synced …" in words: the unit that fits the age, singular and plural, never negative.
import { describe, expect, it } from 'vitest';

import { lastSyncedSentence } from '../../renderer/src/tracks/sync-age.js';

const now = Date.UTC(2026, 0, 10, 12, 0, 0);
const minute = 60_000;

describe('lastSyncedSentence', () => {
  it.each([
    [0, 'Last synced just now'],
    [59_999, 'Last synced just now'],
    [minute, 'Last synced 1 minute ago'],
    [5 * minute, 'Last synced 5 minutes ago'],
    [60 * minute, 'Last synced 1 hour ago'],
    [5 * 60 * minute + 59 * minute, 'Last synced 5 hours ago'],
    [24 * 60 * minute, 'Last synced 1 day ago'],
    [30 * 24 * 60 * minute, 'Last synced 30 days ago'],
  ])('an age of %i ms reads "%s"', (age, sentence) => {
    expect(lastSyncedSentence(now - age, now)).toBe(sentence);
  });

  it('reads a time a little ahead of the clock (another clock) as just now', () => {
    expect(lastSyncedSentence(now + 5000, now)).toBe('Last synced just now');
  });
});
