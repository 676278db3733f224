// @vitest-environment jsdom
// An account's saved tracks: loaded page by page with a progress bar, searched and sorted in
// memory, rendered as a virtualised table, and every state around it explained.
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { FakeBridge, makeAccount, makeTrack } from './fake-bridge.js';
import { renderApp, withViewportHeight } from './render-app.js';

let restoreViewport: () => void = () => undefined;
beforeEach(() => {
  restoreViewport = withViewportHeight(560);
});
afterEach(() => restoreViewport());

function library(size: number) {
  return Array.from({ length: size }, (_, index) => makeTrack(index));
}

function bridgeWith(tracks: ReturnType<typeof library>) {
  return new FakeBridge({
    accounts: [makeAccount({ id: 'a', label: 'Alice' })],
    libraries: { a: tracks },
  });
}

function visibleTitles(): string[] {
  return screen
    .getAllByTestId('track-row')
    .map(
      (row) => within(row).getAllByRole('cell')[1]?.querySelector('.track-name')?.textContent ?? '',
    );
}

async function loaded(total: number) {
  const heading = await screen.findByRole('heading', { name: /Saved tracks/ });
  await waitFor(() => expect(screen.queryByRole('progressbar')).toBeNull());
  await waitFor(() => expect(heading.textContent).toContain(total.toLocaleString('en')));
}

describe('saved tracks', () => {
  it('fetches pages of 50 one after another and shows the total', async () => {
    const bridge = bridgeWith(library(120));
    await renderApp(bridge);
    await loaded(120);
    expect(bridge.callsTo('library:tracks').map((call) => call.args)).toEqual([
      ['a', { offset: 0, limit: 50 }],
      ['a', { offset: 50, limit: 50 }],
      ['a', { offset: 100, limit: 50 }],
    ]);
  });

  it('shows "Loading N of M" with a labelled progress bar while pages arrive', async () => {
    const bridge = bridgeWith(library(1200));
    let release: () => void = () => undefined;
    bridge.holdTracksAt.set(
      100,
      new Promise((resolve) => {
        release = resolve;
      }),
    );
    await renderApp(bridge);

    const progress = await screen.findByRole('progressbar', { name: 'Loading 100 of 1,200' });
    expect(progress.getAttribute('max')).toBe('1200');
    expect(progress.getAttribute('value')).toBe('100');
    expect(screen.getAllByTestId('track-row').length).toBeGreaterThan(0);

    release();
    await loaded(1200);
  });

  it('says the first page is on its way before anything has arrived', async () => {
    const bridge = bridgeWith(library(10));
    let release: () => void = () => undefined;
    bridge.holdTracksAt.set(
      0,
      new Promise((resolve) => {
        release = resolve;
      }),
    );
    await renderApp(bridge);
    expect(
      await screen.findByRole('progressbar', { name: 'Loading your saved tracks…' }),
    ).toBeTruthy();
    release();
    await loaded(10);
  });

  it('renders far fewer rows than tracks and says how many there are', async () => {
    await renderApp(bridgeWith(library(2000)));
    await loaded(2000);
    const table = screen.getByRole('table', { name: 'Saved tracks of Alice' });
    const rendered = within(table).getAllByTestId('track-row').length;
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(40);
    expect(table.getAttribute('aria-rowcount')).toBe('2001');
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

  it('keeps the loaded tracks on a network error and resumes from the failed page on Retry', async () => {
    const bridge = bridgeWith(library(120));
    bridge.failTracksAt.set(50, { code: 'network_error', message: 'fetch failed' });
    await renderApp(bridge);

    const alert = await screen.findByText(/Showing the 50 tracks loaded so far/);
    expect(alert.textContent).toContain('Check your internet connection');
    expect(screen.getByRole('table')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    await loaded(120);
    const offsets = bridge
      .callsTo('library:tracks')
      .map((call) => (call.args[1] as { offset: number }).offset);
    expect(offsets).toEqual([0, 50, 50, 100]);
  });

  it('does not load the library of an account that must sign in again, and offers to', async () => {
    const bridge = new FakeBridge({
      accounts: [makeAccount({ id: 'a', label: 'Alice', status: 'needs_sign_in' })],
      libraries: { a: library(3) },
    });
    await renderApp(bridge);
    fireEvent.click(screen.getByRole('button', { name: 'Sign in again' }));
    await waitFor(() => expect(bridge.callsTo('accounts:add')).toHaveLength(1));
    expect(bridge.callsTo('library:tracks')).toHaveLength(0);
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
