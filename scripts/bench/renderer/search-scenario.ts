// renderer_search_50k: queries typed one character at a time into the search box of a 50,000-track
// library, several rounds, each keystroke timed in the page from its `input` event to the frame
// showing the filtered table presented on screen (and, beside it, to that frame painted by the
// page). The queries differ in how their first keystroke meets the table: "the faded" starts
// with a letter nearly every track holds (the rows in view mostly stay; in the first round it
// follows the scroll scenario, so the list jumps back to the top), "paper" with one that 1 track
// in 6 holds (every row in view changes). What the table must show after each keystroke is worked
// out beforehand with the renderer's own search rule over the same library, read through the core.
import { performance } from 'node:perf_hooks';
import { tracksPageView } from '../../../electron/core/ipc/views.js';
import { filterTracks, searchText } from '../../../renderer/src/tracks/track-order.js';
import {
  longTaskFigures,
  machineLoad,
  percentile,
  report,
  requestsSinceReset,
  tenths,
} from './bench-report.js';
import type { BenchSession } from './bench-browser-session.js';
import {
  armKeystrokeProbe,
  collectLongTasks,
  keystrokeResult,
  watchLongTasks,
} from './page-probes.js';

export interface SearchScenarioOptions {
  /** Different queries (the figures are kept per query). */
  readonly queries: readonly string[];
  /** How many times each query is typed (the box cleared between queries, not measured). */
  readonly rounds: number;
}

/**
 * The pause between clearing the box and typing the next query. Longer than the table's typing
 * rest (250 ms): each query's first keystroke meets the table at rest, covers and the rows
 * beyond the view drawn, as a new search after a look at the list does.
 */
const pauseBeforeQueryMs = 500;

export async function runSearchScenario(
  session: BenchSession,
  accountId: string,
  options: SearchScenarioOptions,
): Promise<void> {
  const { page, harness } = session;
  const { queries, rounds } = options;
  if (new Set(queries).size !== queries.length) throw new Error('each query must be different');
  const library =
    (await harness.core.cachedLibrary(accountId)) ??
    (await harness.core.syncLibrary(accountId)).library;
  const tracks = tracksPageView({
    items: library.tracks,
    total: library.total,
    offset: 0,
    limit: library.tracks.length,
    nextOffset: null,
  }).items;
  const text = searchText(tracks);
  const expectedCounts = new Map(
    queries.map((query) => [
      query,
      [...query].map((_, i) => filterTracks(tracks, text, query.slice(0, i + 1)).length),
    ]),
  );
  for (const [query, counts] of expectedCounts) {
    if (counts.at(-1) === 0) throw new Error(`no saved track matches "${query}"`);
  }

  const searchBox = page.getByRole('searchbox', { name: 'Search saved tracks' });
  const load = machineLoad();
  await harness.fake.control.resetCounts();
  await page.evaluate(watchLongTasks);
  const presented = new Map<string, number[][]>(queries.map((query) => [query, []]));
  const painted: number[] = [];
  const started = performance.now();
  for (let round = 0; round < rounds; round += 1) {
    for (const query of queries) {
      await searchBox.fill('');
      await searchBox.focus();
      await page.waitForTimeout(pauseBeforeQueryMs);
      const counts = expectedCounts.get(query) ?? [];
      const roundPresented: number[] = [];
      for (const [i, character] of [...query].entries()) {
        await page.evaluate(armKeystrokeProbe, {
          expectedCount: counts[i] ?? 0,
          words: query
            .slice(0, i + 1)
            .toLocaleLowerCase()
            .split(/\s+/)
            .filter(Boolean),
          timeoutMs: 10_000,
        });
        await page.keyboard.type(character);
        const times = await page.evaluate(keystrokeResult);
        roundPresented.push(tenths(times.presented));
        painted.push(tenths(times.painted));
      }
      presented.get(query)?.push(roundPresented);
    }
  }
  const wall = Math.round(performance.now() - started);
  const longTasks = await page.evaluate(collectLongTasks);
  const all = [...presented.values()].flat(2);
  const max = Math.max(...all);
  report({
    scenario: 'renderer_search_50k',
    wall_ms: wall,
    ...(await requestsSinceReset(harness.fake.control)),
    tracks: tracks.length,
    queries,
    rounds,
    keystrokes: all.length,
    matches_per_keystroke: Object.fromEntries(expectedCounts),
    p50_ms: percentile(all, 50),
    p95_ms: percentile(all, 95),
    max_ms: max,
    // The same keystrokes up to the frame painted by the page, before the compositor draws it
    // and the display's next refresh shows it.
    paint_p50_ms: percentile(painted, 50),
    paint_max_ms: Math.max(...painted),
    // Per query: its own figures, and its keystrokes, one list per round.
    per_query: Object.fromEntries(
      [...presented].map(([query, perRound]) => {
        const times = perRound.flat();
        return [
          query,
          {
            p50_ms: percentile(times, 50),
            p95_ms: percentile(times, 95),
            max_ms: Math.max(...times),
          },
        ];
      }),
    ),
    per_keystroke_ms: Object.fromEntries(presented),
    ...longTaskFigures(longTasks),
    ...load,
    target:
      'max_ms <= 30 (input event to the filtered rows presented on screen, every keystroke of every round)',
    pass: max <= 30,
  });
}
