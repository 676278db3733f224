// What a sign-in is doing: waiting for the person in the login window (with Cancel), done,
// cancelled, or failed with the reason in plain words.
import { useEffect } from 'react';

import { useAppState, useStore } from '../state/app-store.js';
import '../banners/banner.css';
import '../common/spinner.css';
import './login-status.css';

const signedInShownMs = 6000;

export function LoginStatus() {
  const store = useStore();
  const { login, settings } = useAppState();

  useEffect(() => {
    if (login.phase !== 'signed_in') return;
    const timer = window.setTimeout(store.dismissLogin, signedInShownMs);
    return () => window.clearTimeout(timer);
  }, [login.phase, store]);

  return (
    <div className="login-status">
      <div role="status">
        {login.phase === 'waiting' && (
          <div className="banner info" data-testid="login-waiting">
            <p>
              <span className="spinner" aria-hidden="true" />
              {settings?.loginMode === 'browser'
                ? 'Waiting for you to sign in in your browser…'
                : 'Waiting for you in the login window…'}
            </p>
            <button
              type="button"
              className="button secondary"
              onClick={() => void store.cancelLogins()}
            >
              Cancel sign-in
            </button>
          </div>
        )}
        {login.phase === 'signed_in' && (
          <div className="banner success">
            <p>Signed in as {login.label}.</p>
          </div>
        )}
        {login.phase === 'cancelled' && (
          <div className="banner info">
            <p>Sign-in cancelled.</p>
            <button type="button" className="button secondary" onClick={store.dismissLogin}>
              Dismiss
            </button>
          </div>
        )}
      </div>
      <div role="alert">
        {login.phase === 'failed' && (
          <div className="banner error" data-error-code={login.code}>
            <p>
              <strong>Sign-in failed.</strong> {login.message}
            </p>
            <button
              type="button"
              className="button secondary"
              onClick={() => void store.addAccount()}
            >
              Try again
            </button>
            <button type="button" className="button secondary" onClick={store.dismissLogin}>
              Dismiss
            </button>
          </div>
        )}
      </div>
    </div>
  );
}
