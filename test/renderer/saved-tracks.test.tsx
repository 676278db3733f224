// @vitest-environment jsdom
// An account's saved tracks: the cached library shown at once, synced in the background when
// missing or stale (with a progress bar from sync events), kept per account for the session,
// searched and sorted in memory, rendered as a virtualised table, and every state explained.
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { formatTime } from '../../renderer/src/format/formatters.js';
import { trackRowHeight } from '../../renderer/src/tracks/track-table.js';
import { FakeBridge, held, makeAccount, makeTrack } from './fake-bridge.js';
import { renderApp, withViewportHeight } from './render-app.js';
import { loaded, visibleTitles } from './track-screen.js';

let restoreViewport: () => void = () => undefined;
beforeEach(() => {
  restoreViewport = withViewportHeight(560);
});
afterEach(() => restoreViewport());

function library(size: number) {
  return Array.from({ length: size }, (_, index) => makeTrack(index));
}

const minutes = (count: number) => count * 60_000;

/** One account whose library the core has not cached yet: opening it syncs. */
function bridgeWith(tracks: ReturnType<typeof library>) {
  return new FakeBridge({
    accounts: [makeAccount({ id: 'a', label: 'Alice' })],
    libraries: { a: tracks },
  });
}

/** One account whose library was synced `age` ms ago. */
function cachedBridge(tracks: ReturnType<typeof library>, age: number, settings = {}) {
  return new FakeBridge({
    accounts: [makeAccount({ id: 'a', label: 'Alice' })],
    libraries: { a: tracks },
    cachedAt: { a: Date.now() - age },
    settings,
  });
}

