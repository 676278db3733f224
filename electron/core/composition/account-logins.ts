// The sign-ins that add an account, or renew the tokens of one signed in again: each runs through
// Spotify's login page and its own loopback port, then fetches the new grant's profile (which
// keys the account) before anything is stored. Keeps every login in progress, so the page can
// cancel them ("Cancel" next to "waiting for you…") and close() can wait for them to let go of
// their ports and files.
import type { AccountRegistry, Account } from '../accounts/account-registry.js';
import { signIn } from '../auth/login-flow.js';
import type { TokenSet } from '../auth/token-set.js';
import type { Clock } from '../clock.js';
import { AppError } from '../errors/app-error.js';
import type { SettingsStore } from '../settings/settings-store.js';
import { AccountSession } from '../spotify/account-session.js';
import type { RequestScheduler } from '../spotify/request-scheduler.js';
import { getProfile } from '../spotify/spotify-api-client.js';
import type { SpotifyEndpoints } from '../spotify-endpoints.js';
import { accountProfileOf } from './account-profile.js';
import type { OpenLoginPage } from './login-page.js';

export type AccountLoginErrorCode = 'core_closed' | 'login_in_progress';

export interface AccountLoginsOptions {
  readonly settings: SettingsStore;
  readonly registry: AccountRegistry;
  readonly scheduler: RequestScheduler;
  readonly endpoints: SpotifyEndpoints;
  readonly openLoginPage: OpenLoginPage;
  /** The settings' Client ID; throws when there is none yet. */
  readonly clientId: () => string;
  /** The account signed in again: calls still running on its old grant stop writing tokens. */
  readonly retireSession: (accountId: string) => Promise<void>;
  readonly clock: Clock;
  readonly fetch?: typeof fetch;
  readonly loginTimeoutMs?: number;
}

export class AccountLogins {
  readonly #options: AccountLoginsOptions;
  // Aborted at close(): every login still waiting ends as cancelled and frees its port.
  readonly #closing = new AbortController();
  readonly #pending = new Set<AbortController>();
  readonly #runs = new Set<Promise<unknown>>();

  constructor(options: AccountLoginsOptions) {
    this.#options = options;
  }

  /** Two logins may run at once, each on its own port, unless the settings fix the port. */
  async add(options: { signal?: AbortSignal } = {}): Promise<Account> {
    if (this.#closing.signal.aborted) throw closedError();
    const clientId = this.#options.clientId();
    const port = this.#options.settings.get().redirectPort;
    if (port !== null && this.#pending.size > 0) {
      // Each login listens on the redirect port; a fixed port fits one login at a time.
      throw new AppError<AccountLoginErrorCode>(
        'login_in_progress',
        `Finish or cancel the sign-in in progress first: with the fixed redirect port ${port}, one sign-in runs at a time.`,
      );
    }
    const run = this.#signInAndAdd(clientId, port ?? 0, options.signal);
    this.#runs.add(run);
    void run.catch(() => undefined).finally(() => this.#runs.delete(run));
    return run;
  }

  /** Cancels every login still waiting for the person; each ends as `login_cancelled`. */
  cancelAll(): void {
    for (const login of this.#pending) login.abort();
  }

  /** Cancels the logins in progress and waits until they have let go of their ports. */
  async close(): Promise<void> {
    this.#closing.abort();
    await Promise.allSettled([...this.#runs]);
  }

  async #signInAndAdd(clientId: string, port: number, outer?: AbortSignal): Promise<Account> {
    const ended = new AbortController();
    const cancelled = new AbortController();
    this.#pending.add(cancelled);
    const signal = AbortSignal.any([
      cancelled.signal,
      this.#closing.signal,
      ...(outer ? [outer] : []),
    ]);
    try {
      const { tokens } = await signIn({
        clientId,
        endpoints: this.#options.endpoints,
        port,
        timeoutMs: this.#options.loginTimeoutMs,
        fetch: this.#options.fetch,
        clock: this.#options.clock,
        signal,
        openLoginPage: (url) =>
          this.#options.openLoginPage(url, {
            ended: ended.signal,
            cancel: () => cancelled.abort(),
          }),
      });
      // A code exchanged while the app was closing is not stored: close() has returned.
      if (this.#closing.signal.aborted) throw closedError();
      return await this.#addSignedIn(clientId, tokens);
    } finally {
      this.#pending.delete(cancelled);
      ended.abort();
    }
  }

  // The profile keys the account (account_id, else id), so it is fetched with the new tokens
  // before anything is stored. A refresh during that one call is kept and stored with the row.
  async #addSignedIn(clientId: string, tokens: TokenSet): Promise<Account> {
    let latest = tokens;
    const session = new AccountSession({
      accountKey: 'new-login',
      tokens,
      clientId,
      endpoints: this.#options.endpoints,
      scheduler: this.#options.scheduler,
      fetch: this.#options.fetch,
      clock: this.#options.clock,
      persistTokens: async (next) => {
        latest = next;
      },
    });
    const profile = await getProfile(session);
    const account = await this.#options.registry.addFromLogin({
      key: profile.accountKey,
      spotifyUserId: profile.spotifyUserId,
      profile: accountProfileOf(profile),
      tokens: latest,
    });
    // The next call starts a session on the new grant; calls still running on the old one stop
    // writing tokens.
    await this.#options.retireSession(account.id);
    return account;
  }
}

function closedError(): AppError<AccountLoginErrorCode> {
  return new AppError<AccountLoginErrorCode>('core_closed', 'The app is shutting down.');
}
