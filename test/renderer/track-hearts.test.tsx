// @vitest-environment jsdom
// The heart of every row in an account's own view: filled, since every track there is saved;
// pressing it removes the track for that account (and says so until the list drops it), a local
// file's heart cannot act and says why, and a failure puts the heart back with a sentence.
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { FakeBridge, held, makeAccount, makeTrack } from './fake-bridge.js';
import { renderApp, withViewportHeight } from './render-app.js';
import { loaded } from './track-screen.js';

let restoreViewport: () => void = () => undefined;
beforeEach(() => {
  restoreViewport = withViewportHeight(560);
});
afterEach(() => restoreViewport());

async function openAlice() {
  const bridge = new FakeBridge({
    accounts: [makeAccount({ id: 'a', label: 'Alice' }), makeAccount({ id: 'b', label: 'Bob' })],
    libraries: {
      a: [
        makeTrack(0, { addedAt: 3e12 }),
        makeTrack(1, { addedAt: 2e12, isLocal: true, id: null, name: 'Demo tape' }),
        makeTrack(2, { addedAt: 1e12 }),
      ],
    },
    cachedAt: { a: Date.now() },
  });
  await renderApp(bridge);
  await loaded(3);
  return bridge;
}

const grid = () => screen.getByRole('grid', { name: 'Saved tracks of Alice' });

describe('the heart of a row', () => {
  it('removes the track from the account shown, without selecting the row', async () => {
    const bridge = await openAlice();
    // The library's new revision is held, so the row stays to say what happened.
    const gate = held();
    bridge.holdChanges = gate.promise;
    const heart = screen.getByRole('button', { name: 'Remove “Song 0” from Alice’s saved tracks' });
    fireEvent.click(heart);
    expect(bridge.callsTo('library:setSaved').map((call) => call.args)).toEqual([
      ['a', 'track0', false],
    ]);
    expect(
      await screen.findByRole('button', { name: '“Song 0” was removed from Alice’s saved tracks' }),
    ).toBeTruthy();
    expect(screen.queryByText(/\d+ selected/)).toBeNull();
    // Removed: pressing it again asks nothing more.
    fireEvent.click(screen.getByRole('button', { name: /“Song 0” was removed/ }));
    expect(bridge.callsTo('library:setSaved')).toHaveLength(1);
    // Then the list drops the row.
    gate.release();
    await waitFor(() => expect(screen.queryByRole('button', { name: /“Song 0”/ })).toBeNull());
  });

  it('cannot remove a local file, and says why', async () => {
    const bridge = await openAlice();
    const heart = screen.getByRole('button', {
      name: '“Demo tape” is a local file: it can only be removed in the Spotify app',
    });
    expect(heart.getAttribute('aria-disabled')).toBe('true');
    fireEvent.click(heart);
    expect(bridge.callsTo('library:setSaved')).toHaveLength(0);
  });

  it('puts the heart back and says why when the removal fails', async () => {
    const bridge = await openAlice();
    bridge.failures.set('library:setSaved', { code: 'network_error', message: 'offline' });
    fireEvent.click(screen.getByRole('button', { name: /Remove “Song 2”/ }));
    expect(await screen.findByText(/Spotify could not be reached/)).toBeTruthy();
    await waitFor(() =>
      expect(
        screen.getByRole('button', { name: /Remove “Song 2”/ }).getAttribute('aria-disabled'),
      ).toBeNull(),
    );
  });

  it('puts only the active row’s heart in the Tab order', async () => {
    await openAlice();
    const tabbable = () =>
      within(grid())
        .getAllByRole('button', { name: /“/ })
        .filter((button) => button.tabIndex === 0)
        .map((button) => button.getAttribute('aria-label'));
    expect(tabbable()).toEqual([]);
    fireEvent.click(screen.getByText('Song 2'));
    expect(tabbable()).toEqual(['Remove “Song 2” from Alice’s saved tracks']);
  });
});
