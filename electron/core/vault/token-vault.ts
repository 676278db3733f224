// Keeps each account's TokenSet in the keychain, keyed by the Spotify account key (account_id,
// falling back to id; the caller chooses). Its job: serialise reads and writes per key, validate what
// comes back, and keep working when the keychain cannot be used — it then holds tokens in memory
// for this run only (never on disk), reports why through `status`, and logs it once. Tokens it has
// read or written are also kept in memory, so a keychain locked during the run costs no sign-in.
//
// The keychain's availability is probed once at open(): a locked Secret Service collection answers
// reads with null, so only a write + read + delete of a probe item tells "locked" from "empty".
import { Mutex } from 'async-mutex';
import { AppError } from '../errors/app-error.js';
import type { RefreshedAccess, TokenSet } from '../auth/token-set.js';
import { Emitter, type Event } from '../events/emitter.js';
import {
  classifyKeychainFailure,
  keychainFailure,
  type KeychainError,
  type KeychainFailureReason,
} from './keychain-error.js';
import { MemorySecretStore } from './memory-secret-store.js';
import type { SecretStore } from './secret-store.js';
import { tokenSetSchema } from './token-set-schema.js';
import {
  checkEntryKey,
  parseEntry,
  probeKey,
  serialiseEntry,
  type TokenVaultErrorCode,
} from './vault-entry.js';

export type VaultStatus =
  | { readonly state: 'available' }
  | {
      readonly state: 'unavailable';
      readonly reason: KeychainFailureReason;
      /** A sentence the UI can show as it is. */
      readonly message: string;
      readonly error: KeychainError;
    };

export interface TokenVaultOptions {
  /** The keychain (or any persistent store) the tokens belong in. */
  readonly store: SecretStore;
  /** Where to say that tokens are kept in memory only. Never receives a token. */
  readonly log?: (message: string) => void;
}

export class TokenVault {
  readonly #persistent: SecretStore | null;
  readonly #memory = new MemorySecretStore();
  readonly #log: (message: string) => void;
  readonly #locks = new Map<string, { mutex: Mutex; users: number }>();
  readonly #statusChanged = new Emitter<VaultStatus>();
  #status: VaultStatus;
  /** Fires when the keychain stops being usable during the run. */
  readonly onDidChangeStatus: Event<VaultStatus> = this.#statusChanged.event;

  private constructor(
    persistent: SecretStore | null,
    status: VaultStatus,
    log: (message: string) => void,
  ) {
    this.#persistent = persistent;
    this.#status = status;
    this.#log = log;
  }

  /** Probes the store once; never throws: an unusable keychain yields an in-memory vault. */
  static async open(options: TokenVaultOptions): Promise<TokenVault> {
    const log = options.log ?? ((message: string) => console.warn(message));
    const failure = await probe(options.store);
    if (failure === null) return new TokenVault(options.store, { state: 'available' }, log);
    const vault = new TokenVault(null, unavailable(failure), log);
    vault.#announce();
    return vault;
  }

  get status(): VaultStatus {
    return this.#status;
  }

  /**
   * The tokens stored under `key`, or null when there are none.
   * @throws KeychainError `keychain_entry_corrupt` when the entry is not a valid TokenSet.
   */
  async read(key: string): Promise<TokenSet | null> {
    checkEntryKey(key);
    return this.#exclusive(key, () => this.#read(key));
  }

  /** Stores `tokens` under `key`; falls back to memory (and says so) if the keychain fails. */
  async write(key: string, tokens: TokenSet): Promise<void> {
    checkEntryKey(key);
    const value = serialiseEntry(tokens);
    await this.#exclusive(key, () => this.#write(key, value));
  }

