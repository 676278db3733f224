// "All accounts" at the top of the sidebar: opens the table of every account's saved tracks
// side by side. Marked as the current page while it is shown, like an account's row.
import './sidebar.css';

export interface AllAccountsRowProps {
  readonly current: boolean;
  readonly onSelect: () => void;
}

export function AllAccountsRow({ current, onSelect }: AllAccountsRowProps) {
  return (
    <div className={current ? 'account-item all-accounts active' : 'account-item all-accounts'}>
      <button
        type="button"
        className="account-row"
        data-testid="all-accounts-row"
        aria-current={current ? 'page' : undefined}
        onClick={onSelect}
      >
        <span className="all-accounts-icon" aria-hidden="true">
          <svg viewBox="0 0 24 24" width="18" height="18">
            <circle cx="9" cy="12" r="5.5" fill="none" stroke="currentColor" strokeWidth="2" />
            <circle cx="15" cy="12" r="5.5" fill="none" stroke="currentColor" strokeWidth="2" />
          </svg>
        </span>
        <span className="account-label">All accounts</span>
      </button>
    </div>
  );
}
