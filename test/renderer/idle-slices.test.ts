// Idle work in slices: run until done, a deadline handed to each slice, and called off on demand,
// both where the page has idle callbacks and where it has only timers (jsdom, Node).
import { afterEach, describe, expect, it, vi } from 'vitest';

import { inIdleSlices, type IdleTime } from '../../renderer/src/common/idle-slices.js';

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('inIdleSlices', () => {
  it('calls the slice again until it says it is done', async () => {
    const calls: number[] = [];
    inIdleSlices((deadline) => {
      calls.push(deadline.timeRemaining());
      return calls.length === 3;
    });
    expect(calls).toEqual([]);
    await settle();
    expect(calls).toHaveLength(3);
    expect(calls.every((remaining) => remaining > 0)).toBe(true);
  });

  it('calls nothing more once called off', async () => {
    let calls = 0;
    const cancel = inIdleSlices(() => {
      calls += 1;
      if (calls === 2) cancel();
      return false;
    });
    await settle();
    expect(calls).toBe(2);

    let never = 0;
    inIdleSlices(() => {
      never += 1;
      return true;
    })();
    await settle();
    expect(never).toBe(0);
  });

  it('uses the page’s idle callbacks where it has them, forced after 2 s, and cancels them', () => {
    const pending = new Map<number, (deadline: IdleTime) => void>();
    const timeouts: (number | undefined)[] = [];
    let nextHandle = 1;
    vi.stubGlobal(
      'requestIdleCallback',
      (callback: (deadline: IdleTime) => void, options?: { timeout?: number }) => {
        timeouts.push(options?.timeout);
        pending.set(nextHandle, callback);
        return nextHandle++;
      },
    );
    vi.stubGlobal('cancelIdleCallback', (handle: number) => pending.delete(handle));
    const idlePeriod = (remaining: number) => {
      const [handle, callback] = [...pending][0] ?? [];
      if (handle === undefined || callback === undefined) throw new Error('nothing scheduled');
      pending.delete(handle);
      callback({ timeRemaining: () => remaining });
    };

    const seen: number[] = [];
    const cancel = inIdleSlices((deadline) => {
      seen.push(deadline.timeRemaining());
      return false;
    });
    idlePeriod(12);
    idlePeriod(0);
    expect(seen).toEqual([12, 0]);
    expect(timeouts).toEqual([2000, 2000, 2000]);
    expect(pending.size).toBe(1);
    cancel();
    expect(pending.size).toBe(0);
  });
});
