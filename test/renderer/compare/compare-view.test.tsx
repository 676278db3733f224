// @vitest-environment jsdom
// "All accounts": the sidebar entry opens one table of every account's distinct tracks with a
// presence column per account, filters with their counts, a search over every library at once,
// hearts that save or remove a track for one account (the table follows library:changed), local
// files that cannot be copied and say why, and stale accounts synced in the background in place.
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import axe from 'axe-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { formatDate } from '../../../renderer/src/format/formatters.js';
import { held } from '../fake-bridge.js';
import { renderApp, withViewportHeight } from '../render-app.js';
import {
  day,
  openAllAccounts,
  rowOf,
  saved,
  shownTitles,
  threeAccounts,
} from './compare-screen.js';

let restoreViewport: () => void = () => undefined;
beforeEach(() => {
  restoreViewport = withViewportHeight(900);
});
afterEach(() => restoreViewport());

const filterRadio = (name: RegExp) => screen.getByRole('radio', { name });

describe('all accounts', () => {
  it('opens from the top of the sidebar, and an account row goes back to its page', async () => {
    const bridge = threeAccounts();
    await openAllAccounts(bridge);
    expect(screen.getByRole('button', { name: 'All accounts' }).getAttribute('aria-current')).toBe(
      'page',
    );
    const alice = screen.getByRole('button', { name: /^Alice/ });
    expect(alice.getAttribute('aria-current')).toBeNull();
    // Every distinct track once, the local file on its own; newest first saved on top.
    expect(shownTitles()).toEqual([
      'Garage Demo',
      'Song 5',
      'Song 4',
      'Song 3',
      'Song 1',
      'Song 2',
    ]);
    expect(screen.getByTestId('compare-total').textContent).toBe('6 distinct tracks in 3 accounts');
    // One presence column per account, named by it.
    const headers = screen.getAllByRole('columnheader').map((header) => header.textContent);
    expect(headers).toEqual(expect.arrayContaining(['AAlice', 'BBob', 'CCarol']));

    fireEvent.click(alice);
    await screen.findByRole('heading', { name: 'Alice', level: 1 });
    expect(screen.queryByRole('heading', { name: 'All accounts' })).toBeNull();
  });

  it('leaves "Signed in as" behind with the account page it was news on', async () => {
    const bridge = threeAccounts();
    await renderApp(bridge);
    bridge.emit('login:progress', { state: 'signed_in', loginId: 'l1', accountId: 'c' });
    await screen.findByText('Signed in as Carol.');
    fireEvent.click(screen.getByRole('button', { name: 'All accounts' }));
    await screen.findByRole('heading', { name: 'All accounts', level: 1 });
    expect(screen.queryByText('Signed in as Carol.')).toBeNull();
  });

  it('says who saved each track and when, in each presence cell', async () => {
    await openAllAccounts(threeAccounts());
    const song2 = within(rowOf('Song 2'));
    expect(
      song2
        .getByRole('button', { name: `Saved by Alice on ${formatDate(saved(2, 20).addedAt)}` })
        .getAttribute('aria-pressed'),
    ).toBe('true');
    expect(
      song2.getByRole('button', { name: `Saved by Bob on ${formatDate(saved(2, 5).addedAt)}` }),
    ).toBeTruthy();
    expect(
      song2.getByRole('button', { name: "Not in Carol's library" }).getAttribute('aria-pressed'),
    ).toBe('false');
    // First saved: Bob's day 5, before Alice's day 20.
    expect(song2.getAllByRole('gridcell')[4]?.textContent).toBe(formatDate(saved(2, 5).addedAt));
  });

  it('counts every filter and shows the rows of the one chosen', async () => {
    await openAllAccounts(threeAccounts());
    expect(screen.getByTestId('compare-counts').textContent).toBe(
      'Alice 4 · Bob 3 · Carol 2 · in all 3 1 · in more than one 2 · only Alice 2 · only Bob 1 · only Carol 1',
    );
    expect(filterRadio(/^In all 3 accounts: 1$/)).toBeTruthy();
    expect(filterRadio(/^In more than one account: 2$/)).toBeTruthy();

    fireEvent.click(filterRadio(/^In Alice but not in Bob: 2$/));
    await waitFor(() => expect(shownTitles()).toEqual(['Garage Demo', 'Song 1']));

    fireEvent.change(screen.getByRole('combobox', { name: 'But not in which account' }), {
      target: { value: 'c' },
    });
    await waitFor(() => expect(shownTitles()).toEqual(['Garage Demo', 'Song 1', 'Song 2']));
    expect(filterRadio(/^In Alice but not in Carol: 3$/)).toBeTruthy();

    fireEvent.click(filterRadio(/^Only in Alice/));
    fireEvent.change(screen.getByRole('combobox', { name: 'Only in which account' }), {
      target: { value: 'c' },
    });
    await waitFor(() => expect(shownTitles()).toEqual(['Song 5']));
    fireEvent.click(filterRadio(/^In all 3 accounts/));
    await waitFor(() => expect(shownTitles()).toEqual(['Song 3']));
  });

  it('searches every account at once, counting the filters among the matches', async () => {
    await openAllAccounts(threeAccounts());
    fireEvent.click(filterRadio(/^In more than one account/));
    const search = screen.getByRole('searchbox', { name: 'Search all accounts' });
    fireEvent.focus(search);
    fireEvent.change(search, { target: { value: 'song 3' } });
    await waitFor(() => expect(shownTitles()).toEqual(['Song 3']));
    fireEvent.change(search, { target: { value: 'song' } });
    await waitFor(() => expect(shownTitles()).toEqual(['Song 3', 'Song 2']));
    expect(screen.getByTestId('compare-total').textContent).toBe('5 of 6 tracks match');
    expect(filterRadio(/^All tracks: 5$/)).toBeTruthy();
    fireEvent.change(search, { target: { value: 'nothing like it' } });
    expect((await screen.findByText(/No saved tracks shown here match/)).textContent).toContain(
      '“nothing like it”',
    );
  });

  it('saves a track for one account with its heart, and shows it once the core says so', async () => {
    const bridge = threeAccounts();
    await openAllAccounts(bridge);
    const heart = within(rowOf('Song 1')).getByRole('button', { name: "Not in Bob's library" });
    const gate = held();
    // What changed reaches the page late: the heart shows the change on its way meanwhile.
    bridge.holdChanges = gate.promise;
    fireEvent.click(heart);
    expect(bridge.callsTo('library:setSaved').map((call) => call.args)).toEqual([
      ['b', 'track1', true],
    ]);
    await waitFor(() =>
      expect(within(rowOf('Song 1')).getByRole('button', { name: 'Saving for Bob…' })).toBeTruthy(),
    );
    gate.release();
    await waitFor(() =>
      expect(
        within(rowOf('Song 1'))
          .getByRole('button', { name: /^Saved by Bob on / })
          .getAttribute('aria-busy'),
      ).toBeNull(),
    );
    expect(bridge.callsTo('library:changes').map((call) => call.args[0])).toEqual(['b']);
    expect(bridge.callsTo('library:cached')).toHaveLength(3);
    expect(filterRadio(/^In all 3 accounts: 1$/)).toBeTruthy();

    fireEvent.click(within(rowOf('Song 2')).getByRole('button', { name: /^Saved by Alice/ }));
    await waitFor(() =>
      expect(
        within(rowOf('Song 2')).getByRole('button', { name: "Not in Alice's library" }),
      ).toBeTruthy(),
    );
    expect(bridge.callsTo('library:setSaved').at(-1)?.args).toEqual(['a', 'track2', false]);
  });

  it('puts a heart back and says why when the core refuses', async () => {
    const bridge = threeAccounts();
    await openAllAccounts(bridge);
    bridge.failures.set('library:setSaved', { code: 'network_error', message: 'offline' });
    fireEvent.click(within(rowOf('Song 1')).getByRole('button', { name: "Not in Bob's library" }));
    const alert = await screen.findByText(/Could not save “Song 1”\./);
    expect(alert.textContent).toContain('Spotify could not be reached');
    expect(
      within(rowOf('Song 1')).getByRole('button', { name: "Not in Bob's library" }),
    ).toBeTruthy();
  });

  it('keeps a local file under its own account, its hearts doing nothing and saying why', async () => {
    const bridge = threeAccounts();
    await openAllAccounts(bridge);
    const row = within(rowOf('Garage Demo'));
    const bob = row.getByRole('button', { name: "Not in Bob's library" });
    expect(bob.getAttribute('aria-disabled')).toBe('true');
    expect(bob.getAttribute('title')).toContain(
      "Local file: only on this computer's Spotify app, so it cannot be saved to another account",
    );
    expect(row.getByText('Local file').getAttribute('title')).toContain(
      'cannot be saved to another account',
    );
    fireEvent.click(bob);
    fireEvent.click(row.getByRole('button', { name: /^Saved by Alice/ }));
    expect(bridge.callsTo('library:setSaved')).toHaveLength(0);
  });

  it('syncs a stale account in the background and updates the table in place', async () => {
    const bridge = threeAccounts({ bobSyncedAt: Date.now() - 2 * day });
    const sync = held();
    bridge.holdSync = sync.promise;
    // Spotify has one more of Bob's tracks than his cache.
    bridge.libraries.b = [saved(6, 60), ...(bridge.libraries.b ?? [])];
    await openAllAccounts(bridge);
    const bobStatus = screen
      .getAllByTestId('compare-sync-age')
      .find((status) => status.closest('[data-account-id="b"]') !== null);
    expect(bobStatus?.textContent).toBe('3 tracks · Checking for changes…');
    expect(bridge.callsTo('library:sync').map((call) => call.args[0])).toEqual(['b']);

    const search = screen.getByRole('searchbox', { name: 'Search all accounts' });
    fireEvent.focus(search);
    fireEvent.change(search, { target: { value: 'song' } });
    const table = screen.getByRole('grid', { name: 'Saved tracks of all accounts' });
    table.scrollTop = 40;
    sync.release();
    await waitFor(() => expect(shownTitles()[0]).toBe('Song 6'));
    expect(bobStatus?.textContent).toBe('4 tracks · Last synced just now');
    expect((search as HTMLInputElement).value).toBe('song');
    expect(screen.getByRole('grid', { name: 'Saved tracks of all accounts' })).toBe(table);
    expect(table.scrollTop).toBe(40);
  });

  it('has no serious accessibility issue', async () => {
    await openAllAccounts(threeAccounts());
    const { violations } = await axe.run(document.body, {
      // jsdom lays nothing out: contrast is checked in the browser (end-to-end tests).
      rules: { 'color-contrast': { enabled: false } },
    });
    const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(
      serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    ).toEqual([]);
  });
});
