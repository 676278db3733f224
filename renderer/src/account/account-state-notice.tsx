// Explains an account that cannot load its library right now and says what to do: sign in again,
// or add the account to the Spotify app's user list in the dashboard.
import type { AccountView } from '../app-contract.js';
import './account-page.css';

export interface AccountStateNoticeProps {
  readonly account: AccountView;
  readonly onSignIn: () => void;
}

export function AccountStateNotice({ account, onSignIn }: AccountStateNoticeProps) {
  if (account.status === 'needs_sign_in') {
    return (
      <section className="notice" aria-labelledby="needs-sign-in-heading">
        <h2 id="needs-sign-in-heading">Sign in again</h2>
        <p>
          Spotify ended this account&apos;s sign-in: it expired after six months, was revoked, or
          the password changed. Sign in again to see its saved tracks.
        </p>
        <button type="button" className="button primary" onClick={onSignIn}>
          Sign in again
        </button>
      </section>
    );
  }
  if (account.status === 'not_allowlisted') {
    return (
      <section className="notice" aria-labelledby="not-allowlisted-heading">
        <h2 id="not-allowlisted-heading">Spotify does not allow this account yet</h2>
        <p>Your Spotify app only lets in the accounts on its user list. To add {account.label}:</p>
        <ol className="steps">
          <li>
            Open the{' '}
            <a href="https://developer.spotify.com/dashboard" target="_blank" rel="noreferrer">
              Spotify developer dashboard
            </a>{' '}
            and choose your app.
          </li>
          <li>
            In <strong>Settings → User Management</strong>, add this account&apos;s name and the
            email address it signs in with.
          </li>
          <li>
            Development Mode allows at most 5 users: if the list is full, remove one you no longer
            use.
          </li>
        </ol>
        <button type="button" className="button primary" onClick={onSignIn}>
          Try again
        </button>
      </section>
    );
  }
  return null;
}
