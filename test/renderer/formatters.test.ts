// How durations, estimates, counts and initials read in the UI.
import { describe, expect, it } from 'vitest';

import {
  formatAbout,
  formatCount,
  formatDuration,
  initials,
  plural,
} from '../../renderer/src/format/formatters.js';

describe('formatters', () => {
  it('writes durations as m:ss, and h:mm:ss from an hour', () => {
    expect(formatDuration(215_000)).toBe('3:35');
    expect(formatDuration(5_000)).toBe('0:05');
    expect(formatDuration(3_723_000)).toBe('1:02:03');
  });

  it('writes an estimate in round words', () => {
    expect(formatAbout(3)).toBe('a few seconds');
    expect(formatAbout(44)).toBe('about 40 seconds');
    expect(formatAbout(60)).toBe('about 1 minute');
    expect(formatAbout(190)).toBe('about 3 minutes');
    expect(formatAbout(7000)).toBe('about 2 hours');
  });

  it('groups thousands in counts', () => {
    expect(formatCount(1200)).toBe('1,200');
    expect(plural(1, 'track', 'tracks')).toBe('1 track');
    expect(plural(12000, 'track', 'tracks')).toBe('12,000 tracks');
  });

  it('takes the first and last initials, and copes with one word or none', () => {
    expect(initials('Jo van Smith')).toBe('JS');
    expect(initials('alice')).toBe('A');
    expect(initials('   ')).toBe('?');
  });
});
