// The memory of dead picture URLs: believed for ten minutes by the clock it is given, remembered
// anew by each new 404, and bounded, forgetting the oldest first.
import { describe, expect, it } from 'vitest';
import {
  MISSING_IMAGE_LIMIT,
  MISSING_IMAGE_MEMORY_MS,
  MissingImages,
} from '../../../electron/core/images/missing-images.js';

/** A clock moved by hand; it starts well after 0, which lru-cache reads as "no start". */
function manualClock(): { now(): number; advance(ms: number): void } {
  let time = Date.UTC(2026, 0, 1);
  return { now: () => time, advance: (ms) => (time += ms) };
}

describe('MissingImages', () => {
  it('believes a 404 until ten minutes have passed, then forgets it', () => {
    const clock = manualClock();
    const missing = new MissingImages(clock);
    missing.remember('a');

    clock.advance(MISSING_IMAGE_MEMORY_MS - 1);
    expect(missing.has('a')).toBe(true);
    clock.advance(2);
    expect(missing.has('a')).toBe(false);
  });

  it('counts the ten minutes again from a second 404', () => {
    const clock = manualClock();
    const missing = new MissingImages(clock);
    missing.remember('a');
    clock.advance(MISSING_IMAGE_MEMORY_MS - 1_000);

    missing.remember('a');
    clock.advance(2_000);

    expect(missing.has('a')).toBe(true);
  });

  it('knows nothing of a URL never reported, and forgets one on request', () => {
    const missing = new MissingImages(manualClock());
    missing.remember('a');

    missing.forget('a');

    expect(missing.has('a')).toBe(false);
    expect(missing.has('b')).toBe(false);
  });

  it('remembers at most the limit, forgetting the oldest report first', () => {
    const missing = new MissingImages(manualClock());
    for (let i = 0; i <= MISSING_IMAGE_LIMIT; i += 1) missing.remember(`url-${i}`);

    expect(missing.has('url-0')).toBe(false);
    expect(missing.has('url-1')).toBe(true);
    expect(missing.has(`url-${MISSING_IMAGE_LIMIT}`)).toBe(true);
  });

  it('does not count a look-up as a report: the oldest report still goes first', () => {
    const missing = new MissingImages(manualClock());
    for (let i = 0; i < MISSING_IMAGE_LIMIT; i += 1) missing.remember(`url-${i}`);

    expect(missing.has('url-0')).toBe(true);
    missing.remember('one more');

    expect(missing.has('url-0')).toBe(false);
    expect(missing.has('url-1')).toBe(true);
  });
});
