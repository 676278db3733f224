// One AccountSession per signed-in account, made on first use from the tokens in the vault and
// kept for the run. Turns what the sessions learn into account status: a revoked grant removes the
// tokens and marks the account "needs sign-in"; a 403 marks it "not allowlisted"; a success marks
// it "ok" again.
import { AppError } from '../app-error.js';
import type { TokenSet } from '../auth/token-set.js';
import type { Clock } from '../clock.js';
import type { AccountRegistry } from '../accounts/account-registry.js';
import type { AccountStatus } from '../accounts/account-status.js';
import { AccountSession } from '../spotify/account-session.js';
import type { RequestScheduler } from '../spotify/request-scheduler.js';
import { SpotifyApiError } from '../spotify/spotify-api-errors.js';
import type { SpotifyEndpoints } from '../spotify-endpoints.js';
import type { TokenVault } from '../vault/token-vault.js';

export interface AccountSessionsOptions {
  readonly registry: AccountRegistry;
  readonly vault: TokenVault;
  readonly scheduler: RequestScheduler;
  readonly endpoints: SpotifyEndpoints;
  readonly clientId: () => string;
  readonly fetch?: typeof fetch;
  readonly clock?: Clock;
  readonly log: (message: string) => void;
}

export class AccountSessions {
  readonly #options: AccountSessionsOptions;
  readonly #sessions = new Map<string, AccountSession>();

  constructor(options: AccountSessionsOptions) {
    this.#options = options;
  }

  /** Runs one API call for an account and keeps its status in step with the outcome. */
  async call<T>(accountId: string, work: (session: AccountSession) => Promise<T>): Promise<T> {
    const session = await this.#session(accountId);
    try {
      const result = await work(session);
      // Working again; with no keychain the account still needs its banner.
      const usable = this.#options.vault.status.state === 'available';
      await this.#setStatus(accountId, usable ? 'ok' : 'keychain_unavailable');
      return result;
    } catch (error) {
      if (error instanceof SpotifyApiError && error.code === 'not_allowlisted') {
        await this.#setStatus(accountId, 'not_allowlisted');
      }
      // Finish the sign-out before the caller hears of it, so what it reads next is current.
      if (error instanceof SpotifyApiError && error.code === 'needs_sign_in') {
        await this.#signedOut(accountId);
      }
      throw error;
    }
  }

  /** A new sign-in of an account whose session may already exist. */
  replaceTokens(accountId: string, tokens: TokenSet): void {
    this.#sessions.get(accountId)?.replaceTokens(tokens);
  }

  forget(accountId: string): void {
    this.#sessions.delete(accountId);
  }

  async #session(accountId: string): Promise<AccountSession> {
    const { registry, vault } = this.#options;
    registry.get(accountId); // throws account_not_found for an unknown id
    const existing = this.#sessions.get(accountId);
    if (existing && existing.state === 'active') return existing;
    const tokens = await vault.read(accountId);
    if (tokens === null) {
      await this.#setStatus(accountId, 'needs_sign_in');
      throw new AppError('needs_sign_in', 'This account needs to be signed in again.');
    }
    const session = new AccountSession({
      accountKey: accountId,
      tokens,
      clientId: this.#options.clientId(),
      endpoints: this.#options.endpoints,
      scheduler: this.#options.scheduler,
      fetch: this.#options.fetch,
      clock: this.#options.clock,
      persistTokens: (next) => vault.write(accountId, next),
      onPersistError: (error) =>
        this.#options.log(
          `Could not store refreshed tokens for an account: ${describe(error)}; kept in memory.`,
        ),
    });
    this.#sessions.set(accountId, session);
    return session;
  }

  // Spotify refused the grant: the stored tokens are useless; the row and cached library stay.
  async #signedOut(accountId: string): Promise<void> {
    this.#sessions.delete(accountId);
    try {
      await this.#options.vault.remove(accountId);
      await this.#setStatus(accountId, 'needs_sign_in');
    } catch (error) {
      this.#options.log(`Could not mark an account as signed out: ${describe(error)}`);
    }
  }

  async #setStatus(accountId: string, status: AccountStatus): Promise<void> {
    const { registry } = this.#options;
    const current = registry.list().find((account) => account.id === accountId);
    if (current && current.status !== status) await registry.setStatus(accountId, status);
  }
}

function describe(error: unknown): string {
  return error instanceof AppError ? error.code : 'unexpected error';
}