describe('saved tracks', () => {
  it('shows a fresh cached library at once, without syncing or asking Spotify', async () => {
    const bridge = cachedBridge(library(120), minutes(5));
    await renderApp(bridge);
    await loaded(120);
    expect(bridge.callsTo('library:cached').map((call) => call.args)).toEqual([
      ['a', { offset: 0, limit: 5000 }],
    ]);
    expect(bridge.callsTo('library:sync')).toHaveLength(0);
    expect(bridge.callsTo('library:tracks')).toHaveLength(0);
    expect(screen.getByTestId('sync-age').textContent).toBe('Last synced 5 minutes ago');
    expect(visibleTitles()[0]).toBe('Song 119');
  });

  it('reads a large cache in slices of 5,000 and shows it whole', async () => {
    const bridge = cachedBridge(library(12_000), minutes(1));
    await renderApp(bridge);
    await loaded(12_000);
    expect(bridge.callsTo('library:cached').map((call) => call.args[1])).toEqual([
      { offset: 0, limit: 5000 },
      { offset: 5000, limit: 5000 },
      { offset: 10_000, limit: 5000 },
    ]);
    expect(screen.getByRole('grid').getAttribute('aria-rowcount')).toBe('12001');
  });

  it('says the cache is being read before it answers', async () => {
    const bridge = cachedBridge(library(10), minutes(1));
    const gate = held();
    bridge.holdCachedAt.set(0, gate.promise);
    await renderApp(bridge);
    expect(
      await screen.findByRole('progressbar', { name: 'Loading your saved tracks…' }),
    ).toBeTruthy();
    gate.release();
    await loaded(10);
  });

  it('reads the cache again when a sync lands between two slices, never mixing versions', async () => {
    const bridge = cachedBridge(library(6000), minutes(1));
    const gate = held();
    bridge.holdCachedAt.set(5000, gate.promise);
    await renderApp(bridge);
    await waitFor(() => expect(bridge.callsTo('library:cached')).toHaveLength(2));
    // Another sync replaced the cache after the first slice was read.
    const newer = Array.from({ length: 5500 }, (_, index) => makeTrack(index + 100_000));
    bridge.caches.set('a', { tracks: newer, lastSyncedAt: Date.now() });
    bridge.holdCachedAt.delete(5000);
    gate.release();
    await loaded(5500);
    expect(bridge.callsTo('library:cached').map((call) => call.args[1])).toEqual([
      { offset: 0, limit: 5000 },
      { offset: 5000, limit: 5000 },
      { offset: 0, limit: 5000 },
      { offset: 5000, limit: 5000 },
    ]);
    // The table follows the count: its list is a deferred value, rendered when React gets to it.
    await waitFor(() =>
      expect(screen.getByRole('grid').getAttribute('aria-rowcount')).toBe('5501'),
    );
  });

  it('shows a stale cache at once, syncs in the background, then shows the new tracks', async () => {
    const bridge = cachedBridge(library(3), minutes(45));
    bridge.libraries = { a: library(5) };
    const gate = held();
    bridge.holdSync = gate.promise;
    await renderApp(bridge);
    await screen.findByText('Song 2');
    expect(screen.getByRole('heading', { name: /Saved tracks/ }).textContent).toContain('3');
    expect(screen.getByTestId('sync-age').textContent).toBe('Last synced 45 minutes ago');
    await waitFor(() => expect(bridge.callsTo('library:sync')).toHaveLength(1));

    gate.release();
    await loaded(5);
    expect(screen.getByTestId('sync-age').textContent).toBe('Last synced just now');
    expect(bridge.callsTo('library:cached')).toHaveLength(2);
  });

  it('syncs on every open when the setting is 0 minutes', async () => {
    const bridge = cachedBridge(library(3), minutes(1), { librarySyncMaxAgeMinutes: 0 });
    await renderApp(bridge);
    await loaded(3);
    await waitFor(() => expect(bridge.callsTo('library:sync')).toHaveLength(1));
  });

  it('syncs at once without a cache, with the progress bar from this account’s sync events', async () => {
    const bridge = bridgeWith(library(120));
    const gate = held();
    bridge.holdSync = gate.promise;
    await renderApp(bridge);

    expect(
      await screen.findByRole('progressbar', { name: 'Checking for new saved tracks…' }),
    ).toBeTruthy();
    act(() =>
      bridge.emit('sync:progress', {
        accountId: 'a',
        loaded: 3450,
        total: 12_000,
        phase: 'fetching',
      }),
    );
    const progress = screen.getByRole('progressbar', { name: 'Syncing 3,450 of 12,000' });
    expect(progress.getAttribute('max')).toBe('12000');
    expect(progress.getAttribute('value')).toBe('3450');
    act(() =>
      bridge.emit('sync:progress', { accountId: 'b', loaded: 9, total: 10, phase: 'fetching' }),
    );
    expect(screen.getByRole('progressbar', { name: 'Syncing 3,450 of 12,000' })).toBeTruthy();

    gate.release();
    await loaded(120);
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  it('syncs when "Sync now" is pressed and shows what changed', async () => {
    const bridge = cachedBridge(library(3), minutes(2));
    await renderApp(bridge);
    await loaded(3);
    bridge.libraries = { a: library(7) };
    fireEvent.click(screen.getByRole('button', { name: 'Sync saved tracks now' }));
    await loaded(7);
    expect(bridge.callsTo('library:sync')).toHaveLength(1);
  });

  it('keeps the cached tracks when Spotify cannot be reached, and Retry syncs again', async () => {
    const bridge = cachedBridge(library(120), minutes(90));
    bridge.failures.set('library:sync', { code: 'network_error', message: 'fetch failed' });
    await renderApp(bridge);

    const banner = await screen.findByText(/Showing the 120 tracks from the last sync/);
    expect(banner.closest('[role="alert"]')).not.toBeNull();
    expect(banner.textContent).toContain('Check your internet connection');
    expect(screen.getByRole('grid')).toBeTruthy();
    expect(screen.getByRole('heading', { name: /Saved tracks/ }).textContent).toContain('120');

    bridge.failures.delete('library:sync');
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(screen.queryByText(/from the last sync/)).toBeNull());
    expect(bridge.callsTo('library:sync')).toHaveLength(2);
    expect(screen.getByTestId('sync-age').textContent).toBe('Last synced just now');
  });

  it('says when syncing resumes when Spotify asks to wait, keeping the cached tracks', async () => {
    const bridge = cachedBridge(library(20), minutes(90));
    bridge.failures.set('library:sync', { code: 'rate_limited', message: 'Too many requests.' });
    const until = Date.now() + minutes(3);
    await renderApp(bridge);
    act(() => bridge.emit('scheduler:state', { kind: 'rate_limited', until }));
    const banner = await screen.findByText(/syncing resumes at/);
    expect(banner.textContent).toContain(`resumes at ${formatTime(until)}`);
    expect(banner.textContent).toContain('Showing the 20 tracks from the last sync');
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull();
    expect(screen.getByRole('grid')).toBeTruthy();
  });

  it('shows an account again from memory when switching back: no second read, no sync', async () => {
    const bridge = new FakeBridge({
      accounts: [makeAccount({ id: 'a', label: 'Alice' }), makeAccount({ id: 'b', label: 'Bob' })],
      libraries: { a: library(40), b: library(25) },
      cachedAt: { a: Date.now() - minutes(1), b: Date.now() - minutes(1) },
    });
    await renderApp(bridge);
    await loaded(40);
    const row = (name: string) =>
      within(screen.getByRole('navigation', { name: 'Accounts' }))
        .getAllByTestId('account-row')
        .find((element) => element.textContent?.includes(name)) as HTMLElement;

    fireEvent.click(row('Bob'));
    await loaded(25);
    fireEvent.click(row('Alice'));
    // Shown in the same render as the switch, with nothing awaited.
    expect(screen.getByRole('heading', { name: /Saved tracks/ }).textContent).toContain('40');
    expect(screen.getAllByTestId('track-row').length).toBeGreaterThan(0);
    const reads = bridge.callsTo('library:cached').map((call) => call.args[0]);
    expect(reads).toEqual(['a', 'b']);
    expect(bridge.callsTo('library:sync')).toHaveLength(0);
  });

  it('renders far fewer rows than tracks and says how many there are', async () => {
    await renderApp(bridgeWith(library(2000)));
    await loaded(2000);
    const table = screen.getByRole('grid', { name: 'Saved tracks of Alice' });
    const rendered = within(table).getAllByTestId('track-row').length;
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(40);
    expect(table.getAttribute('aria-rowcount')).toBe('2001');
  });

  it('sizes the table for the rows that match a search, not for the whole library', async () => {
    await renderApp(bridgeWith(library(2000)));
    await loaded(2000);
    const table = screen.getByRole('grid', { name: 'Saved tracks of Alice' });
    const body = () => table.querySelector('.track-body') as HTMLElement;
    expect(body().style.height).toBe(`${2000 * trackRowHeight}px`);

    // "Song 1999" and no other title contains "1999".
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search saved tracks' }), {
      target: { value: 'song 1999' },
    });
    await waitFor(() => expect(visibleTitles()).toEqual(['Song 1999']));
    expect(body().style.height).toBe(`${trackRowHeight}px`);
    expect(table.getAttribute('aria-rowcount')).toBe('2');
  });

  it('updates the rendered rows in place when the list jumps far, instead of replacing them', async () => {
    await renderApp(bridgeWith(library(2000)));
    await loaded(2000);
    const table = screen.getByRole('grid', { name: 'Saved tracks of Alice' });
    const rows = () => within(table).getAllByTestId('track-row');
    const before = new Set(rows());
    act(() => {
      table.scrollTop = 1500 * trackRowHeight;
      fireEvent.scroll(table);
    });
    await waitFor(() => expect(Number(rows()[0]?.ariaRowIndex)).toBeGreaterThan(1400));
    // At the top fewer rows are drawn (no overscan above the first). The rows keep their slots:
    // all of them are reused but at most one (a slot the longer run does not need).
    const after = rows();
    const reused = [...before].filter((row) => row.isConnected && after.includes(row));
    expect(reused.length).toBeGreaterThanOrEqual(before.size - 1);
    expect(after.length).toBeGreaterThan(before.size);
    // Still in order for screen readers: the DOM order follows the rows' positions.
    const indices = rows().map((row) => Number(row.ariaRowIndex));
    expect(indices).toEqual([...indices].sort((a, b) => a - b));
  });

  it('keeps every row where it was when a scroll step brings one more row into view', async () => {
    await renderApp(bridgeWith(library(2000)));
    await loaded(2000);
    const table = screen.getByRole('grid', { name: 'Saved tracks of Alice' });
    const rows = () => within(table).getAllByTestId('track-row');
    const scrollTo = (top: number) =>
      act(() => {
        table.scrollTop = top;
        fireEvent.scroll(table);
      });
    // Rows 1000 to 1009 fill the 560 px view exactly; half a row further, 1010 shows too.
    scrollTo(1000 * trackRowHeight);
    await waitFor(() => expect(rows()[0]?.ariaRowIndex).toBe(String(995 + 2)));
    const before = new Map(rows().map((row) => [row, row.ariaRowIndex]));
    scrollTo(1000 * trackRowHeight + trackRowHeight / 2);
    await waitFor(() => expect(rows()).toHaveLength(before.size + 1));

    // Each row still shows the track it showed; only the row that came into view is new.
    for (const [row, rowIndex] of before) {
      expect(row.isConnected).toBe(true);
      expect(row.ariaRowIndex).toBe(rowIndex);
    }
    expect(
      rows()
        .filter((row) => !before.has(row))
        .map((row) => row.ariaRowIndex),
    ).toEqual([String(1015 + 2)]);
  });

  it('shows a new search from its first match, wherever the list was scrolled', async () => {
    await renderApp(bridgeWith(library(2000)));
    await loaded(2000);
    const table = screen.getByRole('grid', { name: 'Saved tracks of Alice' });
    const firstRowIndex = () => within(table).getAllByTestId('track-row')[0]?.ariaRowIndex;
    // Scrolled down to about the 1,500th track (jsdom keeps scrollTop; the scroll event tells
    // the virtualiser, as a browser's would).
    act(() => {
      table.scrollTop = 1500 * trackRowHeight;
      fireEvent.scroll(table);
    });
    await waitFor(() => expect(Number(firstRowIndex())).toBeGreaterThan(1400));

    // "song 1" matches 1,111 of the 2,000 titles: a list long enough to stay scrolled.
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search saved tracks' }), {
      target: { value: 'song 1' },
    });
    expect(table.scrollTop).toBe(0);
    expect(firstRowIndex()).toBe('2');
    expect(visibleTitles()[0]).toMatch(/^Song 1/);
  });

  it('loads covers through the app’s image route, never from Spotify’s host', async () => {
    const cover = 'https://i.scdn.co/image/ab67616d00004851cafe';
    await renderApp(bridgeWith([makeTrack(1, { albumImageUrl: cover })]));
    await loaded(1);
    const image = screen.getByTestId('track-row').querySelector('.col-cover img');
    expect(image?.getAttribute('src')).toBe(`app-image://image/${encodeURIComponent(cover)}`);
  });

  it('keeps shown covers while the person types, and loads new ones once the query rests', async () => {
    const cover = (i: number) => `https://i.scdn.co/image/ab67616d00004851cafe${i}`;
    const tracks = [
      makeTrack(1, { name: 'Blue Monday', albumImageUrl: cover(1) }),
      makeTrack(2, { name: 'Lover', albumImageUrl: cover(2) }),
      makeTrack(3, { name: 'Blue Sky', albumImageUrl: cover(3) }),
    ];
    await renderApp(bridgeWith(tracks));
    await loaded(3);
    const coverOf = (name: string) =>
      screen
        .getAllByTestId('track-row')
        .find((row) => row.textContent?.includes(name))
        ?.querySelector('.col-cover img') ?? null;
    // Newest first: Blue Sky, Lover, Blue Monday. Their covers load.
    for (const name of ['Blue Sky', 'Lover', 'Blue Monday']) {
      const image = coverOf(name);
      expect(image).not.toBeNull();
      if (image) fireEvent.load(image);
    }

    fireEvent.change(screen.getByRole('searchbox', { name: 'Search saved tracks' }), {
      target: { value: 'blue' },
    });
    // Blue Sky stays in its row with its cover; Blue Monday moves into Lover's row: it waits.
    expect(visibleTitles()).toEqual(['Blue Sky', 'Blue Monday']);
    expect(coverOf('Blue Sky')?.getAttribute('src')).toContain(encodeURIComponent(cover(3)));
    expect(coverOf('Blue Monday')).toBeNull();
    // Once the query has rested, the new row's cover loads.
    await waitFor(() =>
      expect(coverOf('Blue Monday')?.getAttribute('src')).toContain(encodeURIComponent(cover(1))),
    );
  });

  it('draws only the rows in view while the person types, and the rows beyond once the query rests', async () => {
    await renderApp(bridgeWith(library(2000)));
    await loaded(2000);
    const table = screen.getByRole('grid', { name: 'Saved tracks of Alice' });
    const rowCount = () => within(table).getAllByTestId('track-row').length;
    // 560 px of view holds 10 rows of 56 px; 5 more are drawn below, ready for scrolling.
    expect(rowCount()).toBe(15);

    // "song 1" matches 1,111 titles, far more than the view holds.
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search saved tracks' }), {
      target: { value: 'song 1' },
    });
    expect(rowCount()).toBe(10);
    expect(visibleTitles().every((title) => title.startsWith('Song 1'))).toBe(true);
    await waitFor(() => expect(rowCount()).toBe(15));
  });

  it('filters by title, artist and album as the person types', async () => {
    const tracks = [
      makeTrack(1, { name: 'Blue Monday', artists: ['New Order'], album: 'Substance' }),
      makeTrack(2, { name: 'Hallelujah', artists: ['Jeff Buckley'], album: 'Grace' }),
      makeTrack(3, { name: 'Lover', artists: ['Taylor Swift'], album: 'Blue Sky' }),
    ];
    await renderApp(bridgeWith(tracks));
    await loaded(3);
    const search = screen.getByRole('searchbox', { name: 'Search saved tracks' });

    fireEvent.change(search, { target: { value: 'blue' } });
    await waitFor(() => expect(visibleTitles().sort()).toEqual(['Blue Monday', 'Lover']));
    expect(screen.getByRole('heading', { name: /Saved tracks/ }).textContent).toContain('2 of 3');

    fireEvent.change(search, { target: { value: 'buckley' } });
    await waitFor(() => expect(visibleTitles()).toEqual(['Hallelujah']));

    fireEvent.change(search, { target: { value: 'zzz' } });
    expect(await screen.findByText('No saved tracks match “zzz”.')).toBeTruthy();
  });

  it('sorts by a clicked column header and flips on a second click, updating aria-sort', async () => {
    const tracks = [
      makeTrack(1, { name: 'Bravo', durationMs: 200_000 }),
      makeTrack(2, { name: 'alpha', durationMs: 100_000 }),
      makeTrack(3, { name: 'Charlie', durationMs: 300_000 }),
    ];
    await renderApp(bridgeWith(tracks));
    await loaded(3);
    const header = (name: string) =>
      screen.getByRole('button', { name: new RegExp(`^${name}`) }).closest('[role="columnheader"]');

    expect(header('Added')?.getAttribute('aria-sort')).toBe('descending');
    expect(visibleTitles()).toEqual(['Charlie', 'alpha', 'Bravo']);

    fireEvent.click(screen.getByRole('button', { name: /^Title/ }));
    expect(header('Title')?.getAttribute('aria-sort')).toBe('ascending');
    expect(header('Added')?.getAttribute('aria-sort')).toBe('none');
    expect(visibleTitles()).toEqual(['alpha', 'Bravo', 'Charlie']);

    fireEvent.click(screen.getByRole('button', { name: /^Title/ }));
    expect(header('Title')?.getAttribute('aria-sort')).toBe('descending');
    expect(visibleTitles()).toEqual(['Charlie', 'Bravo', 'alpha']);

    fireEvent.click(screen.getByRole('button', { name: /^Duration/ }));
    expect(visibleTitles()).toEqual(['alpha', 'Bravo', 'Charlie']);
  });

  it('shows duration as m:ss, an explicit badge with a name, and local files', async () => {
    const tracks = [
      makeTrack(1, { name: 'Loud', explicit: true, durationMs: 215_000 }),
      makeTrack(2, { name: 'Home demo', isLocal: true, id: null }),
    ];
    await renderApp(bridgeWith(tracks));
    await loaded(2);
    expect(screen.getByRole('img', { name: 'Explicit' }).textContent).toBe('E');
    expect(screen.getByText('3:35')).toBeTruthy();
    expect(screen.getByText('Local file')).toBeTruthy();
  });

  it('explains an empty library', async () => {
    await renderApp(bridgeWith([]));
    expect(await screen.findByRole('heading', { name: 'No saved tracks yet' })).toBeTruthy();
  });

  it('reads the cache again after a failed read, even when the next sync finds nothing new', async () => {
    const bridge = cachedBridge(library(5), minutes(1));
    await renderApp(bridge);
    await loaded(5);
    // A sync brings 8 tracks into the cache, but reading them fails: the 5 stay on screen.
    bridge.libraries.a = library(8);
    bridge.failures.set('library:cached', { code: 'bridge_failed', message: 'No answer.' });
    fireEvent.click(screen.getByRole('button', { name: 'Sync saved tracks now' }));
    await screen.findByText(/Showing the 5 tracks from the last sync/);
    expect(screen.getByRole('heading', { name: /Saved tracks/ }).textContent).not.toContain('8');
    bridge.failures.delete('library:cached');

    // The core now says "unchanged": its cache is current, but the page's copy is not.
    fireEvent.click(screen.getByRole('button', { name: 'Sync saved tracks now' }));
    await waitFor(() => expect(screen.getAllByTestId('track-row')).toHaveLength(8));
  });

  it('offers Retry when the cache cannot be read, and reads it again', async () => {
    const bridge = cachedBridge(library(5), minutes(1));
    bridge.failures.set('library:cached', { code: 'bridge_failed', message: 'No answer.' });
    await renderApp(bridge);
    const banner = await screen.findByText(/Your saved tracks could not be loaded/);
    expect(banner.textContent).toContain('The app did not answer');
    bridge.failures.delete('library:cached');
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    await loaded(5);
    expect(screen.queryByText(/could not be loaded/)).toBeNull();
  });

  it('does not load the library of an account that must sign in again, and offers to', async () => {
    const bridge = new FakeBridge({
      accounts: [makeAccount({ id: 'a', label: 'Alice', status: 'needs_sign_in' })],
      libraries: { a: library(3) },
    });
    await renderApp(bridge);
    fireEvent.click(screen.getByRole('button', { name: 'Sign in again' }));
    await waitFor(() => expect(bridge.callsTo('accounts:add')).toHaveLength(1));
    expect(bridge.callsTo('library:cached')).toHaveLength(0);
    expect(bridge.callsTo('library:sync')).toHaveLength(0);
  });

  it('hands a sync refused for sign-in to the account page, with no stale banner once back', async () => {
    const bridge = cachedBridge(library(4), minutes(1));
    bridge.failures.set('library:sync', { code: 'needs_sign_in', message: 'Sign in again.' });
    await renderApp(bridge);
    await loaded(4);
    fireEvent.click(screen.getByRole('button', { name: 'Sync saved tracks now' }));
    await waitFor(() => expect(bridge.callsTo('library:sync')).toHaveLength(1));
    const signedOut = makeAccount({ id: 'a', label: 'Alice', status: 'needs_sign_in' });
    act(() => bridge.emit('accounts:changed', { accounts: [signedOut], activeAccountId: 'a' }));
    expect(await screen.findByRole('button', { name: 'Sign in again' })).toBeTruthy();
    expect(screen.queryByRole('grid')).toBeNull();

    bridge.failures.delete('library:sync');
    act(() =>
      bridge.emit('accounts:changed', {
        accounts: [{ ...signedOut, status: 'ok' }],
        activeAccountId: 'a',
      }),
    );
    await loaded(4);
    expect(screen.queryByText(/from the last sync/)).toBeNull();
    expect(bridge.callsTo('library:cached')).toHaveLength(1);
  });

  it('explains the dashboard steps for an account that is not allowlisted', async () => {
    await renderApp(
      new FakeBridge({
        accounts: [makeAccount({ id: 'a', label: 'Alice', status: 'not_allowlisted' })],
      }),
    );
    expect(screen.getByRole('heading', { name: /does not allow this account/ })).toBeTruthy();
    expect(screen.getByText(/User Management/)).toBeTruthy();
    expect(screen.getByText(/at most 5 users/)).toBeTruthy();
  });

  it('loads the library once the account is signed in again', async () => {
    const bridge = new FakeBridge({
      accounts: [makeAccount({ id: 'a', label: 'Alice', status: 'needs_sign_in' })],
      libraries: { a: library(3) },
    });
    await renderApp(bridge);
    act(() =>
      bridge.emit('accounts:changed', {
        accounts: [makeAccount({ id: 'a', label: 'Alice', status: 'ok' })],
        activeAccountId: 'a',
      }),
    );
    await loaded(3);
  });
});
