// @vitest-environment jsdom
// Selecting in All accounts and copying from there: the compare table is a multi-selectable grid
// answering the same clicks and keys as an account's table, with the same selection bar; the job's
// source is the filter's account or, without one, the account holding most of the selection (the
// person may choose another); tracks the source lacks and local files are left out and said so,
// and the plan is asked for the source's own positions. A library change keeps the selection.
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { decodePositions } from '../../../electron/core/ipc/job-views.js';
import type { JobPlanRequest } from '../../../renderer/src/app-contract.js';
import { withViewportHeight } from '../render-app.js';
import { openAllAccounts, rowOf, threeAccounts } from './compare-screen.js';

let restoreViewport: () => void = () => undefined;
beforeEach(() => {
  restoreViewport = withViewportHeight(900);
});
afterEach(() => restoreViewport());

const grid = () => screen.getByRole('grid', { name: 'Saved tracks of all accounts' });

function click(title: string, modifiers: { shiftKey?: boolean; ctrlKey?: boolean } = {}) {
  const cell = rowOf(title).querySelector('.col-title');
  if (cell === null) throw new Error(`No title cell in ${title}`);
  fireEvent.click(cell, modifiers);
}

function selectedTitles(): string[] {
  return within(grid())
    .getAllByTestId('compare-row')
    .filter((row) => row.getAttribute('aria-selected') === 'true')
    .map((row) => row.querySelector('.track-name')?.textContent ?? '');
}

async function choose(verb: 'Copy' | 'Move', target: string): Promise<HTMLElement> {
  fireEvent.click(screen.getByRole('button', { name: `${verb} to…` }));
  fireEvent.click(screen.getByRole('menuitem', { name: target }));
  return screen.findByRole('dialog', { name: `${verb} to ${target}` });
}

function planRequest(bridge: ReturnType<typeof threeAccounts>): JobPlanRequest {
  const [request] = bridge.callsTo('jobs:plan').at(-1)?.args as [JobPlanRequest];
  return request;
}

describe('selection in all accounts', () => {
  it('selects with clicks and keys in a multi-selectable grid', async () => {
    await openAllAccounts(threeAccounts());
    expect(grid().getAttribute('aria-multiselectable')).toBe('true');
    click('Song 5');
    click('Song 3', { shiftKey: true });
    expect(selectedTitles()).toEqual(['Song 5', 'Song 4', 'Song 3']);
    click('Song 2', { ctrlKey: true });
    expect(selectedTitles()).toEqual(['Song 5', 'Song 4', 'Song 3', 'Song 2']);
    expect(screen.getByText('4 selected')).toBeTruthy();

    fireEvent.keyDown(grid(), { key: 'Escape' });
    expect(selectedTitles()).toEqual([]);
    fireEvent.keyDown(grid(), { key: 'ArrowUp' });
    fireEvent.keyDown(grid(), { key: ' ' });
    expect(selectedTitles()).toEqual(['Song 1']);
    fireEvent.keyDown(grid(), { key: 'a', ctrlKey: true });
    expect(selectedTitles()).toHaveLength(6);
  });

  it('offers "Select all N in this filter", and takes the source from the filter', async () => {
    const bridge = threeAccounts();
    await openAllAccounts(bridge);
    fireEvent.click(screen.getByRole('radio', { name: /^In Alice but not in Bob/ }));
    click('Song 1');
    fireEvent.click(screen.getByRole('button', { name: 'Select all 2 in this filter' }));
    expect(selectedTitles()).toEqual(['Garage Demo', 'Song 1']);
    expect(screen.getByTestId('selection-source').textContent).toBe('from Alice');
    expect(screen.getByTestId('selection-left-out').textContent).toBe(
      '1 local file cannot be copied',
    );

    const dialog = await choose('Copy', 'Carol');
    const request = planRequest(bridge);
    expect(request.selection.accountId).toBe('a');
    // Alice's list is the local file, 3, 2, 1: the plan counts the local file as not copyable.
    expect(decodePositions(request.selection.positions)).toEqual([0, 3]);
    expect(await within(dialog).findByRole('button', { name: 'Copy 1 track' })).toBeTruthy();
    expect(within(dialog).getByText('local file: cannot be copied')).toBeTruthy();
  });

  it('copies from the account holding most of the selection, or the one chosen', async () => {
    const bridge = threeAccounts();
    await openAllAccounts(bridge);
    click('Song 4'); // Bob
    click('Song 3', { ctrlKey: true }); // everyone
    click('Song 5', { ctrlKey: true }); // Carol
    // Bob and Carol hold two each: the first of them in the table's order.
    const from = screen.getByRole('combobox', { name: 'Copy or move from which account' });
    expect((from as HTMLSelectElement).value).toBe('b');
    expect(
      within(from)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['Alice (1)', 'Bob (2)', 'Carol (2)']);
    expect(screen.getByTestId('selection-left-out').textContent).toBe(
      '1 selected track is not in Bob’s library',
    );
    // The source is no target.
    fireEvent.click(screen.getByRole('button', { name: 'Copy to…' }));
    expect(screen.getAllByRole('menuitem').map((item) => item.textContent)).toEqual([
      'Alice',
      'Carol',
    ]);
    fireEvent.keyDown(screen.getByRole('menu'), { key: 'Escape' });

    fireEvent.change(from, { target: { value: 'c' } });
    expect(screen.getByTestId('selection-left-out').textContent).toBe(
      '1 selected track is not in Carol’s library',
    );
    const dialog = await choose('Move', 'Alice');
    const request = planRequest(bridge);
    expect(request.kind).toBe('move');
    expect(request.selection.accountId).toBe('c');
    expect(decodePositions(request.selection.positions)).toEqual([0, 1]);
    expect((await within(dialog).findByTestId('plan-left-out')).textContent).toBe(
      '1 selected track is not in Carol’s library: they are not part of this move.',
    );
  });

  it('keeps the selection when a library changes, and the row shows the new holder', async () => {
    const bridge = threeAccounts();
    await openAllAccounts(bridge);
    click('Song 1');
    const song1 = () => within(rowOf('Song 1'));
    expect(song1().getByRole('button', { name: /^Not in Carol/ })).toBeTruthy();
    await act(async () => bridge.setSaved('c', 'track1', true));
    await waitFor(() =>
      expect(song1().getByRole('button', { name: /^Saved by Carol/ })).toBeTruthy(),
    );
    expect(selectedTitles()).toEqual(['Song 1']);
  });
});
