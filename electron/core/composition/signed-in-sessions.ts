// One AccountSession for each signed-in account, made on first use from the tokens in the vault
// and kept for the run; every API call for an account goes through it. Tells the registry what
// the calls learn (account-status.ts turns that into a status): a revoked grant also removes the
// tokens; a 403 means "not allowlisted"; a success means working again.
//
// A session is retired, never changed in place, when its account signs in again or is removed.
// Calls already running on a retired session finish, but it can no longer write tokens or sign
// the account out: a slow refresh of the old grant must not overwrite a new sign-in, and a call
// that ends after a removal must not put tokens back in the keychain.
import { AppError } from '../errors/app-error.js';
import type { TokenSet } from '../auth/token-set.js';
import type { Clock } from '../clock.js';
import type { AccountRegistry } from '../accounts/account-registry.js';
import { statusAfter, type AccountStatusEvent } from '../accounts/account-status.js';
import { AccountSession } from '../spotify/account-session.js';
import type { RequestScheduler } from '../spotify/request-scheduler.js';
import { SpotifyApiError, type SpotifyApiErrorCode } from '../spotify/spotify-api-errors.js';
import type { SpotifyEndpoints } from '../spotify-endpoints.js';
import type { KeychainErrorCode } from '../vault/keychain-error.js';
import type { TokenVault } from '../vault/token-vault.js';

export interface SignedInSessionsOptions {
  readonly registry: AccountRegistry;
  readonly vault: TokenVault;
  readonly scheduler: RequestScheduler;
  readonly endpoints: SpotifyEndpoints;
  readonly clientId: () => string;
  readonly fetch?: typeof fetch;
  readonly clock?: Clock;
  readonly log: (message: string) => void;
}

/** What a session may still do with the vault; shared by the session's callbacks and the map. */
interface Grant {
  /** The refresh token stored for this session's grant; a different one means a new sign-in. */
  refreshToken: string;
  retired: boolean;
}

interface SessionEntry {
  readonly session: AccountSession;
  readonly grant: Grant;
}

// Thrown inside a vault update to leave the stored tokens as they are.
const keepStored = Symbol('keep stored tokens');

export class SignedInSessions {
  readonly #options: SignedInSessionsOptions;
  // Promises, set before the first await, so concurrent first calls share one session and so
  // one refresh.
  readonly #entries = new Map<string, Promise<SessionEntry>>();

  constructor(options: SignedInSessionsOptions) {
    this.#options = options;
  }

  /** Runs one API call for an account and keeps its status in step with the outcome. */
  async call<T>(accountId: string, work: (session: AccountSession) => Promise<T>): Promise<T> {
    const entry = await this.#entry(accountId);
    try {
      const result = await work(entry.session);
      if (!entry.grant.retired) {
        const keychainAvailable = this.#options.vault.status.state === 'available';
        await this.#record(accountId, { kind: 'call_succeeded', keychainAvailable });
      }
      return result;
    } catch (error) {
      if (entry.grant.retired) {
        // The account signed in again while this call ran on the old grant: try once with the
        // new one. A removed account answers account_not_found from the registry.
        if (isGrantRefused(error)) return this.call(accountId, work);
        throw error;
      }
      if (error instanceof SpotifyApiError && error.code === 'not_allowlisted') {
        await this.#record(accountId, { kind: 'not_allowlisted' });
      }
      // Finish the sign-out before the caller hears of it, so what it reads next is current.
      if (error instanceof SpotifyApiError && error.code === 'needs_sign_in') {
        await this.#signedOut(accountId, entry.grant);
      }
      throw error;
    }
  }

  /**
   * The account signed in again (its new tokens are already in the vault) or was removed: the
   * current session stops writing, and the next call starts a fresh one.
   */
  async retire(accountId: string): Promise<void> {
    const pending = this.#entries.get(accountId);
    this.#entries.delete(accountId);
    const entry = await pending?.catch(() => null);
    if (entry) entry.grant.retired = true;
  }

  async #entry(accountId: string): Promise<SessionEntry> {
    this.#options.registry.require(accountId);
    const existing = this.#entries.get(accountId);
    if (existing) {
      const entry = await existing.catch(() => null);
      if (entry && !entry.grant.retired && entry.session.state === 'active') return entry;
      if (this.#entries.get(accountId) === existing) this.#entries.delete(accountId);
      return this.#entry(accountId);
    }
    const created = this.#create(accountId);
    this.#entries.set(accountId, created);
    created.catch(() => {
      if (this.#entries.get(accountId) === created) this.#entries.delete(accountId);
    });
    return created;
  }

  async #create(accountId: string): Promise<SessionEntry> {
    const { vault } = this.#options;
    const tokens = await vault.read(accountId);
    if (tokens === null) {
      // With no keychain the tokens are out of reach, not gone: say so and keep the status, so
      // the account is usable again once the keychain is back.
      if (vault.status.state === 'unavailable') {
        throw new AppError<KeychainErrorCode>('keychain_unavailable', vault.status.message);
      }
      await this.#record(accountId, { kind: 'grant_lost' });
      throw new AppError<SpotifyApiErrorCode>(
        'needs_sign_in',
        'No tokens are stored for this account.',
      );
    }
    const grant: Grant = { refreshToken: tokens.refreshToken, retired: false };
    const session = new AccountSession({
      accountKey: accountId,
      tokens,
      // The app the grant belongs to; the settings' Client ID only for entries from before that
      // was recorded.
      clientId: tokens.clientId ?? this.#options.clientId(),
      endpoints: this.#options.endpoints,
      scheduler: this.#options.scheduler,
      fetch: this.#options.fetch,
      clock: this.#options.clock,
      persistTokens: (next) => this.#persist(accountId, grant, next),
      onPersistError: (error) =>
        this.#options.log(
          `Could not store refreshed tokens for an account: ${describe(error)}; kept in memory.`,
        ),
    });
    return { session, grant };
  }

  // Stores a refresh's result only while the vault still holds this session's grant.
  async #persist(accountId: string, grant: Grant, next: TokenSet): Promise<void> {
    if (grant.retired) return;
    const held = grant.refreshToken;
    try {
      await this.#options.vault.update(accountId, (current) => {
        if (grant.retired || current === null || current.refreshToken !== held) throw keepStored;
        return next;
      });
      grant.refreshToken = next.refreshToken;
      this.#options.log(`account ${accountId}: tokens refreshed`);
    } catch (error) {
      if (error !== keepStored) throw error;
    }
  }

  // Spotify refused the grant: the stored tokens are useless; the row and cached library stay.
  async #signedOut(accountId: string, grant: Grant): Promise<void> {
    await this.retire(accountId);
    grant.retired = true;
    try {
      // Only this grant's tokens: a new sign-in may have stored others meanwhile.
      const stored = await this.#options.vault.read(accountId);
      if (stored === null || stored.refreshToken === grant.refreshToken) {
        await this.#options.vault.remove(accountId);
        await this.#record(accountId, { kind: 'grant_lost' });
      }
    } catch (error) {
      this.#options.log(`Could not mark an account as signed out: ${describe(error)}`);
    }
  }

  async #record(accountId: string, event: AccountStatusEvent): Promise<void> {
    const { registry } = this.#options;
    const status = statusAfter(event);
    const current = registry.find(accountId);
    if (current && current.status !== status) await registry.setStatus(accountId, status);
  }
}

function isGrantRefused(error: unknown): boolean {
  return (
    error instanceof SpotifyApiError &&
    (error.code === 'needs_sign_in' || error.code === 'unauthorized')
  );
}

function describe(error: unknown): string {
  return error instanceof AppError ? error.code : 'unexpected error';
}
