// How durations, counts and initials read in the UI.
import { describe, expect, it } from 'vitest';

import {
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