  /**
   * Read-modify-write of one key, with no other read or write of that key in between. `change`
   * may throw to leave the entry as it was.
   */
  async update(
    key: string,
    change: (current: TokenSet | null) => TokenSet | Promise<TokenSet>,
  ): Promise<TokenSet> {
    checkEntryKey(key);
    return this.#exclusive(key, async () => {
      const next = await change(await this.#read(key));
      await this.#write(key, serialiseEntry(next));
      return tokenSetSchema.parse(next);
    });
  }

  /**
   * Stores the result of a token refresh. Spotify usually sends no new refresh token since mid-2026
   * (earlier it rotated them): a new one replaces the stored one, its absence keeps it.
   * @throws AppError `vault_entry_missing` when there are no tokens to refresh.
   */
  async applyRefresh(key: string, refreshed: RefreshedAccess): Promise<TokenSet> {
    return this.update(key, (current) => {
      if (current === null) {
        throw new AppError<TokenVaultErrorCode>(
          'vault_entry_missing',
          `No stored tokens for account ${key} to refresh; sign in to it again.`,
        );
      }
      return {
        ...current,
        accessToken: refreshed.accessToken,
        expiresAt: refreshed.expiresAt,
        scope: refreshed.scope,
        refreshToken: refreshed.refreshToken ?? current.refreshToken,
      };
    });
  }

  /**
   * Forgets the tokens under `key`. True when something was removed.
   * @throws KeychainError when the keychain holds the entry but refused to delete it, so the
   * caller can retry later rather than believe it is gone.
   */
  async remove(key: string): Promise<boolean> {
    checkEntryKey(key);
    return this.#exclusive(key, async () => {
      const inMemory = await this.#memory.delete(key);
      if (this.#persistent === null) return inMemory;
      let deleted: boolean;
      try {
        deleted = await this.#persistent.delete(key);
      } catch (error) {
        throw this.#degrade(error);
      }
      if (!deleted && this.#status.state === 'available') {
        // A locked collection answers "nothing deleted" like an empty one; only a write tells.
        const failure = await probe(this.#persistent);
        if (failure !== null) throw this.#markUnavailable(failure);
      }
      return deleted || inMemory;
    });
  }

  /** Every account key with stored tokens (to rebuild the account list from). */
  async keys(): Promise<string[]> {
    const keys = new Set((await this.#memory.list()).map((entry) => entry.account));
    if (this.#persistent !== null) {
      try {
        for (const entry of await this.#persistent.list()) keys.add(entry.account);
      } catch (error) {
        this.#degrade(error);
      }
    }
    keys.delete(probeKey);
    return [...keys].sort();
  }

  async #read(key: string): Promise<TokenSet | null> {
    // While the keychain works it is the truth and memory is a copy; once it fails, memory holds
    // the newer values (writes go there), so the order flips.
    const raw =
      this.#status.state === 'available'
        ? ((await this.#readPersistent(key)) ?? (await this.#memory.get(key)))
        : ((await this.#memory.get(key)) ?? (await this.#readPersistent(key)));
    return raw === null ? null : parseEntry(key, raw);
  }

  async #readPersistent(key: string): Promise<string | null> {
    if (this.#persistent === null) return null;
    try {
      const raw = await this.#persistent.get(key);
      // Keep a copy, so tokens read before the keychain gets locked stay usable for this run.
      if (raw !== null && this.#status.state === 'available') await this.#memory.set(key, raw);
      return raw;
    } catch (error) {
      this.#degrade(error);
      return null;
    }
  }

  async #write(key: string, value: string): Promise<void> {
    if (this.#persistent !== null && this.#status.state === 'available') {
      try {
        await this.#persistent.set(key, value);
      } catch (error) {
        this.#degrade(error);
      }
    }
    await this.#memory.set(key, value);
  }

  /** Switches to memory for the rest of the run; the first failure decides the reason shown. */
  #degrade(cause: unknown): KeychainError {
    return this.#markUnavailable(keychainFailure(classifyKeychainFailure(cause), cause));
  }

  #markUnavailable(error: KeychainError): KeychainError {
    if (this.#status.state === 'available') {
      this.#status = unavailable(error);
      this.#announce();
      this.#statusChanged.fire(this.#status);
    }
    return error;
  }

  #announce(): void {
    if (this.#status.state === 'unavailable') {
      this.#log(
        `Keychain unavailable (${this.#status.reason}): tokens are kept in memory for this run only.`,
      );
    }
  }

  async #exclusive<T>(key: string, work: () => Promise<T>): Promise<T> {
    let lock = this.#locks.get(key);
    if (lock === undefined) {
      lock = { mutex: new Mutex(), users: 0 };
      this.#locks.set(key, lock);
    }
    lock.users += 1;
    try {
      return await lock.mutex.runExclusive(work);
    } finally {
      lock.users -= 1;
      // Drop idle locks so the map does not grow with every account ever seen.
      if (lock.users === 0) this.#locks.delete(key);
    }
  }
}

function unavailable(error: KeychainError): VaultStatus {
  return {
    state: 'unavailable',
    reason: error.reason === 'entry_corrupt' ? 'unknown' : error.reason,
    message: error.message,
    error,
  };
}

/** Null when the store works; otherwise the failure, classified. */
async function probe(store: SecretStore): Promise<KeychainError | null> {
  const nonce = `probe-${process.pid}-${Date.now()}`;
  try {
    await store.set(probeKey, nonce);
    const readBack = await store.get(probeKey);
    await store.delete(probeKey);
    // A write that cannot be read back is what a locked collection looks like to some backends.
    return readBack === nonce ? null : keychainFailure('locked');
  } catch (error) {
    return keychainFailure(classifyKeychainFailure(error), error);
  }
}
