// What each account status is called on screen, and which ones count as "syncing". The same words
// serve as the status dot's tooltip and its accessible name.
import type { AccountView, SchedulerView } from '../app-contract.js';

export type DisplayStatus =
  'ok' | 'syncing' | 'needs_sign_in' | 'not_allowlisted' | 'keychain_unavailable';

export const statusText: Readonly<Record<DisplayStatus, string>> = {
  ok: 'Signed in',
  syncing: 'Syncing',
  needs_sign_in: 'Needs sign-in',
  not_allowlisted: 'Not allowlisted',
  keychain_unavailable: 'Keychain unavailable',
};

/** The account's own status, shown as syncing while it refreshes or the active one is loading. */
export function displayStatus(
  account: AccountView,
  isActive: boolean,
  scheduler: SchedulerView,
): DisplayStatus {
  if (account.status === 'refreshing') return 'syncing';
  if (account.status === 'ok' && isActive && scheduler.kind === 'busy') return 'syncing';
  return account.status;
}
