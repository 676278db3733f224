// @vitest-environment jsdom
// Sign-in progress and the banners above every page: what the person is told while a login
// window is open, when it is cancelled or fails, and when the keychain or Spotify's limits get in
// the way.
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import type { AccountView, IpcResult } from '../../electron/core/ipc/contract.js';
import type { FailureCode } from '../../renderer/src/failure-code.js';
import { FakeBridge, fakeFailure, makeAccount } from './fake-bridge.js';
import { renderApp } from './render-app.js';

function heldAdd(bridge: FakeBridge): (answer: IpcResult<AccountView>) => void {
  let settle: (answer: IpcResult<AccountView>) => void = () => undefined;
  const pending = new Promise<IpcResult<AccountView>>((resolve) => {
    settle = resolve;
  });
  bridge.addAnswer = () => pending;
  return (answer) => settle(answer);
}

/** Alice is signed in; "Add account" is clicked and the login comes back as Nina. */
async function signInNinaBesideAlice() {
  const bridge = new FakeBridge({ accounts: [makeAccount({ id: 'a', label: 'Alice' })] });
  const settle = heldAdd(bridge);
  await renderApp(bridge);
  fireEvent.click(screen.getByRole('button', { name: '+ Add account' }));
  const nina = makeAccount({ id: 'n', label: 'Nina' });
  bridge.accounts.push(nina);
  settle({ ok: true, value: nina });
  return { bridge, nina };
}

