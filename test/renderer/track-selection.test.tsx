// @vitest-environment jsdom
// Selecting tracks in an account's view: click, Shift+click, Ctrl/Cmd+click, the keyboard alone
// (arrows, Shift+arrows, Space, Escape, Ctrl/Cmd+A), "Select all N in this search", the selection
// kept across searches and pruned when tracks leave the library, as a multi-selectable grid, with
// a change of selection rendering only the rows it concerns.
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { FakeBridge, makeAccount, makeTrack } from './fake-bridge.js';
import { renderApp, withViewportHeight } from './render-app.js';
import { loaded } from './track-screen.js';

let restoreViewport: () => void = () => undefined;
beforeEach(() => {
  restoreViewport = withViewportHeight(560);
});
afterEach(() => restoreViewport());

/** Alice with `size` tracks, newest first ("Song 0" on top), and Bob. */
function twoAccounts(size = 30) {
  return new FakeBridge({
    accounts: [makeAccount({ id: 'a', label: 'Alice' }), makeAccount({ id: 'b', label: 'Bob' })],
    libraries: {
      a: Array.from({ length: size }, (_, i) =>
        makeTrack(i, { addedAt: 1e12 - i, artists: ['Someone'], album: 'Record' }),
      ),
    },
    cachedAt: { a: Date.now(), b: Date.now() },
  });
}

const grid = () => screen.getByRole('grid', { name: 'Saved tracks of Alice' });

function row(title: string): HTMLElement {
  const found = within(grid())
    .getAllByTestId('track-row')
    .find((element) => element.querySelector('.track-name')?.textContent === title);
  if (!found) throw new Error(`No row ${title}`);
  return found;
}

function click(
  title: string,
  modifiers: { shiftKey?: boolean; ctrlKey?: boolean; metaKey?: boolean } = {},
) {
  const cell = row(title).querySelector('.col-title');
  if (!cell) throw new Error(`No title cell in ${title}`);
  fireEvent.click(cell, modifiers);
}

function selectedTitles(): string[] {
  return within(grid())
    .getAllByTestId('track-row')
    .filter((element) => element.getAttribute('aria-selected') === 'true')
    .map((element) => element.querySelector('.track-name')?.textContent ?? '')
    .sort((a, b) => Number(a.split(' ')[1]) - Number(b.split(' ')[1]));
}

/** Counts reads of `Intl.DateTimeFormat#format` (an accessor) until `stop`, which says how many. */
function countDateFormats(): { stop: () => number } {
  const prototype = Intl.DateTimeFormat.prototype;
  const original = Object.getOwnPropertyDescriptor(prototype, 'format');
  const read = original?.get;
  if (original === undefined || read === undefined) throw new Error('format is not an accessor');
  let reads = 0;
  Object.defineProperty(prototype, 'format', {
    ...original,
    get(this: Intl.DateTimeFormat) {
      reads += 1;
      return read.call(this);
    },
  });
  return {
    stop() {
      Object.defineProperty(prototype, 'format', original);
      return reads;
    },
  };
}

const count = () => screen.queryByText(/\d+ selected/)?.textContent ?? '';
const key = (name: string, modifiers: Record<string, boolean> = {}) =>
  fireEvent.keyDown(grid(), { key: name, ...modifiers });

async function openAlice(size?: number) {
  const bridge = twoAccounts(size);
  await renderApp(bridge);
  await loaded(size ?? 30);
  return bridge;
}

