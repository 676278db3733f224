// The renderer benchmark: the built renderer in Debian's Chromium over the browser harness (real
// core, fake Spotify answering with no latency), driven by playwright-core. Prints one JSON line
// per scenario on stdout in the core benchmark's shape (`scenario`, `wall_ms`, `requests` to the
// fake during the measured part, `target_rule`, `pass`, and the scenario's own figures); progress
// goes to stderr. Exits 1 when a target was missed. Not a test: timings depend on the machine.
//
//   npm run bench:renderer -- [--switches 10] [--scroll-step 5000]
//                             [--query "the faded" --query paper] [--search-rounds 5]
//                             [--reloads 3] [--cold-open-only] [--compare-opens 5]
//                             [--chromium /usr/bin/chromium] [--renderer-dir DIR] [--verbose]
//
// How it runs (about a minute here): builds the renderer into a temporary directory (or takes the
// build given with --renderer-dir, to measure a change before making it), starts the harness with
// three seeded users (10,000, 10,000 and 50,000 saved tracks), signs each in through the fake's
// login tab and waits for the page to show its whole library (setup, not measured). Then:
// - renderer_switch_cached_10k: clicks the two 10,000-track accounts in turn; each switch is timed
//   in the page from the click to the first row of that account painted (p50_ms, max_ms).
// - renderer_scroll_50k: scrolls the 50,000-track table top to bottom, `--scroll-step` px a
//   frame, counting rendered rows (max_dom_rows) and long tasks (long_tasks_over_50ms). Any step
//   taller than the view renders all-new rows each frame; 5000 keeps the run short.
// - renderer_search_50k: types each `--query` into the search box a key at a time, all of them
//   `--search-rounds` times; each keystroke is timed from its input event to the filtered rows
//   presented on screen (per_keystroke_ms per query and round, p50_ms, p95_ms, max_ms; paint_*
//   up to the page's paint).
// - renderer_resync_delta: 30 tracks saved in Spotify on top of the 50,000, then "Sync now":
//   tracks that cross the bridge (tracks_over_bridge) and the newest presented as the first row
//   after the sync's answer reached the page (new_rows_ms).
// - renderer_cold_open_50k (a second harness, three accounts of 50,000 tracks, each signed in and
//   visited): the page reloaded `--reloads` times, each timed from navigation start to the first
//   rows presented (first_rows_ms) and to the library's oldest track found by a search typed then
//   (searchable_ms); then the JS heap after visiting every account and a full GC (js_heap_mb).
// - renderer_compare_3x50k (the same harness, every library in the page): "All accounts" opened
//   from an account's page `--compare-opens` times, each timed from the click to its first rows
//   and counts presented (open_ms), then "in the first account, not in the second" chosen
//   (not_in_ms); then each `--query` typed `--search-rounds` times into its search box, which
//   looks through all three libraries (per_keystroke_ms).
// Times are the page's own `performance.now()`, without CPU throttling, on a GPU-less software
// renderer: compare runs on the same machine, and read them next to `load_average_1m` (other work
// on the same cores slows the page). Needs `apt-get install chromium` (no browser download).
import { rm } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { chromiumExecutable } from '../../../demo/harness/browser-setup.js';
import { reported } from './bench-report.js';
import {
  buildFreshRenderer,
  openBenchSession,
  type BenchSession,
} from './bench-browser-session.js';
import { loadLargeLibrary, runScrollScenario } from './scroll-scenario.js';
import { runColdOpenScenario } from './cold-open-scenario.js';
import { runCompareScenario } from './compare-scenario.js';
import { runResyncDeltaScenario } from './resync-delta-scenario.js';
import { runSearchScenario } from './search-scenario.js';
import { runSwitchScenario } from './switch-scenario.js';

const smallLibrary = 10_000;
const largeLibrary = 50_000;
const loadTimeoutMs = 120_000;

