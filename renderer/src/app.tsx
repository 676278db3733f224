// The app's top level: waits for the first answers from the main process, then shows the setup
// screen (no Client ID yet, or Settings) or the sidebar with the chosen account's page, the
// Activity panel below it, how the last export went, and the import and plan dialogs. Also owns
// the Ctrl/Cmd+1..9 shortcuts, which work wherever focus is.
import { useEffect, useSyncExternalStore, type ReactNode } from 'react';

import { AccountPage } from './account/account-page.js';
import { AppBanners } from './banners/app-banners.js';
import { CompareView } from './compare/compare-view.js';
import { ExportStatus } from './files/export-status.js';
import { ImportDialogHost } from './files/import-dialog.js';
import { ActivityPanel } from './jobs/activity-panel.js';
import { PlanDialogHost } from './jobs/plan-dialog.js';
import { LoginStatus } from './login/login-status.js';
import { SetupScreen } from './setup/setup-screen.js';
import { Sidebar } from './sidebar/sidebar.js';
import { useAppState, useStore, type AppStore } from './state/app-store.js';
import './app-layout.css';

function useAccountShortcuts(store: AppStore) {
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
      if (!/^[1-9]$/.test(event.key)) return;
      const account = store.getState().accounts[Number(event.key) - 1];
      if (!account) return;
      event.preventDefault();
      void store.setActive(account.id);
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [store]);
}

export function App() {
  const store = useStore();
  const state = useAppState();

  useEffect(() => {
    void store.start();
    return () => store.stop();
  }, [store]);
  useAccountShortcuts(store);

  if (state.phase === 'loading') {
    return (
      <main className="centered">
        <p role="status">Starting…</p>
      </main>
    );
  }
  if (state.phase === 'failed') {
    return (
      <main className="centered">
        <h1>The app could not start</h1>
        <p role="alert">{state.loadError}</p>
        <button type="button" className="button primary" onClick={() => window.location.reload()}>
          Try again
        </button>
      </main>
    );
  }
  if (!state.settings?.clientId || state.showingSettings) return <SetupScreen />;

  const active = state.accounts.find((account) => account.id === state.activeAccountId);
  return (
    <Shell>
      {state.showingAllAccounts && state.accounts.length > 1 ? (
        <CompareView />
      ) : active ? (
        <AccountPage key={active.id} account={active} />
      ) : state.accounts.length > 0 ? (
        <ChooseAccount />
      ) : (
        <NoAccounts />
      )}
    </Shell>
  );
}

/** The sidebar beside the content, the Activity panel under it, and the plan dialog over all. */
function Shell({ children }: { readonly children: ReactNode }) {
  const store = useStore();
  const { panelOpen } = useSyncExternalStore(store.jobs.subscribe, store.jobs.getState);
  return (
    <div className="app-shell">
      <Sidebar />
      <main className="content">
        <AppBanners />
        <LoginStatus />
        <ExportStatus />
        {children}
        {panelOpen && <ActivityPanel />}
      </main>
      <ImportDialogHost />
      <PlanDialogHost />
    </div>
  );
}

function NoAccounts() {
  const store = useStore();
  const { login } = useAppState();
  return (
    <section className="empty-page" aria-labelledby="no-accounts-heading">
      <h1 id="no-accounts-heading">Add your first account</h1>
      <p>
        Sign in with a Spotify account that is on your Spotify app&apos;s user list (Settings → User
        Management in the developer dashboard). A login window opens; this app never sees your
        password.
      </p>
      <button
        type="button"
        className="button primary"
        onClick={() => void store.addAccount()}
        disabled={login.phase === 'waiting'}
      >
        Add account
      </button>
    </section>
  );
}

function ChooseAccount() {
  return (
    <section className="empty-page" aria-labelledby="choose-heading">
      <h1 id="choose-heading">Choose an account</h1>
      <p>Pick an account in the sidebar, or press Ctrl+1 to Ctrl+9.</p>
    </section>
  );
}