describe('login progress', () => {
  it('waits for the login window with a Cancel button that cancels the logins', async () => {
    const bridge = new FakeBridge();
    const settle = heldAdd(bridge);
    await renderApp(bridge);

    fireEvent.click(screen.getByRole('button', { name: 'Add account' }));

    expect(await screen.findByText('Waiting for you in the login window…')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel sign-in' }));
    await waitFor(() => expect(bridge.callsTo('accounts:cancelLogins')).toHaveLength(1));

    settle({ ok: false, error: { code: 'login_cancelled', message: 'cancelled' } });
    expect(await screen.findByText('Sign-in cancelled.')).toBeTruthy();
  });

  it('says to sign in in the browser when that login mode is chosen', async () => {
    const bridge = new FakeBridge({ settings: { loginMode: 'browser' } });
    heldAdd(bridge);
    await renderApp(bridge);
    fireEvent.click(screen.getByRole('button', { name: 'Add account' }));
    expect(await screen.findByText('Waiting for you to sign in in your browser…')).toBeTruthy();
  });

  it('names the signed-in account and switches to it', async () => {
    const { bridge } = await signInNinaBesideAlice();

    expect(await screen.findByText('Signed in as Nina.')).toBeTruthy();
    await screen.findByRole('heading', { level: 1, name: 'Nina' });
    expect(bridge.callsTo('accounts:setActive')[0]?.args).toEqual(['n']);
  });

  it('drops the “Signed in as” notice when that account is removed', async () => {
    const { bridge, nina } = await signInNinaBesideAlice();
    await screen.findByText('Signed in as Nina.');

    bridge.accounts.splice(bridge.accounts.indexOf(nina), 1);
    act(() => bridge.emit('accounts:changed', { accounts: bridge.accounts, activeAccountId: 'a' }));
    await waitFor(() => expect(screen.queryByText('Signed in as Nina.')).toBeNull());
  });

  it('drops the “Signed in as” notice once the person moves to another account', async () => {
    await signInNinaBesideAlice();
    await screen.findByRole('heading', { level: 1, name: 'Nina' });
    expect(screen.getByText('Signed in as Nina.')).toBeTruthy();

    fireEvent.keyDown(window, { key: '1', ctrlKey: true });
    await screen.findByRole('heading', { level: 1, name: 'Alice' });
    expect(screen.queryByText('Signed in as Nina.')).toBeNull();
  });

  it.each<[FailureCode, RegExp]>([
    ['login_timeout', /longer than 5 minutes/],
    ['login_port_in_use', /port is used by another program/],
    ['invalid_client_id', /does not recognise this Client ID/],
    ['client_id_missing', /Enter your Client ID first/],
    ['not_allowlisted', /User Management/],
    ['network_error', /Check your internet connection/],
  ])('explains %s in words', async (code, sentence) => {
    const bridge = new FakeBridge();
    bridge.addAnswer = () => fakeFailure({ code, message: 'raw core message' });
    await renderApp(bridge);
    fireEvent.click(screen.getByRole('button', { name: 'Add account' }));
    const alert = await screen.findByText(/Sign-in failed/);
    expect(alert.closest('[role="alert"]')?.textContent).toMatch(sentence);
  });

  it('falls back to the core message for a code it does not know', async () => {
    const bridge = new FakeBridge();
    // Not a code of this build (as from a newer core): the compiler would refuse it.
    const code = 'something_new' as FailureCode;
    bridge.addAnswer = () => fakeFailure({ code, message: 'A new kind of failure.' });
    await renderApp(bridge);
    fireEvent.click(screen.getByRole('button', { name: 'Add account' }));
    expect(await screen.findByText('A new kind of failure.')).toBeTruthy();
  });

  it('follows login:progress events from the main process', async () => {
    const bridge = new FakeBridge();
    await renderApp(bridge);
    act(() => bridge.emit('login:progress', { state: 'waiting', loginId: 'l1' }));
    expect(screen.getByText('Waiting for you in the login window…')).toBeTruthy();
    act(() =>
      bridge.emit('login:progress', {
        state: 'failed',
        loginId: 'l1',
        code: 'login_timeout',
        message: 'timeout',
      }),
    );
    expect(screen.getByText(/longer than 5 minutes/).closest('[role="alert"]')).toBeTruthy();
  });
});

describe('banners', () => {
  const oneAccount = () => new FakeBridge({ accounts: [makeAccount({ id: 'a', label: 'Alice' })] });

  it('warns when the keychain is unavailable, with its reason', async () => {
    const bridge = new FakeBridge({
      info: {
        keychain: {
          state: 'unavailable',
          reason: 'no_secret_service',
          message: 'No Secret Service is running.',
        },
      },
    });
    await renderApp(bridge);
    const banner = screen.getByTestId('keychain-banner');
    expect(banner.textContent).toContain('No Secret Service is running.');
    expect(banner.textContent).toContain('kept in memory until you quit');
  });

  it('follows keychain:status events', async () => {
    const bridge = oneAccount();
    await renderApp(bridge);
    expect(screen.queryByTestId('keychain-banner')).toBeNull();
    act(() =>
      bridge.emit('keychain:status', {
        state: 'unavailable',
        reason: 'locked',
        message: 'The keyring is locked.',
      }),
    );
    expect(screen.getByTestId('keychain-banner').textContent).toContain('The keyring is locked.');
    act(() => bridge.emit('keychain:status', { state: 'available' }));
    expect(screen.queryByTestId('keychain-banner')).toBeNull();
  });

  it('says when Spotify asked the app to slow down and when it resumes', async () => {
    const bridge = oneAccount();
    await renderApp(bridge);
    const until = new Date(2026, 0, 1, 14, 5).getTime();
    act(() => bridge.emit('scheduler:state', { kind: 'rate_limited', until }));
    const expected = new Intl.DateTimeFormat(undefined, {
      hour: '2-digit',
      minute: '2-digit',
    }).format(until);
    expect(
      screen.getByText(`Spotify asked us to slow down; resuming at ${expected}.`),
    ).toBeTruthy();
    act(() => bridge.emit('scheduler:state', { kind: 'quota_exceeded', until }));
    expect(screen.getByText(/used up its request quota/)).toBeTruthy();
    act(() => bridge.emit('scheduler:state', { kind: 'idle' }));
    expect(screen.queryByText(/slow down|quota/)).toBeNull();
  });

  it('shows start-up notices until dismissed', async () => {
    const bridge = new FakeBridge({
      info: { notices: ['accounts.json was unreadable and set aside.'] },
    });
    await renderApp(bridge);
    expect(screen.getByText('accounts.json was unreadable and set aside.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByText('accounts.json was unreadable and set aside.')).toBeNull();
  });

  it('turns a failed action into an error banner', async () => {
    const bridge = new FakeBridge({
      accounts: [makeAccount({ id: 'a', label: 'Alice' }), makeAccount({ id: 'b', label: 'Bob' })],
    });
    bridge.failures.set('accounts:setActive', { code: 'network_error', message: 'x' });
    await renderApp(bridge);
    fireEvent.keyDown(window, { key: '2', ctrlKey: true });
    const banner = await screen.findByText(/could not be reached/);
    expect(banner.closest('[role="alert"]')).toBeTruthy();
  });
});

describe('start-up', () => {
  it('explains a failure to load instead of showing a blank page', async () => {
    const bridge = new FakeBridge();
    bridge.failures.set('app:info', { code: 'harness_disconnected', message: 'x' });
    await renderApp(bridge);
    expect(screen.getByRole('heading', { name: 'The app could not start' })).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toMatch(/connection to the app was lost/);
  });

  it('invites the first account when there is none', async () => {
    const bridge = new FakeBridge();
    await renderApp(bridge);
    expect(screen.getByRole('heading', { name: 'Add your first account' })).toBeTruthy();
  });
});
