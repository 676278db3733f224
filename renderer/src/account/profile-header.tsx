// The top of an account's page: picture, name, a link to the profile on Spotify, the ids, and how
// long the sign-in lasts (with a warning and a way to renew it when it runs out soon).
import type { AccountView } from '../app-contract.js';
import { AccountAvatar } from '../sidebar/account-avatar.js';
import './account-page.css';

const warnBelowDays = 14;

export interface ProfileHeaderProps {
  readonly account: AccountView;
  readonly headingId: string;
  readonly onSignInAgain: () => void;
}

function expiryText(days: number): string {
  if (days <= 0) return 'Sign-in has expired.';
  if (days === 1) return 'Sign-in expires in 1 day.';
  return `Sign-in expires in ${days} days.`;
}

export function ProfileHeader({ account, headingId, onSignInAgain }: ProfileHeaderProps) {
  const days = account.signInExpiresInDays;
  const warn = days !== null && days < warnBelowDays;
  return (
    <header className="profile">
      <AccountAvatar account={account} size="large" />
      <div className="profile-text">
        <h1 id={headingId}>{account.label}</h1>
        {account.nickname && account.displayName && (
          <p className="muted">{account.displayName} on Spotify</p>
        )}
        <p className="muted">
          {account.spotifyUserId && (
            <>
              Spotify user id: <span className="mono">{account.spotifyUserId}</span>
            </>
          )}
          {account.profileUrl && (
            <>
              {account.spotifyUserId && ' · '}
              <a href={account.profileUrl} target="_blank" rel="noreferrer">
                Open in Spotify
              </a>
            </>
          )}
        </p>
        {days !== null && (
          <p className={warn ? 'expiry warning-text' : 'expiry muted'}>
            {expiryText(days)}
            {warn && (
              <>
                {' '}
                <button type="button" className="link-button" onClick={onSignInAgain}>
                  Sign in again to renew it
                </button>
              </>
            )}
          </p>
        )}
      </div>
    </header>
  );
}