const { values } = parseArgs({
  options: {
    switches: { type: 'string', default: '10' },
    'scroll-step': { type: 'string', default: '5000' },
    // Repeatable. "the faded" keeps most rows at its first keystroke, "paper" changes them all.
    query: { type: 'string', multiple: true, default: ['the faded', 'paper'] },
    'search-rounds': { type: 'string', default: '5' },
    reloads: { type: 'string', default: '3' },
    // Times "All accounts" is opened in renderer_compare_3x50k.
    'compare-opens': { type: 'string', default: '5' },
    // Runs renderer_cold_open_50k alone (its own harness), to measure a change to loading quickly.
    'cold-open-only': { type: 'boolean', default: false },
    chromium: { type: 'string', default: chromiumExecutable },
    'renderer-dir': { type: 'string' },
    verbose: { type: 'boolean', default: false },
  },
  strict: true,
});
const switches = Number(values.switches);
if (!Number.isInteger(switches) || switches < 2 || switches > 200) {
  console.error('--switches must be a whole number from 2 to 200');
  process.exit(2);
}
const stepPx = Number(values['scroll-step']);
if (!Number.isInteger(stepPx) || stepPx < 100 || stepPx > 100_000) {
  console.error('--scroll-step must be a whole number of pixels from 100 to 100000');
  process.exit(2);
}
const queries = values.query;
if (queries.some((query) => query.trim() === '' || query.length > 40)) {
  console.error('each --query must have 1 to 40 characters, not only spaces');
  process.exit(2);
}
if (new Set(queries).size !== queries.length) {
  console.error('each --query must be different (figures are kept per query)');
  process.exit(2);
}

const searchRounds = Number(values['search-rounds']);
if (!Number.isInteger(searchRounds) || searchRounds < 1 || searchRounds > 50) {
  console.error('--search-rounds must be a whole number from 1 to 50');
  process.exit(2);
}

const reloads = Number(values.reloads);
if (!Number.isInteger(reloads) || reloads < 1 || reloads > 20) {
  console.error('--reloads must be a whole number from 1 to 20');
  process.exit(2);
}

const compareOpens = Number(values['compare-opens']);
if (!Number.isInteger(compareOpens) || compareOpens < 1 || compareOpens > 50) {
  console.error('--compare-opens must be a whole number from 1 to 50');
  process.exit(2);
}

const started = performance.now();
console.error('building the renderer…');
// Built once for both harnesses (or the build given), so both measure the same renderer.
const rendererDir = values['renderer-dir'] ?? (await buildFreshRenderer());
try {
  if (!values['cold-open-only']) await runOneAccountScenarios();
  await runThreeAccountScenarios();
} finally {
  if (values['renderer-dir'] === undefined) await rm(rendererDir, { recursive: true, force: true });
}
console.error(`renderer bench finished in ${Math.round((performance.now() - started) / 1000)} s`);
process.exitCode = reported.every((line) => line['pass'] === true) ? 0 : 1;

/** A harness with these seeded users and Chromium on it, closed after `run`, whatever happens. */
async function withSession(
  tracksPerUser: readonly number[],
  run: (session: BenchSession) => Promise<void>,
): Promise<void> {
  const session = await openBenchSession({
    tracksPerUser,
    chromiumPath: values.chromium,
    verbose: values.verbose,
    rendererDir,
  });
  try {
    await run(session);
  } finally {
    await session.close();
  }
}

async function runOneAccountScenarios(): Promise<void> {
  console.error('starting the harness and Chromium…');
  await withSession([smallLibrary, smallLibrary, largeLibrary], async (session) => {
    const large = session.users[2];
    if (large === undefined) throw new Error('three seeded users needed');
    console.error(`two accounts of ${smallLibrary} tracks: loading, then ${switches} switches…`);
    await runSwitchScenario(session, { switches, loadTimeoutMs });
    console.error(`one account of ${largeLibrary} tracks: loading (not measured)…`);
    const setupLoadMs = await loadLargeLibrary(session, large, loadTimeoutMs);
    console.error('scrolling top to bottom…');
    await runScrollScenario(session, largeLibrary, setupLoadMs, { stepPx, loadTimeoutMs });
    const typed = queries.map((query) => `"${query}"`).join(' and ');
    console.error(`typing ${typed}, ${searchRounds} times…`);
    await runSearchScenario(session, large.accountId, { queries, rounds: searchRounds });
    console.error('saving 30 tracks in Spotify, then syncing…');
    await runResyncDeltaScenario(session, large, largeLibrary, loadTimeoutMs);
  });
}

async function runThreeAccountScenarios(): Promise<void> {
  console.error(
    `three accounts of ${largeLibrary} tracks: loading (not measured), ${reloads} reloads…`,
  );
  await withSession([largeLibrary, largeLibrary, largeLibrary], async (session) => {
    await runColdOpenScenario(session, largeLibrary, { reloads, loadTimeoutMs });
    console.error(`All accounts over the three: opening it ${compareOpens} times, then typing…`);
    await runCompareScenario(session, {
      opens: compareOpens,
      queries,
      rounds: searchRounds,
      loadTimeoutMs,
    });
  });
}
