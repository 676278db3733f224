// @vitest-environment jsdom
// Copying or moving a selection: the selection bar's menus of the other accounts, what it says
// of local files and of a single account, the plan asked for with the library's revision and the
// selected positions, the spinner while the core plans, the plan's numbers, the sign-in an
// account needs before anything is written, an error in a sentence, and Confirm starting the
// plan it showed.
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { JobPlanRequest } from '../../electron/core/ipc/contract.js';
import { decodePositions } from '../../electron/core/ipc/job-views.js';
import { FakeBridge, held, makeAccount, makeTrack } from './fake-bridge.js';
import { renderApp, withViewportHeight } from './render-app.js';
import { loaded } from './track-screen.js';

let restoreViewport: () => void = () => undefined;
beforeEach(() => {
  restoreViewport = withViewportHeight(560);
});
afterEach(() => restoreViewport());

const alice = Array.from({ length: 12 }, (_, i) =>
  makeTrack(i, { addedAt: 1e12 - i, isLocal: i === 3, id: i === 3 ? null : `track${i}` }),
);

/** Alice (12 tracks, Song 3 a local file) and Bob, who already has Song 1. */
function bridgeFor(accounts = ['a', 'b']) {
  const labels: Record<string, string> = { a: 'Alice', b: 'Bob', c: 'Carol' };
  return new FakeBridge({
    accounts: accounts.map((id) => makeAccount({ id, label: labels[id] ?? id })),
    libraries: { a: alice, b: [makeTrack(1), makeTrack(50)] },
    cachedAt: Object.fromEntries(accounts.map((id) => [id, Date.now()])),
  });
}

function row(title: string): HTMLElement {
  const found = screen
    .getAllByTestId('track-row')
    .find((element) => element.querySelector('.track-name')?.textContent === title);
  if (!found) throw new Error(`No row ${title}`);
  return found;
}

function select(from: string, to: string) {
  fireEvent.click(row(from).querySelector('.col-title') as Element);
  fireEvent.click(row(to).querySelector('.col-title') as Element, { shiftKey: true });
}

async function choose(kind: 'Copy' | 'Move', target: string) {
  fireEvent.click(screen.getByRole('button', { name: `${kind} to…` }));
  const menu = screen.getByRole('menu', { name: `${kind} the selected tracks to` });
  fireEvent.click(within(menu).getByRole('menuitem', { name: target }));
  return screen.findByRole('dialog', { name: `${kind} to ${target}` });
}

async function openAlice(bridge = bridgeFor()) {
  await renderApp(bridge);
  await loaded(12);
  return bridge;
}

