// First run (and, later, Settings): explains step by step how to create the Spotify app this one
// signs in through, shows the exact redirect URI to register, and takes the Client ID and the
// advanced options (login port and mode, how often libraries sync). On first run it also offers to
// restart the app as the demo. Settings also holds the automatic backups (backup-settings.tsx).
import { useId, useRef, useState, type FormEvent } from 'react';

import { defaultLibrarySyncMaxAgeMinutes, redirectUri } from '../app-contract.js';
import { errorSentence } from '../format/error-sentences.js';
import { checkClientId } from '../format/client-id.js';
import { useAppState, useStore } from '../state/app-store.js';
import { BackupSettings } from './backup-settings.js';
import { ClientIdField } from './client-id-field.js';
import { CopyButton } from './copy-button.js';
import { checkPort } from './redirect-port.js';
import { syncAgeChoicesWith } from './sync-age-choices.js';
import { DemoBadge } from '../common/demo-badge.js';
import './setup-screen.css';

const dashboardUrl = 'https://developer.spotify.com/dashboard';

export function SetupScreen() {
  const store = useStore();
  const { info, settings } = useAppState();
  const firstRun = !settings?.clientId;
  const [clientId, setClientId] = useState(settings?.clientId ?? '');
  const [port, setPort] = useState(settings?.redirectPort ? String(settings.redirectPort) : '');
  const [browserLogin, setBrowserLogin] = useState(settings?.loginMode === 'browser');
  const [syncAge, setSyncAge] = useState(
    settings?.librarySyncMaxAgeMinutes ?? defaultLibrarySyncMaxAgeMinutes,
  );
  const [triedToSave, setTriedToSave] = useState(false);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [startingDemo, setStartingDemo] = useState(false);
  const [demoError, setDemoError] = useState<string | null>(null);
  const clientIdInput = useRef<HTMLInputElement>(null);
  const portInput = useRef<HTMLInputElement>(null);
  const portId = useId();
  const syncAgeId = useId();
  const syncAgeHintId = useId();
  const portErrorId = useId();
  const headingId = useId();

  const portCheck = checkPort(port);
  // The port being typed, once valid; until then the one the settings hold.
  const uriToRegister = portCheck.ok
    ? redirectUri(portCheck.value)
    : (info?.redirectUriToRegister ?? redirectUri(null));

  async function save(event: FormEvent) {
    event.preventDefault();
    setTriedToSave(true);
    setSaveError(null);
    const id = checkClientId(clientId);
    if (!id.ok) {
      clientIdInput.current?.focus();
      return;
    }
    if (!portCheck.ok) {
      portInput.current?.focus();
      return;
    }
    setSaving(true);
    try {
      await store.saveSettings({
        clientId: id.value,
        redirectPort: portCheck.value,
        loginMode: browserLogin ? 'browser' : 'window',
        librarySyncMaxAgeMinutes: syncAge,
      });
    } catch (error) {
      setSaveError(errorSentence(error));
    } finally {
      setSaving(false);
    }
  }

  async function startDemo() {
    setDemoError(null);
    setStartingDemo(true);
    try {
      // On success the app quits and comes back as the demo, so the busy state stays.
      await store.startDemo();
    } catch (error) {
      setDemoError(errorSentence(error));
      setStartingDemo(false);
    }
  }

  return (
    <main className="setup" aria-labelledby={headingId}>
      <header className="setup-header">
        <h1 id={headingId}>{firstRun ? 'Set up Multi Account for Spotify' : 'Settings'}</h1>
        {info?.demo && <DemoBadge />}
        {!firstRun && (
          <button type="button" className="button secondary" onClick={store.closeSettings}>
            Back to accounts
          </button>
        )}
      </header>
      {firstRun && (
        <p className="lead">
          Keep every Spotify account signed in and switch between them with one click. Spotify asks
          each app like this one to sign in through a Spotify app of your own; creating it takes
          about two minutes.
        </p>
      )}

      <section aria-labelledby="create-app-heading" className="card">
        <h2 id="create-app-heading">1. Create your Spotify app</h2>
        <ol className="steps">
          <li>
            Open the{' '}
            <a href={dashboardUrl} target="_blank" rel="noreferrer">
              Spotify developer dashboard
            </a>{' '}
            and sign in. The account that owns the app needs Spotify Premium.
          </li>
          <li>
            Choose <strong>Create app</strong>. Any name and description will do; under “Which
            API/SDKs are you planning to use?” tick <strong>Web API</strong>.
          </li>
          <li>
            Under <strong>Redirect URIs</strong>, add exactly this address:
            <span className="redirect-uri">
              <code data-testid="redirect-uri">{uriToRegister}</code>
              <CopyButton text={uriToRegister} label="Copy redirect URI" />
            </span>
            {portCheck.ok && portCheck.value === null && (
              <span className="hint">
                Spotify accepts any port for 127.0.0.1, so the address has none.
              </span>
            )}
          </li>
          <li>
            Save, then open the app&apos;s <strong>Settings → User Management</strong> and add the
            name and email address of every Spotify account you want to use here. In Development
            Mode an app allows at most 5 users.
          </li>
          <li>
            Copy the <strong>Client ID</strong> from <strong>Basic Information</strong> and paste it
            below.
          </li>
        </ol>
      </section>

      <section aria-labelledby="client-id-heading" className="card">
        <h2 id="client-id-heading">2. Paste your Client ID</h2>
        <form onSubmit={save} noValidate>
          <ClientIdField
            ref={clientIdInput}
            value={clientId}
            onChange={setClientId}
            showEmptyError={triedToSave}
          />
          <details className="advanced">
            <summary>Advanced</summary>
            <div className="field">
              <label htmlFor={portId}>Fixed redirect port (optional)</label>
              <input
                ref={portInput}
                id={portId}
                className="text-input narrow"
                inputMode="numeric"
                value={port}
                onChange={(event) => setPort(event.target.value)}
                aria-invalid={portCheck.ok ? undefined : true}
                aria-describedby={portErrorId}
              />
              <p id={portErrorId} className={portCheck.ok ? 'hint' : 'error-text'}>
                {portCheck.ok
                  ? 'Leave empty to use a free port for every sign-in. With a fixed port, register the address above with that port.'
                  : portCheck.message}
              </p>
            </div>
            <label className="checkbox">
              <input
                type="checkbox"
                checked={browserLogin}
                onChange={(event) => setBrowserLogin(event.target.checked)}
              />
              Sign in with my browser instead of a login window
            </label>
            <p className="hint">
              For accounts that sign in with Google, Apple or Facebook: Google does not allow
              sign-in from embedded windows.
            </p>
            <div className="field">
              <label htmlFor={syncAgeId}>Sync saved tracks when an account is opened</label>
              <select
                id={syncAgeId}
                className="text-input medium"
                value={syncAge}
                onChange={(event) => setSyncAge(Number(event.target.value))}
                aria-describedby={syncAgeHintId}
              >
                {syncAgeChoicesWith(syncAge).map((choice) => (
                  <option key={choice.minutes} value={choice.minutes}>
                    {choice.label}
                  </option>
                ))}
              </select>
              <p id={syncAgeHintId} className="hint">
                Otherwise the copy kept on this computer is shown, and Sync now brings it up to date
                whenever you ask.
              </p>
            </div>
          </details>
          {saveError && (
            <p role="alert" className="error-text">
              {saveError}
            </p>
          )}
          <div className="form-actions">
            <button type="submit" className="button primary" disabled={saving}>
              {saving ? 'Saving…' : 'Save'}
            </button>
          </div>
        </form>
      </section>

      {!firstRun && <BackupSettings />}

      {firstRun && (
        <section aria-labelledby="demo-heading" className="card">
          <h2 id="demo-heading">Just looking? Try the demo</h2>
          {info?.demo ? (
            <p>
              You are in the demo: it runs against a built-in stand-in for Spotify with sample
              accounts, so nothing here touches a real account. The stand-in accepts only the
              demo&apos;s own Client ID, which is put back each time the demo starts: quit and start
              the demo again to carry on.
            </p>
          ) : (
            <>
              <p>
                The demo shows the app with sample accounts and libraries, against a built-in
                stand-in for Spotify, before you register anything. The app restarts as the demo,
                marked DEMO everywhere, with data of its own; open the app again as usual to come
                back.
              </p>
              {demoError && (
                <p role="alert" className="error-text">
                  {demoError}
                </p>
              )}
              <div className="form-actions">
                <button
                  type="button"
                  className="button secondary"
                  onClick={startDemo}
                  disabled={startingDemo}
                >
                  {startingDemo ? 'Starting the demo…' : 'Try the demo'}
                </button>
              </div>
            </>
          )}
        </section>
      )}
    </main>
  );
}
