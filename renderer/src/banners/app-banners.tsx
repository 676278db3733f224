// The messages above every page: keychain unavailable, Spotify asking the app to slow down, things
// found at start-up, automatic backups that failed, and the last action that failed. Each says what
// it means for the person.
import { useState } from 'react';

import { formatTime } from '../format/formatters.js';
import { useAppState, useStore } from '../state/app-store.js';
import { BackupFailureBanners } from './backup-failure-banners.js';
import './banner.css';

export function AppBanners() {
  const store = useStore();
  const { keychain, scheduler, info, actionError } = useAppState();
  const [dismissedNotices, setDismissedNotices] = useState<readonly string[]>([]);
  const notices = (info?.notices ?? []).filter((notice) => !dismissedNotices.includes(notice));

  return (
    <div className="banners">
      <div role="status" className="live-banners">
        {keychain.state === 'unavailable' && (
          <div className="banner warning" data-testid="keychain-banner">
            <p>
              <strong>Your system keychain is unavailable.</strong> {keychain.message} Sign-ins are
              kept in memory until you quit the app, so you will need to sign in again next time.
            </p>
          </div>
        )}
        {scheduler.kind === 'rate_limited' && (
          <div className="banner warning">
            <p>Spotify asked us to slow down; resuming at {formatTime(scheduler.until)}.</p>
          </div>
        )}
        {scheduler.kind === 'quota_exceeded' && (
          <div className="banner warning">
            <p>
              Your Spotify app has used up its request quota for now; resuming at{' '}
              {formatTime(scheduler.until)}.
            </p>
          </div>
        )}
      </div>
      {notices.map((notice) => (
        <div className="banner info" key={notice}>
          <p>{notice}</p>
          <button
            type="button"
            className="button secondary"
            onClick={() => setDismissedNotices((list) => [...list, notice])}
          >
            Dismiss
          </button>
        </div>
      ))}
      <div role="alert">
        <BackupFailureBanners />
        {actionError && (
          <div className="banner error">
            <p>{actionError}</p>
            <button type="button" className="button secondary" onClick={store.dismissError}>
              Dismiss
            </button>
          </div>
        )}
      </div>
    </div>
  );
}
