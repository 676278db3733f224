// The page of the account chosen in the sidebar: its profile header, any state that needs the
// person's attention, its export and import, and its saved tracks.
import { useId } from 'react';

import type { AccountView } from '../app-contract.js';
import { AccountFileActions } from '../files/account-file-actions.js';
import { useStore } from '../state/app-store.js';
import { SavedTracksSection } from '../tracks/saved-tracks-section.js';
import { AccountStateNotice } from './account-state-notice.js';
import { ProfileHeader } from './profile-header.js';
import './account-page.css';

export interface AccountPageProps {
  readonly account: AccountView;
}

function libraryAccess(account: AccountView): string {
  return account.status === 'needs_sign_in' || account.status === 'not_allowlisted'
    ? 'blocked'
    : 'open';
}

export function AccountPage({ account }: AccountPageProps) {
  const store = useStore();
  const headingId = useId();
  const signIn = () => void store.addAccount();
  return (
    <article className="account-page" aria-labelledby={headingId}>
      <ProfileHeader account={account} headingId={headingId} onSignInAgain={signIn} />
      <AccountFileActions account={account} />
      <AccountStateNotice account={account} onSignIn={signIn} />
      {/* A new mount when the account regains access, so its tracks load from the start. */}
      <SavedTracksSection key={`${account.id}:${libraryAccess(account)}`} account={account} />
    </article>
  );
}
