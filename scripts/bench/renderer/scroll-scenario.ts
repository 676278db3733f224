// renderer_scroll_50k: one account of 50,000 saved tracks loaded in the page, its table scrolled
// from top to bottom a fixed distance per frame, counting rendered rows and long tasks.
import { performance } from 'node:perf_hooks';
import type { SeededUser } from '../../../demo/fake-spotify/index.js';
import { longTaskFigures, machineLoad, report, requestsSinceReset } from './bench-report.js';
import { waitForLibraryLoaded, type BenchSession } from './bench-browser-session.js';
import { scrollTableSampling } from './page-probes.js';

export interface ScrollScenarioOptions {
  readonly stepPx: number;
  readonly loadTimeoutMs: number;
}

/** Signs the user in and loads the library (not measured); returns how long that took. */
export async function loadLargeLibrary(
  session: BenchSession,
  user: SeededUser,
  loadTimeoutMs: number,
): Promise<number> {
  const started = performance.now();
  await session.signIn(user);
  await waitForLibraryLoaded(session.page, loadTimeoutMs);
  return Math.round(performance.now() - started);
}

export async function runScrollScenario(
  session: BenchSession,
  tracks: number,
  setupLoadMs: number,
  options: ScrollScenarioOptions,
): Promise<void> {
  const { page, harness } = session;
  const load = machineLoad();
  await harness.fake.control.resetCounts();
  const figures = await page.evaluate(scrollTableSampling, {
    stepPx: options.stepPx,
    timeoutMs: 90_000,
  });
  const counts = await requestsSinceReset(harness.fake.control);
  const longTasks = figures.long_task_ms;
  const reachedEnd = figures.last_row_index === tracks + 1;
  report({
    scenario: 'renderer_scroll_50k',
    wall_ms: figures.wall_ms,
    ...counts,
    tracks,
    step_px: options.stepPx,
    frames: figures.frames,
    max_dom_rows: figures.max_dom_rows,
    min_dom_rows: figures.min_dom_rows,
    reached_last_row: reachedEnd,
    ...longTaskFigures(longTasks),
    long_task_ms: longTasks,
    setup_load_ms: setupLoadMs,
    ...load,
    target: 'reached_last_row && max_dom_rows < 150 && long_tasks_over_50ms == 0',
    pass: reachedEnd && figures.max_dom_rows < 150 && longTasks.length === 0,
  });
}
