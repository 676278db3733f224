// The compare view's test screen: three accounts whose libraries overlap (Alice: 1, 2, 3 and a
// local file; Bob: 2, 3, 4; Carol: 3, 5), All accounts opened once every cache is read, and the
// rows found by their titles.
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { expect } from 'vitest';

import type { TrackView } from '../../../renderer/src/app-contract.js';
import { FakeBridge, makeAccount, makeTrack } from '../fake-bridge.js';
import { renderApp } from '../render-app.js';

export const day = 86_400_000;
export const saved = (index: number, savedOn: number, overrides: Partial<TrackView> = {}) =>
  makeTrack(index, { addedAt: Date.UTC(2024, 0, 1) + savedOn * day, ...overrides });
export const demoFile = makeTrack(99, {
  id: null,
  uri: 'spotify:local:Me:Demos:Garage+Demo:200',
  name: 'Garage Demo',
  isLocal: true,
  spotifyUrl: null,
  addedAt: Date.UTC(2024, 0, 1) + 50 * day,
});

/** Alice: 1, 2, 3 and a local file; Bob: 2, 3, 4; Carol: 3, 5. Newest first, all cached. */
export function threeAccounts(options: { bobSyncedAt?: number } = {}) {
  const now = Date.now();
  return new FakeBridge({
    accounts: [
      makeAccount({ id: 'a', label: 'Alice', color: 'green' }),
      makeAccount({ id: 'b', label: 'Bob', color: 'blue' }),
      makeAccount({ id: 'c', label: 'Carol', color: 'purple' }),
    ],
    libraries: {
      a: [demoFile, saved(3, 30), saved(2, 20), saved(1, 10)],
      b: [saved(4, 40), saved(3, 35), saved(2, 5)],
      c: [saved(5, 45), saved(3, 15)],
    },
    cachedAt: { a: now - 60_000, b: options.bobSyncedAt ?? now - 60_000, c: now - 60_000 },
  });
}

export async function openAllAccounts(bridge: FakeBridge) {
  await renderApp(bridge);
  fireEvent.click(await screen.findByRole('button', { name: 'All accounts' }));
  await screen.findByRole('heading', { name: 'All accounts', level: 1 });
  // Every account's cache read, and the table made from all of them.
  await waitFor(() => {
    const statuses = screen.getAllByTestId('compare-sync-age').map((status) => status.textContent);
    expect(statuses.some((status) => status?.includes('Loading'))).toBe(false);
    expect(screen.getByTestId('compare-total').textContent).toContain('in 3 accounts');
    expect(screen.getByTestId('compare-counts').textContent).not.toContain(' 0 · in all');
  });
}

export function shownTitles(): string[] {
  return screen
    .queryAllByTestId('compare-row')
    .map((row) => row.querySelector('.track-name')?.textContent ?? '');
}

export function rowOf(title: string): HTMLElement {
  const row = screen
    .getAllByTestId('compare-row')
    .find((candidate) => candidate.querySelector('.track-name')?.textContent === title);
  if (row === undefined) throw new Error(`no row for ${title}`);
  return row;
}
