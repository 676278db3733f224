// @vitest-environment jsdom
// After the first read, a sync's answer carries what changed since the revision the page holds:
// new tracks on top and tracks gone are applied without reading the library again; the library is
// read again only when the main side says so. A large cache shows its first slice at once.
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { FakeBridge, held, makeAccount, makeTrack } from './fake-bridge.js';
import { renderApp, withViewportHeight } from './render-app.js';
import { loaded, visibleTitles } from './track-screen.js';

let restoreViewport: () => void = () => undefined;
beforeEach(() => {
  restoreViewport = withViewportHeight(560);
});
afterEach(() => restoreViewport());

/** Tracks `from` down to `to`, newest first, as a library is held. */
function newestFirst(from: number, to: number) {
  return Array.from({ length: from - to + 1 }, (_, i) => makeTrack(from - i));
}

function cachedBridge(tracks: ReturnType<typeof newestFirst>) {
  return new FakeBridge({
    accounts: [makeAccount({ id: 'a', label: 'Alice' })],
    libraries: { a: tracks },
    cachedAt: { a: Date.now() - 60_000 },
  });
}

describe('library deltas in the page', () => {
  it('applies new tracks on top and tracks gone from the sync’s answer, reading nothing again', async () => {
    const bridge = cachedBridge(newestFirst(99, 0));
    await renderApp(bridge);
    await loaded(100);
    expect(bridge.callsTo('library:cached')).toHaveLength(1);

    // Spotify now has two new tracks on top, and track 98 is no longer saved.
    bridge.libraries = {
      a: [makeTrack(101), makeTrack(100), makeTrack(99), ...newestFirst(97, 0)],
    };
    fireEvent.click(screen.getByRole('button', { name: 'Sync saved tracks now' }));
    await loaded(101);
    await waitFor(() =>
      expect(visibleTitles().slice(0, 4)).toEqual(['Song 101', 'Song 100', 'Song 99', 'Song 97']),
    );
    expect(bridge.callsTo('library:cached')).toHaveLength(1);
    const [, options] = bridge.callsTo('library:sync')[0]?.args ?? [];
    expect(options).toEqual({ since: expect.any(String) });
  });

  it('reads the library again when the sync says the page must reload', async () => {
    const bridge = cachedBridge(newestFirst(9, 0));
    await renderApp(bridge);
    await loaded(10);
    // A track below the top that was not there: no step leads there.
    bridge.libraries = { a: [makeTrack(9), makeTrack(50), ...newestFirst(8, 0)] };
    fireEvent.click(screen.getByRole('button', { name: 'Sync saved tracks now' }));
    await waitFor(() => expect(bridge.callsTo('library:cached')).toHaveLength(2));
    await loaded(11);
    await waitFor(() => expect(visibleTitles()[0]).toBe('Song 50'));
  });

  it('asks for everything after a failed read, whatever revision it held', async () => {
    const bridge = cachedBridge(newestFirst(9, 0));
    await renderApp(bridge);
    await loaded(10);
    // A change the page must read again, and the read fails: what is shown is now behind.
    bridge.libraries = { a: [makeTrack(9), makeTrack(50), ...newestFirst(8, 0)] };
    bridge.failures.set('library:cached', { code: 'bridge_failed', message: 'No answer.' });
    fireEvent.click(screen.getByRole('button', { name: 'Sync saved tracks now' }));
    await waitFor(() => expect(bridge.callsTo('library:cached')).toHaveLength(2));
    bridge.failures.delete('library:cached');
    await waitFor(() =>
      expect(
        screen.getByRole('button', { name: 'Sync saved tracks now' }).hasAttribute('disabled'),
      ).toBe(false),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Sync saved tracks now' }));
    await loaded(11);
    expect(bridge.callsTo('library:sync').map((call) => call.args[1])).toEqual([
      { since: expect.any(String) },
      { since: null },
    ]);
  });

  it('shows the first slice of a large cache while the rest is read', async () => {
    const bridge = cachedBridge(newestFirst(11_999, 0));
    const rest = held();
    bridge.holdCachedAt.set(5000, rest.promise);
    await renderApp(bridge);
    await waitFor(() => expect(visibleTitles()[0]).toBe('Song 11999'));
    expect(screen.getByRole('progressbar', { name: 'Loading your saved tracks…' })).toBeTruthy();
    // The rest is asked for together, not one slice after another.
    expect(bridge.callsTo('library:cached').map((call) => call.args[1])).toEqual([
      { offset: 0, limit: 5000 },
      { offset: 5000, limit: 5000 },
      { offset: 10_000, limit: 5000 },
    ]);
    rest.release();
    await loaded(12_000);
    // The table's list is a deferred value, rendered when React gets to it.
    await waitFor(() =>
      expect(screen.getByRole('grid').getAttribute('aria-rowcount')).toBe('12001'),
    );
  });

  it('lets a sync asked for while the rest is read start from that read, not read it all again', async () => {
    const bridge = cachedBridge(newestFirst(11_999, 0));
    const rest = held();
    bridge.holdCachedAt.set(5000, rest.promise);
    await renderApp(bridge);
    await waitFor(() => expect(visibleTitles()[0]).toBe('Song 11999'));
    bridge.libraries = { a: [makeTrack(20_000), ...newestFirst(11_999, 0)] };
    fireEvent.click(screen.getByRole('button', { name: 'Sync saved tracks now' }));
    rest.release();
    await loaded(12_001);
    await waitFor(() => expect(visibleTitles()[0]).toBe('Song 20000'));
    expect(bridge.callsTo('library:cached')).toHaveLength(3);
    expect(bridge.callsTo('library:sync').map((call) => call.args[1])).toEqual([
      { since: expect.any(String) },
    ]);
  });
});