describe('selecting tracks', () => {
  it('is a multi-selectable grid whose rows say whether they are selected', async () => {
    await openAlice();
    expect(grid().getAttribute('aria-multiselectable')).toBe('true');
    expect(row('Song 0').getAttribute('aria-selected')).toBe('false');
    click('Song 2');
    expect(row('Song 2').getAttribute('aria-selected')).toBe('true');
    expect(count()).toContain('1 selected');
  });

  it('selects one row on a click, a range on Shift+click, and toggles on Ctrl or Cmd+click', async () => {
    await openAlice();
    click('Song 1');
    click('Song 4', { shiftKey: true });
    expect(selectedTitles()).toEqual(['Song 1', 'Song 2', 'Song 3', 'Song 4']);
    click('Song 2', { ctrlKey: true });
    click('Song 7', { metaKey: true });
    expect(selectedTitles()).toEqual(['Song 1', 'Song 3', 'Song 4', 'Song 7']);
    click('Song 5');
    expect(selectedTitles()).toEqual(['Song 5']);
    expect(count()).toContain('1 selected');
  });

  it('works by keyboard alone: arrows move, Shift+arrows extend, Space toggles, Escape clears', async () => {
    await openAlice();
    act(() => grid().focus());
    // Arriving in the grid makes the first row in view the active one.
    await waitFor(() =>
      expect(grid().getAttribute('aria-activedescendant')).toBe(row('Song 0').id),
    );
    key('ArrowDown');
    expect(grid().getAttribute('aria-activedescendant')).toBe(row('Song 1').id);
    expect(selectedTitles()).toEqual([]);
    key('ArrowDown', { shiftKey: true });
    key('ArrowDown', { shiftKey: true });
    expect(selectedTitles()).toEqual(['Song 1', 'Song 2', 'Song 3']);
    key('ArrowDown');
    key('ArrowDown');
    key(' ');
    expect(selectedTitles()).toEqual(['Song 1', 'Song 2', 'Song 3', 'Song 5']);
    key(' ');
    expect(selectedTitles()).toEqual(['Song 1', 'Song 2', 'Song 3']);
    key('Escape');
    expect(selectedTitles()).toEqual([]);
    expect(screen.queryByText(/\d+ selected/)).toBeNull();
  });

  it('scrolls the active row into view when the arrows move it past the edge', async () => {
    await openAlice(200);
    act(() => grid().focus());
    key('End');
    await waitFor(() => expect(grid().scrollTop).toBeGreaterThan(0));
    await waitFor(() =>
      expect(row('Song 199').id).toBe(grid().getAttribute('aria-activedescendant')),
    );
  });

  it('selects every row of the search with Ctrl+A, Cmd+A and the "Select all" link', async () => {
    await openAlice();
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search saved tracks' }), {
      target: { value: 'song 1' },
    });
    await waitFor(() =>
      expect(screen.getByRole('heading', { name: /Saved tracks/ }).textContent).toMatch(/of 30/),
    );
    const heading = screen.getByRole('heading', { name: /Saved tracks/ }).textContent ?? '';
    const matches = Number(/(\d+) of 30/.exec(heading)?.[1]);
    expect(matches).toBeGreaterThan(1);
    expect(matches).toBeLessThan(30);
    fireEvent.click(screen.getByRole('button', { name: `Select all ${matches} in this search` }));
    expect(count()).toContain(`${matches} selected`);
    expect(screen.queryByRole('button', { name: /Select all/ })).toBeNull();

    key('Escape');
    key('a', { ctrlKey: true });
    expect(count()).toContain(`${matches} selected`);
    key('Escape');
    key('a', { metaKey: true });
    expect(count()).toContain(`${matches} selected`);
  });

  it('keeps the selection across searches and says how many the search hides', async () => {
    await openAlice();
    click('Song 2');
    click('Song 12', { ctrlKey: true });
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search saved tracks' }), {
      target: { value: 'song 12' },
    });
    await waitFor(() => expect(count()).toContain('1 not shown by this search'));
    expect(count()).toContain('2 selected');
    expect(selectedTitles()).toEqual(['Song 12']);
  });

  it('drops tracks that left the library from the selection', async () => {
    const bridge = await openAlice();
    click('Song 1');
    click('Song 3', { shiftKey: true });
    expect(count()).toContain('3 selected');
    // Song 2 is no longer saved on Spotify; the next sync applies that.
    bridge.libraries = { a: (bridge.libraries.a ?? []).filter((t) => t.name !== 'Song 2') };
    fireEvent.click(screen.getByRole('button', { name: 'Sync saved tracks now' }));
    await loaded(29);
    await waitFor(() => expect(count()).toContain('2 selected'));
    expect(selectedTitles()).toEqual(['Song 1', 'Song 3']);
  });

  it('renders again only the rows whose selection or activity changed', async () => {
    await openAlice();
    click('Song 1');
    // Every row's render writes its date: the date format's reads count the rows rendered.
    const dateFormats = countDateFormats();
    click('Song 4', { ctrlKey: true });
    await act(async () => {
      await Promise.resolve();
    });
    const rendered = dateFormats.stop();
    // Song 4 toggled on, and the active row moving from Song 1 to Song 4: two rows of the ~15.
    expect(rendered).toBe(2);
    expect(selectedTitles()).toEqual(['Song 1', 'Song 4']);
  });
});
