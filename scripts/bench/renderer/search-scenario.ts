// renderer_search_50k: a query typed one character at a time into the search box of a 50,000-track
// library, each keystroke timed in the page from its `input` event to the painted filtered table.
// What the table must show after each keystroke is worked out beforehand with the renderer's own
// search rule over the same library, read through the core.
import { performance } from 'node:perf_hooks';
import { tracksPageView } from '../../../electron/core/ipc/views.js';
import { filterTracks, searchText } from '../../../renderer/src/tracks/track-order.js';
import {
  longTaskFigures,
  machineLoad,
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

export async function runSearchScenario(
  session: BenchSession,
  accountId: string,
  query: string,
): Promise<void> {
  const { page, harness } = session;
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
  const expectedCounts = [...query].map(
    (_, i) => filterTracks(tracks, text, query.slice(0, i + 1)).length,
  );
  if (expectedCounts.at(-1) === 0) throw new Error(`no saved track matches "${query}"`);

  const searchBox = page.getByRole('searchbox', { name: 'Search saved tracks' });
  await searchBox.fill('');
  await searchBox.focus();
  const load = machineLoad();
  await harness.fake.control.resetCounts();
  await page.evaluate(watchLongTasks);
  const perKeystroke: number[] = [];
  const started = performance.now();
  for (const [i, character] of [...query].entries()) {
    await page.evaluate(armKeystrokeProbe, {
      expectedCount: expectedCounts[i] ?? 0,
      words: query
        .slice(0, i + 1)
        .toLocaleLowerCase()
        .split(/\s+/)
        .filter(Boolean),
      timeoutMs: 10_000,
    });
    await page.keyboard.type(character);
    perKeystroke.push(tenths(await page.evaluate(keystrokeResult)));
  }
  const wall = Math.round(performance.now() - started);
  const longTasks = await page.evaluate(collectLongTasks);
  const max = Math.max(...perKeystroke);
  report({
    scenario: 'renderer_search_50k',
    wall_ms: wall,
    requests: await requestsSinceReset(harness.fake.control),
    tracks: tracks.length,
    query,
    matches_per_keystroke: expectedCounts,
    per_keystroke_ms: perKeystroke,
    max_ms: max,
    ...longTaskFigures(longTasks),
    ...load,
    target: 'max_ms <= 30 (input event to the filtered rows painted, every keystroke)',
    pass: max <= 30,
  });
}
