// @vitest-environment jsdom
// The account sidebar: rows with named statuses, the active row marked, switching by click and
// Ctrl+N, reordering by keyboard and drag, and the context menu's rename, colour and remove.
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { FakeBridge, makeAccount } from './fake-bridge.js';
import { renderApp } from './render-app.js';

function threeAccounts() {
  return new FakeBridge({
    accounts: [
      makeAccount({ id: 'a', label: 'Alice' }),
      makeAccount({ id: 'b', label: 'Bob', status: 'needs_sign_in' }),
      makeAccount({ id: 'c', label: 'Carol', status: 'not_allowlisted' }),
    ],
    activeAccountId: 'a',
  });
}

function rows(): HTMLElement[] {
  return screen.getAllByTestId('account-row');
}

function row(label: string): HTMLElement {
  const found = rows().find((element) => element.textContent?.includes(label));
  if (!found) throw new Error(`No row for ${label}`);
  return found;
}

describe('sidebar', () => {
  it('lists accounts in a navigation landmark with each status as an accessible name', async () => {
    const bridge = new FakeBridge({
      accounts: [
        makeAccount({ id: 'a', label: 'Alice' }),
        makeAccount({ id: 'b', label: 'Bob', status: 'refreshing' }),
        makeAccount({ id: 'c', label: 'Carol', status: 'needs_sign_in' }),
        makeAccount({ id: 'd', label: 'Dan', status: 'not_allowlisted' }),
        makeAccount({ id: 'e', label: 'Eve', status: 'keychain_unavailable' }),
      ],
    });
    await renderApp(bridge);
    const nav = screen.getByRole('navigation', { name: 'Accounts' });

    const names = within(nav)
      .getAllByTestId('account-row')
      .map((element) => within(element).getByRole('img').getAttribute('aria-label'));
    expect(names).toEqual([
      'Status: Signed in',
      'Status: Syncing',
      'Status: Needs sign-in',
      'Status: Not allowlisted',
      'Status: Keychain unavailable',
    ]);
    expect(within(nav).getByRole('button', { name: 'Carol (Needs sign-in)' })).toBeTruthy();
    expect(within(row('Carol')).getByRole('img').getAttribute('title')).toBe('Needs sign-in');
  });

  it('loads a Facebook-hosted avatar through the app’s image route, initials if it fails', async () => {
    const avatar = 'https://platform-lookaside.fbsbx.com/platform/profilepic/?asid=1&height=300';
    await renderApp(
      new FakeBridge({ accounts: [makeAccount({ id: 'a', label: 'Alice Li', imageUrl: avatar })] }),
    );
    // The avatar sits beside the row's button, in the same list item.
    const item = () => row('Alice Li').closest('li');
    const picture = item()?.querySelector('img.avatar');
    expect(picture?.getAttribute('src')).toBe(`app-image://image/${encodeURIComponent(avatar)}`);
    if (picture) fireEvent.error(picture);
    await waitFor(() => expect(item()?.querySelector('img.avatar')).toBeNull());
    expect(item()?.querySelector('.avatar')?.textContent).toBe('AL');
  });

  it('shows the active account as syncing while the scheduler is busy', async () => {
    const bridge = threeAccounts();
    await renderApp(bridge);
    act(() => bridge.emit('scheduler:state', { kind: 'busy' }));
    expect(within(row('Alice')).getByRole('img').getAttribute('aria-label')).toBe(
      'Status: Syncing',
    );
  });

  it('marks the active row with aria-current and switches on click', async () => {
    const bridge = threeAccounts();
    await renderApp(bridge);
    expect(row('Alice').getAttribute('aria-current')).toBe('page');
    expect(row('Bob').getAttribute('aria-current')).toBeNull();

    fireEvent.click(row('Bob'));

    await waitFor(() => expect(row('Bob').getAttribute('aria-current')).toBe('page'));
    expect(bridge.callsTo('accounts:setActive')[0]?.args).toEqual(['b']);
    expect(screen.getByRole('heading', { level: 1, name: 'Bob' })).toBeTruthy();
  });

  it('switches to the second account on Ctrl+2 and the third on Cmd+3', async () => {
    const bridge = threeAccounts();
    await renderApp(bridge);

    fireEvent.keyDown(window, { key: '2', ctrlKey: true });
    await waitFor(() => expect(row('Bob').getAttribute('aria-current')).toBe('page'));

    fireEvent.keyDown(window, { key: '3', metaKey: true });
    await waitFor(() => expect(row('Carol').getAttribute('aria-current')).toBe('page'));
    expect(bridge.callsTo('accounts:setActive').map((call) => call.args[0])).toEqual(['b', 'c']);
  });

  it('ignores Ctrl+N beyond the number of accounts', async () => {
    const bridge = threeAccounts();
    await renderApp(bridge);
    fireEvent.keyDown(window, { key: '7', ctrlKey: true });
    expect(bridge.callsTo('accounts:setActive')).toHaveLength(0);
  });

  it('moves a focused row down with Alt+ArrowDown and keeps focus on it', async () => {
    const bridge = threeAccounts();
    await renderApp(bridge);
    row('Alice').focus();

    fireEvent.keyDown(row('Alice'), { key: 'ArrowDown', altKey: true });

    await waitFor(() => expect(bridge.callsTo('accounts:reorder')).toHaveLength(1));
    expect(bridge.callsTo('accounts:reorder')[0]?.args).toEqual([['b', 'a', 'c']]);
    await waitFor(() =>
      expect(rows().map((element) => element.dataset.accountId)).toEqual(['b', 'a', 'c']),
    );
    expect(document.activeElement).toBe(row('Alice'));
  });

  it('moves a row up with Alt+ArrowUp and does nothing at the top', async () => {
    const bridge = threeAccounts();
    await renderApp(bridge);

    fireEvent.keyDown(row('Alice'), { key: 'ArrowUp', altKey: true });
    fireEvent.keyDown(row('Carol'), { key: 'ArrowUp', altKey: true });

    await waitFor(() => expect(bridge.callsTo('accounts:reorder')).toHaveLength(1));
    expect(bridge.callsTo('accounts:reorder')[0]?.args).toEqual([['a', 'c', 'b']]);
  });

  it('moves focus between rows with the arrow keys', async () => {
    await renderApp(threeAccounts());
    row('Alice').focus();
    fireEvent.keyDown(row('Alice'), { key: 'ArrowDown' });
    expect(document.activeElement).toBe(row('Bob'));
  });

  it('reorders by dragging a row onto another', async () => {
    const bridge = threeAccounts();
    await renderApp(bridge);
    const dataTransfer = { setData: () => undefined, effectAllowed: '', dropEffect: '' };
    const item = (label: string) => row(label).closest('li') as HTMLElement;

    fireEvent.dragStart(item('Carol'), { dataTransfer });
    fireEvent.dragOver(item('Alice'), { dataTransfer });
    fireEvent.drop(item('Alice'), { dataTransfer });

    await waitFor(() => expect(bridge.callsTo('accounts:reorder')).toHaveLength(1));
    expect(bridge.callsTo('accounts:reorder')[0]?.args).toEqual([['c', 'a', 'b']]);
  });

  it('opens the menu with Shift+F10 and renames inline', async () => {
    const bridge = threeAccounts();
    await renderApp(bridge);

    fireEvent.keyDown(row('Alice'), { key: 'F10', shiftKey: true });
    const menu = screen.getByRole('menu', { name: 'Actions for Alice' });
    expect(document.activeElement).toBe(within(menu).getByRole('menuitem', { name: 'Rename…' }));
    fireEvent.click(within(menu).getByRole('menuitem', { name: 'Rename…' }));

    const input = screen.getByLabelText('New name for Alice');
    fireEvent.change(input, { target: { value: 'Work' } });
    fireEvent.keyDown(input, { key: 'Enter' });

    await waitFor(() => expect(row('Work')).toBeTruthy());
    expect(bridge.callsTo('accounts:rename')[0]?.args).toEqual(['a', 'Work']);
  });

  it('keeps the old name when renaming is cancelled with Escape', async () => {
    const bridge = threeAccounts();
    await renderApp(bridge);
    fireEvent.click(screen.getByRole('button', { name: 'More actions for Alice' }));
    fireEvent.click(screen.getByRole('menuitem', { name: 'Rename…' }));
    const input = screen.getByLabelText('New name for Alice');
    fireEvent.change(input, { target: { value: 'Nope' } });
    fireEvent.keyDown(input, { key: 'Escape' });

    expect(row('Alice')).toBeTruthy();
    expect(bridge.callsTo('accounts:rename')).toHaveLength(0);
  });

  it('recolours from the menu palette', async () => {
    const bridge = threeAccounts();
    await renderApp(bridge);
    fireEvent.contextMenu(row('Bob'));
    const menu = screen.getByRole('menu', { name: 'Actions for Bob' });
    expect(
      within(menu)
        .getByRole('menuitemradio', { name: 'Colour green' })
        .getAttribute('aria-checked'),
    ).toBe('true');

    fireEvent.click(within(menu).getByRole('menuitemradio', { name: 'Colour purple' }));

    await waitFor(() =>
      expect(bridge.callsTo('accounts:recolour')[0]?.args).toEqual(['b', 'purple']),
    );
    expect(screen.queryByRole('menu')).toBeNull();
  });

  it('closes the menu on Escape and returns focus to the row', async () => {
    await renderApp(threeAccounts());
    fireEvent.keyDown(row('Bob'), { key: 'F10', shiftKey: true });
    fireEvent.keyDown(screen.getByRole('menu'), { key: 'Escape' });
    expect(screen.queryByRole('menu')).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(row('Bob')));
  });

  it('asks before removing, naming the account, and removes on confirmation', async () => {
    const bridge = threeAccounts();
    await renderApp(bridge);
    fireEvent.click(screen.getByRole('button', { name: 'More actions for Bob' }));
    fireEvent.click(screen.getByRole('menuitem', { name: 'Remove…' }));

    const dialog = screen.getByRole('dialog', { name: 'Remove Bob?' });
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Cancel' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Remove account' }));

    await waitFor(() => expect(rows()).toHaveLength(2));
    expect(bridge.callsTo('accounts:remove')[0]?.args).toEqual(['b']);
    await waitFor(() => expect(document.activeElement).toBe(row('Carol')));
  });

  it('keeps Tab inside the remove dialog', async () => {
    await renderApp(threeAccounts());
    fireEvent.click(screen.getByRole('button', { name: 'More actions for Bob' }));
    fireEvent.click(screen.getByRole('menuitem', { name: 'Remove…' }));
    const dialog = screen.getByRole('dialog');
    const cancel = within(dialog).getByRole('button', { name: 'Cancel' });
    const remove = within(dialog).getByRole('button', { name: 'Remove account' });

    remove.focus();
    fireEvent.keyDown(remove, { key: 'Tab' });
    expect(document.activeElement).toBe(cancel);
    fireEvent.keyDown(cancel, { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(remove);
  });

  it('closes the remove dialog on Escape without removing', async () => {
    const bridge = threeAccounts();
    await renderApp(bridge);
    fireEvent.click(screen.getByRole('button', { name: 'More actions for Bob' }));
    fireEvent.click(screen.getByRole('menuitem', { name: 'Remove…' }));

    fireEvent.keyDown(screen.getByRole('dialog'), { key: 'Escape' });

    expect(screen.queryByRole('dialog')).toBeNull();
    expect(bridge.callsTo('accounts:remove')).toHaveLength(0);
    expect(document.activeElement).toBe(row('Bob'));
  });

  it('follows accounts:changed events from the main process', async () => {
    const bridge = threeAccounts();
    await renderApp(bridge);
    act(() =>
      bridge.emit('accounts:changed', {
        accounts: [makeAccount({ id: 'z', label: 'Zed' })],
        activeAccountId: 'z',
      }),
    );
    expect(rows().map((element) => element.textContent)).toEqual([expect.stringContaining('Zed')]);
  });
});
