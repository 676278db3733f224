// renderer_switch_cached_10k: two accounts of 10,000 saved tracks, both signed in and loaded once;
// then the sidebar rows are clicked in turn and each switch is timed in the page from the click to
// the frame showing the first row of the account switched to, presented on screen.
import { performance } from 'node:perf_hooks';
import {
  longTaskFigures,
  machineLoad,
  percentile,
  report,
  requestsSinceReset,
  tenths,
} from './bench-report.js';
import { waitForLibraryLoaded, type BenchSession } from './bench-browser-session.js';
import { collectLongTasks, timeSwitchToFirstRow, watchLongTasks } from './page-probes.js';

export interface SwitchScenarioOptions {
  readonly switches: number;
  readonly loadTimeoutMs: number;
}

export async function runSwitchScenario(
  session: BenchSession,
  options: SwitchScenarioOptions,
): Promise<void> {
  const { page, harness } = session;
  const [first, second] = session.users;
  if (first === undefined || second === undefined) throw new Error('two seeded users needed');
  await session.signIn(first);
  const firstRow = new Map([
    [first.accountId, await waitForLibraryLoaded(page, options.loadTimeoutMs)],
  ]);
  await session.signIn(second);
  firstRow.set(second.accountId, await waitForLibraryLoaded(page, options.loadTimeoutMs));
  if (firstRow.get(first.accountId) === firstRow.get(second.accountId)) {
    throw new Error('both accounts show the same first row: a switch could not be recognised');
  }

  const load = machineLoad();
  await harness.fake.control.resetCounts();
  await page.evaluate(watchLongTasks);
  const switchMs: number[] = [];
  const paintMs: number[] = [];
  const started = performance.now();
  for (let i = 0; i < options.switches; i += 1) {
    // The second account is showing after sign-in: go to the first, then back, and so on.
    const to = i % 2 === 0 ? first : second;
    const times = await page.evaluate(timeSwitchToFirstRow, {
      accountId: to.accountId,
      expectedFirstRow: firstRow.get(to.accountId) ?? '',
      timeoutMs: 10_000,
    });
    switchMs.push(tenths(times.presented));
    paintMs.push(tenths(times.painted));
    // A person looks at the list before switching again: let whatever the page does after a
    // switch (loading the rest of the library, a background sync) finish first.
    await waitForLibraryLoaded(page, options.loadTimeoutMs);
  }
  const wall = Math.round(performance.now() - started);
  const longTasks = await page.evaluate(collectLongTasks);
  const counts = await requestsSinceReset(harness.fake.control);
  const p50 = percentile(switchMs, 50);
  const max = Math.max(...switchMs);
  report({
    scenario: 'renderer_switch_cached_10k',
    wall_ms: wall,
    ...counts,
    requests_per_switch: tenths(counts.requests / options.switches),
    switches: options.switches,
    tracks_per_account: 10_000,
    p50_ms: p50,
    max_ms: max,
    switch_ms: switchMs,
    // The same switches up to the frame painted by the page, before it reached the screen.
    paint_max_ms: Math.max(...paintMs),
    // Over the whole loop, the waits between switches included.
    ...longTaskFigures(longTasks),
    ...load,
    target:
      'max_ms <= 100 (click to the first row of the account presented on screen, every switch)',
    pass: max <= 100,
  });
}
