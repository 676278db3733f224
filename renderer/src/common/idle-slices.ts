// Work done in the page's idle time, a slice per idle period, so it never holds up a keystroke or
// a frame for long, and can be called off when it is no longer wanted.

/** How much of an idle period is left (requestIdleCallback's `IdleDeadline`). */
export interface IdleTime {
  timeRemaining(): number;
}

/** The page's idle callbacks, where it has them (not in jsdom or Node, which run this too). */
interface IdleCallbacks {
  requestIdleCallback(callback: (deadline: IdleTime) => void, options: { timeout: number }): number;
  cancelIdleCallback(handle: number): void;
}

/**
 * Calls `slice` in idle periods until it returns true (done); each call gets its period's
 * deadline and should stop when that runs short. Returns a function that calls the rest off.
 * A period is forced after 2 s of a busy page (with no time left: one small slice). Where the
 * page has no idle callbacks, slices run from timers, with time to spare.
 */
export function inIdleSlices(slice: (deadline: IdleTime) => boolean): () => void {
  let cancelled = false;
  let cancelNext = (): void => undefined;
  const run = (deadline: IdleTime): void => {
    if (!cancelled && !slice(deadline)) schedule();
  };
  const schedule = (): void => {
    const idle = globalThis as Partial<IdleCallbacks>;
    if (idle.requestIdleCallback !== undefined && idle.cancelIdleCallback !== undefined) {
      const { cancelIdleCallback } = idle;
      const handle = idle.requestIdleCallback(run, { timeout: 2000 });
      cancelNext = () => cancelIdleCallback(handle);
    } else {
      const timer = setTimeout(() => run({ timeRemaining: () => 50 }), 0);
      cancelNext = () => clearTimeout(timer);
    }
  };
  schedule();
  return () => {
    cancelled = true;
    cancelNext();
  };
}