describe('copying and moving a selection', () => {
  it('offers the other accounts and says local files cannot be copied', async () => {
    await openAlice(bridgeFor(['a', 'b', 'c']));
    select('Song 2', 'Song 4');
    expect(screen.getByText('1 local file cannot be copied')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Copy to…' }));
    const menu = screen.getByRole('menu');
    expect(
      within(menu)
        .getAllByRole('menuitem')
        .map((item) => item.textContent),
    ).toEqual(['Bob', 'Carol']);
    // Escape closes the menu and hands focus back to its button.
    fireEvent.keyDown(menu, { key: 'Escape' });
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Copy to…' }));
  });

  it('disables Copy and Move with a reason when there is only one account', async () => {
    const bridge = new FakeBridge({
      accounts: [makeAccount({ id: 'a', label: 'Alice' })],
      libraries: { a: alice },
      cachedAt: { a: Date.now() },
    });
    await openAlice(bridge);
    select('Song 0', 'Song 1');
    const copy = screen.getByRole('button', { name: 'Copy to…' }) as HTMLButtonElement;
    expect(copy.disabled).toBe(true);
    expect((screen.getByRole('button', { name: 'Move to…' }) as HTMLButtonElement).disabled).toBe(
      true,
    );
    const reason = document.getElementById(copy.getAttribute('aria-describedby') ?? '');
    expect(reason?.textContent).toBe('Add another account to copy or move tracks to it.');
  });

  it('plans with the revision held and the selected positions, with a spinner meanwhile', async () => {
    const bridge = await openAlice();
    const gate = held();
    bridge.jobs.holdPlan = gate.promise;
    select('Song 1', 'Song 4');
    const dialog = await choose('Copy', 'Bob');
    expect(within(dialog).getByRole('status').textContent).toContain(
      'Checking the saved tracks of Alice and Bob',
    );
    const [request] = bridge.callsTo('jobs:plan')[0]?.args as [JobPlanRequest];
    expect(request.kind).toBe('copy');
    expect(request.targetAccountId).toBe('b');
    expect(request.selection.accountId).toBe('a');
    const cache = bridge.caches.get('a');
    if (cache === undefined) throw new Error('Alice has no cache');
    expect(request.selection.revision).toBe(bridge.revisionOf(cache));
    expect(decodePositions(request.selection.positions)).toEqual([1, 2, 3, 4]);
    await act(async () => gate.release());
    expect(await within(dialog).findByRole('button', { name: 'Copy 2 tracks' })).toBeTruthy();
  });

  it('shows what the copy adds, skips and cannot copy, the requests and the date note', async () => {
    await openAlice();
    select('Song 1', 'Song 4');
    const dialog = await choose('Copy', 'Bob');
    await within(dialog).findByRole('button', { name: 'Copy 2 tracks' });
    const lines = within(dialog)
      .getAllByRole('listitem')
      .map((item) => item.textContent);
    expect(lines).toEqual([
      '2 to add to Bob',
      '1 already in Bob: skipped',
      '1 local file: cannot be copied',
    ]);
    expect(dialog.textContent).toContain('4 tracks selected in Alice');
    expect(dialog.textContent).toContain('1 request to Spotify');
    expect(dialog.textContent).toContain('today’s date as “date added”');
    expect(dialog.textContent).toContain('the newest ends on top');
  });

  it('says a move then removes from the source only what the target is confirmed to have', async () => {
    await openAlice();
    select('Song 1', 'Song 4');
    const dialog = await choose('Move', 'Bob');
    await within(dialog).findByRole('button', { name: 'Move 3 tracks' });
    expect(
      within(dialog)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toContain('3 then removed from Alice: only tracks Bob is confirmed to have');
  });

  it('starts the plan it showed on Confirm, then clears the selection and shows Activity', async () => {
    const bridge = await openAlice();
    select('Song 5', 'Song 6');
    const dialog = await choose('Copy', 'Bob');
    fireEvent.click(await within(dialog).findByRole('button', { name: 'Copy 2 tracks' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(bridge.callsTo('jobs:start').map((call) => call.args)).toEqual([
      [bridge.jobs.planned[0]?.planId],
    ]);
    expect(screen.queryByText(/\d+ selected/)).toBeNull();
    const activity = screen.getByRole('region', { name: 'Activity' });
    expect(within(activity).getByText('Copying 0 of 2 to Bob')).toBeTruthy();
  });

  it('asks for a sign-in when an account cannot change its library, and writes nothing', async () => {
    const bridge = await openAlice();
    bridge.jobs.missingScopes = [{ accountId: 'b', scope: 'user-library-modify' }];
    select('Song 5', 'Song 6');
    const dialog = await choose('Copy', 'Bob');
    const signIn = await within(dialog).findByRole('button', { name: 'Sign in to Bob again' });
    expect(dialog.textContent).toContain('Bob’s sign-in does not allow changing its library');
    expect(dialog.textContent).toContain('nothing has been written');
    expect(within(dialog).queryByRole('button', { name: /^Copy/ })).toBeNull();

    // Signed in again, the same selection is planned anew, and now it can start.
    bridge.addAnswer = () => ({ ok: true, value: makeAccount({ id: 'b', label: 'Bob' }) });
    bridge.jobs.missingScopes = [];
    fireEvent.click(signIn);
    expect(await within(dialog).findByRole('button', { name: 'Copy 2 tracks' })).toBeTruthy();
    expect(bridge.callsTo('accounts:add')).toHaveLength(1);
    expect(bridge.callsTo('jobs:plan')).toHaveLength(2);
    expect(bridge.callsTo('jobs:start')).toHaveLength(0);
    // Still on Alice: the sign-in was for the dialog, not to show Bob.
    expect(screen.getByRole('grid', { name: 'Saved tracks of Alice' })).toBeTruthy();
  });

  it('offers to cancel a sign-in asked for from the dialog while it waits', async () => {
    const bridge = await openAlice();
    bridge.jobs.missingScopes = [{ accountId: 'b', scope: 'user-library-modify' }];
    select('Song 5', 'Song 6');
    const dialog = await choose('Copy', 'Bob');
    bridge.addAnswer = () => new Promise(() => undefined);
    fireEvent.click(await within(dialog).findByRole('button', { name: 'Sign in to Bob again' }));
    const cancel = await within(dialog).findByRole('button', { name: 'Cancel the sign-in' });
    expect(within(dialog).getByText('Waiting for the sign-in in the login window…')).toBeTruthy();
    fireEvent.click(cancel);
    expect(bridge.callsTo('accounts:cancelLogins')).toHaveLength(1);
  });

  it('explains a failed plan in a sentence', async () => {
    const bridge = await openAlice();
    bridge.failures.set('jobs:plan', { code: 'job_selection_stale', message: 'stale' });
    select('Song 5', 'Song 6');
    const dialog = await choose('Copy', 'Bob');
    const alert = await within(dialog).findByRole('alert');
    expect(alert.textContent).toBe(
      'The saved tracks changed since you selected these. Check the selection, then choose again.',
    );
    // Planning the same selection again would fail the same way: only Cancel.
    expect(
      within(dialog)
        .getAllByRole('button')
        .map((button) => button.textContent),
    ).toEqual(['Cancel']);
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByText('2 selected')).toBeTruthy();
  });

  it('offers to plan again when the plan was gone at Confirm', async () => {
    const bridge = await openAlice();
    select('Song 5', 'Song 6');
    const dialog = await choose('Copy', 'Bob');
    const confirm = await within(dialog).findByRole('button', { name: 'Copy 2 tracks' });
    bridge.failures.set('jobs:start', { code: 'job_plan_not_found', message: 'gone' });
    fireEvent.click(confirm);
    expect((await within(dialog).findByRole('alert')).textContent).toContain('Plan it again');
    bridge.failures.delete('jobs:start');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Plan again' }));
    fireEvent.click(await within(dialog).findByRole('button', { name: 'Copy 2 tracks' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(bridge.jobs.all).toHaveLength(1);
  });
});
