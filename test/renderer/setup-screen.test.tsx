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
      {
        clientId: '0123456789abcdef0123456789abcdef',
        redirectPort: 8888,
        loginMode: 'browser',
        librarySyncMaxAgeMinutes: 30,
      },
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

  it('marks the demo and explains it, without asking for a made-up Client ID', async () => {
    await renderApp(firstRun({ info: { demo: true } }));
    const header = screen.getByRole('banner');
    expect(within(header).getByText('DEMO')).toBeTruthy();
    expect(screen.getByText(/You are in the demo/)).toBeTruthy();
    expect(screen.getByText(/start the demo again to carry on/)).toBeTruthy();
    expect(screen.queryByText(/any 32-character Client ID/)).toBeNull();
    expect(screen.queryByRole('button', { name: 'Try the demo' })).toBeNull();
  });

  it('offers the demo outside the demo', async () => {
    await renderApp(firstRun());
    expect(screen.getByRole('button', { name: 'Try the demo' })).toBeTruthy();
    expect(screen.queryByText('DEMO')).toBeNull();
  });

  it('starts the demo through the bridge and stays busy while the app restarts', async () => {
    const bridge = firstRun();
    bridge.holdStartDemo = new Promise(() => {}); // the app quits before it would answer
    await renderApp(bridge);

    fireEvent.click(screen.getByRole('button', { name: 'Try the demo' }));

    const busy = await screen.findByRole('button', { name: 'Starting the demo…' });
    expect((busy as HTMLButtonElement).disabled).toBe(true);
    expect(bridge.callsTo('app:startDemo')).toEqual([{ channel: 'app:startDemo', args: [] }]);
  });

  it('says why the demo could not start, and lets the person try again', async () => {
    const bridge = firstRun();
    bridge.failures.set('app:startDemo', {
      code: 'demo_unavailable',
      message: 'The demo can only be started from the desktop app.',
    });
    await renderApp(bridge);

    fireEvent.click(screen.getByRole('button', { name: 'Try the demo' }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe(
      'The demo cannot be started from here: only the desktop app, outside the demo, can start it.',
    );
    const button = screen.getByRole('button', { name: 'Try the demo' }) as HTMLButtonElement;
    expect(button.disabled).toBe(false);
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

  it('offers the library sync ages and saves the chosen one with the other settings', async () => {
    const bridge = new FakeBridge({ settings: { librarySyncMaxAgeMinutes: 30 } });
    await renderApp(bridge);
    fireEvent.click(screen.getByRole('button', { name: 'Settings' }));

    const select = screen.getByLabelText(/Sync saved tracks when an account is opened/);
    expect((select as HTMLSelectElement).value).toBe('30');
    expect(
      within(select)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual([
      'Every time',
      'When older than 5 minutes',
      'When older than 30 minutes',
      'When older than 1 hour',
      'When older than 1 day',
    ]);

    fireEvent.change(select, { target: { value: '0' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    await screen.findByRole('heading', { level: 1, name: 'Add your first account' });
    expect(bridge.callsTo('settings:update')[0]?.args).toEqual([
      expect.objectContaining({ librarySyncMaxAgeMinutes: 0 }),
    ]);
    expect(bridge.settings.librarySyncMaxAgeMinutes).toBe(0);
  });

  it('keeps a sync age that is none of the choices when saving other settings', async () => {
    const bridge = new FakeBridge({ settings: { librarySyncMaxAgeMinutes: 120 } });
    await renderApp(bridge);
    fireEvent.click(screen.getByRole('button', { name: 'Settings' }));

    const select = screen.getByLabelText(/Sync saved tracks when an account is opened/);
    expect((select as HTMLSelectElement).value).toBe('120');
    expect(
      within(select).getByRole('option', { name: 'When older than 120 minutes' }),
    ).toBeTruthy();
    fireEvent.click(screen.getByLabelText(/Sign in with my browser/));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    await waitFor(() =>
      expect(bridge.callsTo('settings:update')[0]?.args).toEqual([
        expect.objectContaining({ loginMode: 'browser', librarySyncMaxAgeMinutes: 120 }),
      ]),
    );
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
