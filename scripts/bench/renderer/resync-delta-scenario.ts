// renderer_resync_delta: the 50,000-track account on screen, 30 tracks saved in Spotify meanwhile,
// then "Sync now". Counts the tracks that cross the bridge for it (the page's WebSocket, the
// harness's stand-in for IPC) and times the frame showing the newest of them as the first row,
// presented on screen, from the moment the answer to `library:sync` reached the page.
import { performance } from 'node:perf_hooks';
import type { SeededUser } from '../../../demo/fake-spotify/index.js';
import { machineLoad, report, requestsSinceReset, tenths } from './bench-report.js';
import { waitForLibraryLoaded, type BenchSession } from './bench-browser-session.js';
import { readBridgeCount, startBridgeCount } from './bridge-traffic-probe.js';
import { timeSyncToNewFirstRow } from './library-probes.js';
import { firstRowKey } from './page-probes.js';

const addedTracks = 30;

export async function runResyncDeltaScenario(
  session: BenchSession,
  user: SeededUser,
  libraryTracks: number,
  loadTimeoutMs: number,
): Promise<void> {
  const { page, harness } = session;
  // The search scenario leaves a query in the box; the sync is seen on the whole list.
  await page.getByRole('searchbox', { name: 'Search saved tracks' }).fill('');
  const before = await waitForLibraryLoaded(page, loadTimeoutMs);
  await harness.fake.control.addSavedTracks(user.id, addedTracks);

  const load = machineLoad();
  await harness.fake.control.resetCounts();
  await page.evaluate(startBridgeCount, 'library:sync');
  const started = performance.now();
  const shown = await page.evaluate(timeSyncToNewFirstRow, {
    previousFirstRow: before,
    timeoutMs: 30_000,
  });
  // Whatever the page reads after the answer counts too: wait until the sync is over on screen.
  await page
    .getByRole('button', { name: 'Sync saved tracks now' })
    .and(page.locator(':enabled'))
    .waitFor();
  await waitForLibraryLoaded(page, loadTimeoutMs);
  const wall = Math.round(performance.now() - started);
  const bridge = await page.evaluate(readBridgeCount);
  const after = await page.evaluate(firstRowKey);
  const counts = await requestsSinceReset(harness.fake.control);
  if (bridge.answeredAt === null) throw new Error('the answer to library:sync was never seen');
  const rowsMs = tenths(shown.presented - bridge.answeredAt);
  report({
    scenario: 'renderer_resync_delta',
    wall_ms: wall,
    ...counts,
    library_tracks: libraryTracks,
    added_tracks: addedTracks,
    tracks_over_bridge: bridge.tracks,
    bridge_bytes: bridge.bytes,
    bridge_messages: bridge.messages,
    new_rows_ms: rowsMs,
    new_rows_paint_ms: tenths(shown.painted - bridge.answeredAt),
    new_first_row_kept: after === shown.firstRow,
    ...load,
    target:
      'tracks_over_bridge <= 100 && new_rows_ms <= 100 (library:sync answered to the new first row presented on screen)',
    pass: bridge.tracks <= 100 && rowsMs <= 100 && after === shown.firstRow,
  });
}
