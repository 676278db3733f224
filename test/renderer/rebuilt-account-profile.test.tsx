// @vitest-environment jsdom
// An account rebuilt from the keychain at start-up comes without its profile: the page asks for
// it once, and the name Spotify gives it then shows in the sidebar.
import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { FakeBridge, makeAccount } from './fake-bridge.js';
import { renderApp } from './render-app.js';

const rebuilt = makeAccount({
  id: 'b',
  spotifyUserId: null,
  label: 'b',
  displayName: null,
  profileUrl: null,
});

function bridgeWithRebuiltAccount(): FakeBridge {
  return new FakeBridge({
    accounts: [
      makeAccount({ id: 'a', label: 'Alice' }),
      rebuilt,
      // Rebuilt too, but without usable tokens: asking Spotify would only fail.
      makeAccount({ id: 'c', spotifyUserId: null, status: 'needs_sign_in' }),
    ],
    activeAccountId: 'a',
    profiles: {
      b: {
        spotifyUserId: 'user-b',
        label: 'Bob',
        displayName: 'Bob',
        imageUrl: null,
        profileUrl: 'https://open.spotify.com/user/user-b',
      },
    },
  });
}

describe('an account rebuilt from the keychain', () => {
  it('gets its profile fetched again, once, and shows the name it brings', async () => {
    const bridge = bridgeWithRebuiltAccount();
    await renderApp(bridge);

    const nav = screen.getByRole('navigation', { name: 'Accounts' });
    await waitFor(() => expect(within(nav).getByText('Bob')).toBeTruthy());
    expect(bridge.callsTo('profile:get')).toEqual([{ channel: 'profile:get', args: ['b'] }]);
  });

  it('is not asked about again when the profile cannot be fetched', async () => {
    const bridge = bridgeWithRebuiltAccount();
    bridge.failures.set('profile:get', { code: 'network_error', message: 'Offline.' });
    await renderApp(bridge);
    await waitFor(() => expect(bridge.callsTo('profile:get')).toHaveLength(1));

    // More news about the accounts: still the one request.
    act(() => {
      bridge.emit('accounts:changed', { accounts: [...bridge.accounts], activeAccountId: 'a' });
      bridge.emit('accounts:changed', { accounts: [...bridge.accounts], activeAccountId: 'a' });
    });
    expect(bridge.callsTo('profile:get')).toHaveLength(1);
    const alerts = screen.queryAllByRole('alert').map((alert) => alert.textContent);
    expect(alerts.join(' ')).not.toMatch(/Offline|internet/);
  });
});
