// @vitest-environment jsdom
// A library changed outside a sync the page asked for (a heart, a job that copied tracks): the
// core announces `library:changed` with the library's revision, and the page asks what changed
// since the revision it holds and applies it, or reads the library again when told to.
import { screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { FakeBridge, makeAccount, makeTrack } from './fake-bridge.js';
import { renderApp, withViewportHeight } from './render-app.js';
import { loaded, visibleTitles } from './track-screen.js';

let restoreViewport: () => void = () => undefined;
beforeEach(() => {
  restoreViewport = withViewportHeight(560);
});
afterEach(() => restoreViewport());

function newestFirst(from: number, to: number) {
  return Array.from({ length: from - to + 1 }, (_, i) => makeTrack(from - i));
}

async function shownBridge() {
  const bridge = new FakeBridge({
    accounts: [makeAccount({ id: 'a', label: 'Alice' })],
    libraries: { a: newestFirst(9, 0) },
    cachedAt: { a: Date.now() - 60_000 },
  });
  await renderApp(bridge);
  await loaded(10);
  return bridge;
}

describe('a library changed outside a sync', () => {
  it('applies what changed since the revision held, without reading the library again', async () => {
    const bridge = await shownBridge();
    const [first] = bridge.callsTo('library:cached');
    bridge.setSaved('a', 'track50', true, makeTrack(50));
    await loaded(11);
    await waitFor(() => expect(visibleTitles()[0]).toBe('Song 50'));

    bridge.setSaved('a', 'track9', false);
    await loaded(10);
    await waitFor(() => expect(visibleTitles().slice(0, 2)).toEqual(['Song 50', 'Song 8']));
    expect(bridge.callsTo('library:cached')).toHaveLength(1);
    expect(bridge.callsTo('library:sync')).toHaveLength(0);
    const asked = bridge.callsTo('library:changes').map((call) => call.args[1]);
    expect(asked).toHaveLength(2);
    expect(asked[0]).toEqual({ since: expect.any(String) });
    expect(first).toBeDefined();
  });

  it('reads the library again when the change cannot be applied as steps', async () => {
    const bridge = await shownBridge();
    // A track below the top that was not there: no step leads here.
    const tracks = [makeTrack(9), makeTrack(70), ...newestFirst(8, 0)];
    bridge.libraries.a = tracks;
    const cache = { tracks, lastSyncedAt: Date.now() };
    bridge.caches.set('a', cache);
    bridge.emit('library:changed', { accountId: 'a', revision: bridge.revisionOf(cache) });
    await waitFor(() => expect(bridge.callsTo('library:cached')).toHaveLength(2));
    await loaded(11);
    await waitFor(() => expect(visibleTitles()[0]).toBe('Song 70'));
  });

  it('asks nothing for the revision it already holds, nor for accounts it never opened', async () => {
    const bridge = await shownBridge();
    const held = bridge.caches.get('a');
    if (held === undefined) throw new Error('no cache');
    bridge.emit('library:changed', { accountId: 'a', revision: bridge.revisionOf(held) });
    bridge.emit('library:changed', { accountId: 'elsewhere', revision: 'rev-99' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(bridge.callsTo('library:changes')).toHaveLength(0);
    expect(bridge.callsTo('library:cached')).toHaveLength(1);
  });

  it('says so when what changed cannot be read, and reads it all on Retry', async () => {
    const bridge = await shownBridge();
    bridge.failures.set('library:changes', { code: 'bridge_failed', message: 'No answer.' });
    bridge.setSaved('a', 'track50', true, makeTrack(50));
    await screen.findByText(/Showing the 10 tracks from the last sync/);
    bridge.failures.delete('library:changes');
    screen.getByRole('button', { name: 'Retry' }).click();
    await loaded(11);
    await waitFor(() => expect(visibleTitles()[0]).toBe('Song 50'));
    expect(bridge.callsTo('library:cached')).toHaveLength(2);
  });
});
