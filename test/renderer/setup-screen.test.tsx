// @vitest-environment jsdom
// The first-run screen: step-by-step instructions, the exact redirect URI with a working Copy
// button, the live Client ID check, the advanced options, and saving.
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';

import { FakeBridge } from './fake-bridge.js';
import { renderApp } from './render-app.js';

function firstRun(info: ConstructorParameters<typeof FakeBridge>[0] = {}) {
  return new FakeBridge({ settings: { clientId: null }, ...info });
}

describe('setup screen', () => {
  it('is shown on first run, with the dashboard steps and the redirect URI from app.info', async () => {
    await renderApp(firstRun({ info: { redirectUriToRegister: 'http://127.0.0.1/callback' } }));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toMatch(/set up/i);
    expect(screen.getByTestId('redirect-uri').textContent).toBe('http://127.0.0.1/callback');
    expect(screen.getByText(/User Management/)).toBeTruthy();
    expect(screen.getByText(/at most 5 users/)).toBeTruthy();
    expect(screen.getByRole('link', { name: /developer dashboard/i }).getAttribute('href')).toBe(
      'https://developer.spotify.com/dashboard',
    );
  });

  it('copies the exact redirect URI and confirms it visibly', async () => {
    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText } });
    await renderApp(firstRun({ info: { redirectUriToRegister: 'http://127.0.0.1/callback' } }));

    fireEvent.click(screen.getByRole('button', { name: 'Copy redirect URI' }));

    expect(await screen.findByText('Copied')).toBeTruthy();
    expect(writeText).toHaveBeenCalledWith('http://127.0.0.1/callback');
  });

  it('says how to copy by hand when the clipboard refuses', async () => {
    const writeText = vi.fn(async () => {
      throw new Error('denied');
    });
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText } });
    await renderApp(firstRun());

    fireEvent.click(screen.getByRole('button', { name: 'Copy redirect URI' }));

    expect(await screen.findByText(/copy it by hand/)).toBeTruthy();
  });

  it('names what is wrong with the Client ID while it is typed', async () => {
    await renderApp(firstRun());
    const input = screen.getByLabelText('Client ID');

    fireEvent.change(input, { target: { value: '0123abcd' } });
    expect(screen.getByText(/Too short: 8 of 32 characters/)).toBeTruthy();
    expect(input.getAttribute('aria-invalid')).toBe('true');

    fireEvent.change(input, { target: { value: '0123456789abcdefg123456789abcdef' } });
    expect(screen.getByText(/only the characters 0–9 and a–f, and this has “g”/)).toBeTruthy();

    fireEvent.change(input, { target: { value: '0123456789abcdef0123456789abcdef0' } });
    expect(screen.getByText(/Too long: 33 characters/)).toBeTruthy();

    fireEvent.change(input, { target: { value: ' 0123456789ABCDEF0123456789abcdef ' } });
    expect(screen.getByText('Looks right.')).toBeTruthy();
    expect(input.getAttribute('aria-invalid')).toBeNull();
  });

  it('refuses to save an empty Client ID and says so', async () => {
    const bridge = firstRun();
    await renderApp(bridge);

    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByText('Enter the Client ID.')).toBeTruthy();
    expect(bridge.callsTo('settings:update')).toHaveLength(0);
    expect(document.activeElement).toBe(screen.getByLabelText('Client ID'));
  });

  it('saves the Client ID, a fixed port and browser sign-in, then leaves the setup screen', async () => {
    const bridge = firstRun();
    await renderApp(bridge);

    fireEvent.change(screen.getByLabelText('Client ID'), {
      target: { value: '0123456789ABCDEF0123456789ABCDEF' },
    });
    fireEvent.change(screen.getByLabelText(/Fixed redirect port/), { target: { value: '8888' } });
    expect(screen.getByTestId('redirect-uri').textContent).toBe('http://127.0.0.1:8888/callback');
    fireEvent.click(screen.getByLabelText(/Sign in with my browser/));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    await screen.findByRole('heading', { name: 'Add your first account' });
    expect(bridge.callsTo('settings:update')[0]?.args).toEqual([
      { clientId: '0123456789abcdef0123456789abcdef', redirectPort: 8888, loginMode: 'browser' },
    ]);
  });

  it('rejects a port outside 1024–65535 before saving', async () => {
    const bridge = firstRun();
    await renderApp(bridge);
    fireEvent.change(screen.getByLabelText('Client ID'), {
      target: { value: '0123456789abcdef0123456789abcdef' },
    });
    fireEvent.change(screen.getByLabelText(/Fixed redirect port/), { target: { value: '80' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect(screen.getByText('The port must be from 1024 to 65535.')).toBeTruthy();
    await waitFor(() => expect(bridge.callsTo('settings:update')).toHaveLength(0));
  });

  it('marks the demo and explains it', async () => {
    await renderApp(firstRun({ info: { demo: true } }));
    const header = screen.getByRole('banner');
    expect(within(header).getByText('DEMO')).toBeTruthy();
    expect(screen.getByText(/You are in the demo/)).toBeTruthy();
  });

  it('explains npm run demo outside the demo', async () => {
    await renderApp(firstRun());
    expect(screen.getByText('npm run demo')).toBeTruthy();
    expect(screen.queryByText('DEMO')).toBeNull();
  });
});

describe('settings', () => {
  it('reopens the setup screen as Settings with the saved values, and goes back', async () => {
    const bridge = new FakeBridge({
      settings: {
        clientId: 'abcdefabcdefabcdefabcdefabcdefab',
        redirectPort: 4321,
        loginMode: 'browser',
      },
    });
    await renderApp(bridge);

    fireEvent.click(screen.getByRole('button', { name: 'Settings' }));

    expect(screen.getByRole('heading', { level: 1, name: 'Settings' })).toBeTruthy();
    expect((screen.getByLabelText('Client ID') as HTMLInputElement).value).toBe(
      'abcdefabcdefabcdefabcdefabcdefab',
    );
    expect((screen.getByLabelText(/Fixed redirect port/) as HTMLInputElement).value).toBe('4321');
    expect((screen.getByLabelText(/Sign in with my browser/) as HTMLInputElement).checked).toBe(
      true,
    );
    expect(screen.getByTestId('redirect-uri').textContent).toBe('http://127.0.0.1:4321/callback');

    fireEvent.click(screen.getByRole('button', { name: 'Back to accounts' }));
    expect(screen.getByRole('heading', { level: 1, name: 'Add your first account' })).toBeTruthy();
  });

  it('shows why the main process refused the settings', async () => {
    const bridge = new FakeBridge({ settings: { clientId: null } });
    bridge.failures.set('settings:update', {
      code: 'invalid_port',
      message: 'The redirect port must be from 1024 to 65535.',
    });
    await renderApp(bridge);
    fireEvent.change(screen.getByLabelText('Client ID'), {
      target: { value: '0123456789abcdef0123456789abcdef' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('The redirect port must be from 1024 to 65535.')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toMatch(/set up/i);
  });
});
