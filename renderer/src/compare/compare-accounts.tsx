// The compared accounts above the table: each one's picture, name, number of saved tracks and how
// old its cache is ("Last synced 5 minutes ago"), or what is happening to it (loading, syncing in
// the background, a failed sync with Retry). The table below updates in place as each one does.
import type { AccountView } from '../app-contract.js';
import { formatCount, plural } from '../format/formatters.js';
import { AccountAvatar } from '../sidebar/account-avatar.js';
import type { LibraryState } from '../state/library-state.js';
import { lastSyncedSentence } from '../tracks/sync-age.js';

export interface CompareAccountsProps {
  readonly accounts: readonly AccountView[];
  readonly states: readonly LibraryState[];
  readonly now: number;
  readonly onRetry: (accountId: string) => void;
}

export function CompareAccounts({ accounts, states, now, onRetry }: CompareAccountsProps) {
  return (
    <ul className="compare-accounts" aria-label="Compared accounts">
      {accounts.map((account, a) => {
        const state = states[a];
        if (state === undefined) return null;
        return (
          <li key={account.id} className="compare-account" data-account-id={account.id}>
            <AccountAvatar account={account} />
            <div className="compare-account-text">
              <span className="compare-account-name">{account.label}</span>
              <span className="compare-account-status" data-testid="compare-sync-age">
                {state.total !== null && `${plural(state.total, 'track', 'tracks')} · `}
                {statusWords(state, now)}
              </span>
            </div>
            {state.error !== null && (
              <button
                type="button"
                className="button secondary small"
                title={state.error.message}
                onClick={() => onRetry(account.id)}
              >
                Retry <span className="visually-hidden">{account.label}</span>
              </button>
            )}
          </li>
        );
      })}
    </ul>
  );
}

function statusWords(state: LibraryState, now: number): string {
  if (state.phase !== 'ready' || state.readingRest) return 'Loading…';
  if (state.syncing) {
    const { progress } = state;
    if (progress === null || progress.phase === 'checking') return 'Checking for changes…';
    return `Syncing ${formatCount(progress.loaded)} of ${formatCount(progress.total)}`;
  }
  if (state.error !== null) {
    return state.error.during === 'load' ? 'Could not be loaded' : 'Sync failed';
  }
  return state.lastSyncedAt === null
    ? 'Not synced yet'
    : lastSyncedSentence(state.lastSyncedAt, now);
}
