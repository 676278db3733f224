// The list of signed-in accounts and which one is active: non-secret rows in
// `<dataDir>/accounts.json`, tokens in the TokenVault under the same key. This module keeps the two
// in step — tokens are stored before the row that points at them, removal takes the vault entry
// and the row — and serialises every change so that concurrent logins cannot corrupt the file. A
// file that cannot be read is set aside and the list is rebuilt from the vault's keys (see
// keychain-reconciliation.ts): a row may lose its nickname, never its tokens. The account's
// library folder is the library's to delete.
import path from 'node:path';
import { Mutex } from 'async-mutex';
import type { TokenSet } from '../auth/token-set.js';
import { systemClock, type Clock } from '../clock.js';
import { Emitter, type Event } from '../events/emitter.js';
import type { StorageNotice } from '../storage/storage-notice.js';
import { VersionedJsonFile } from '../storage/versioned-json-file.js';
import { KeychainError } from '../vault/keychain-error.js';
import type { TokenVault } from '../vault/token-vault.js';
import type { AccountColour } from './account-colours.js';
import {
  checkColour,
  checkLoginFields,
  checkNickname,
  checkOrder,
  checkProfileFields,
  checkStatus,
} from './account-edit-checks.js';
import { assertAccountKey } from './account-key.js';
import {
  shownStatus,
  signInExpiresInDays,
  statusAfter,
  type AccountStatus,
} from './account-status.js';
import {
  accountsFileSchema,
  accountsFileVersion,
  appendRow,
  emptyAccountsFile,
  firstAccountId,
  renumberRows,
  requireRow,
  rowsInOrder,
  type AccountProfile,
  type AccountRow,
  type AccountsFileData,
} from './accounts-file.js';
import { reconcileWithKeychain } from './keychain-reconciliation.js';

/** One account as the rest of the app sees it. */
export interface Account extends Readonly<AccountRow> {
  /** Whole days until the sign-in must be renewed; null when unknown. */
  readonly signInExpiresInDays: number | null;
}

export interface AccountsSnapshot {
  /** Sorted by `order`. */
  readonly accounts: readonly Account[];
  readonly activeAccountId: string | null;
}

/** Raised at open when rows had to be recreated from the vault. */
export interface AccountsNotice {
  readonly code: 'accounts_rebuilt_from_keychain';
  /** Set when accounts.json was unusable and moved aside. */
  readonly setAside: StorageNotice | null;
  /** Rows recreated from vault entries; their profile is unknown until fetched again. */
  readonly restoredAccounts: number;
}

export interface LoginResult {
  /** Spotify `account_id`, or `id` when absent. */
  readonly key: string;
  readonly spotifyUserId: string;
  readonly profile: AccountProfile;
  readonly tokens: TokenSet;
}

export interface AccountRegistryOptions {
  readonly dataDir: string;
  readonly vault: TokenVault;
  readonly clock?: Clock;
}

export class AccountRegistry {
  readonly #vault: TokenVault;
  readonly #clock: Clock;
  readonly #file: VersionedJsonFile<AccountsFileData>;
  readonly #mutex = new Mutex();
  readonly #changed = new Emitter<AccountsSnapshot>();
  #data: AccountsFileData;
  /** What open() had to repair; the UI shows these once. */
  readonly notices: readonly AccountsNotice[];
  /** Every change, with the new snapshot. */
  readonly onDidChange: Event<AccountsSnapshot> = this.#changed.event;

  private constructor(
    options: AccountRegistryOptions,
    file: VersionedJsonFile<AccountsFileData>,
    data: AccountsFileData,
    notices: readonly AccountsNotice[],
  ) {
    this.#vault = options.vault;
    this.#clock = options.clock ?? systemClock;
    this.#file = file;
    this.#data = data;
    this.notices = notices;
  }

  static async open(options: AccountRegistryOptions): Promise<AccountRegistry> {
    const file = new VersionedJsonFile({
      filePath: path.join(options.dataDir, 'accounts.json'),
      version: accountsFileVersion,
      schema: accountsFileSchema,
      defaultValue: emptyAccountsFile,
      ...(options.clock === undefined ? {} : { clock: options.clock }),
    });
    const read = await file.read();
    const data = structuredClone(read.value);
    const restored = await reconcileWithKeychain(data, options.vault, options.clock ?? systemClock);
    const notices: AccountsNotice[] =
      read.notice !== null || restored > 0
        ? [
            {
              code: 'accounts_rebuilt_from_keychain',
              setAside: read.notice,
              restoredAccounts: restored,
            },
          ]
        : [];
    if (read.source === 'set_aside' || JSON.stringify(data) !== JSON.stringify(read.value)) {
      await file.write(data);
    }
    return new AccountRegistry(options, file, data, notices);
  }

  snapshot(): AccountsSnapshot {
    return { accounts: this.list(), activeAccountId: this.#data.activeAccountId };
  }

  list(): Account[] {
    return rowsInOrder(this.#data).map((row) => this.#view(row));
  }

  /** The account, or undefined when there is none with this id. */
  find(id: string): Account | undefined {
    const row = this.#data.accounts.find((candidate) => candidate.id === id);
    return row === undefined ? undefined : this.#view(row);
  }

  /** The account; throws `account_not_found` when there is none with this id. */
  require(id: string): Account {
    return this.#view(requireRow(this.#data, id));
  }

  get activeAccountId(): string | null {
    return this.#data.activeAccountId;
  }

  /**
   * Stores a login: tokens into the vault first, then the row. The same account again updates its
   * tokens and profile in place (keeping nickname, colour and order) and never adds a second row.
   */
  async addFromLogin(login: LoginResult): Promise<Account> {
    assertAccountKey(login.key);
    const profile = checkLoginFields(login.spotifyUserId, login.profile);
    return this.#mutate(async (draft) => {
      await this.#vault.write(login.key, login.tokens);
      const existing = draft.accounts.find((row) => row.id === login.key);
      const fields = {
        spotifyUserId: login.spotifyUserId,
        profile,
        authorizedAt: login.tokens.authorizedAt,
        status: statusAfter({ kind: 'signed_in' }),
      };
      if (existing !== undefined) Object.assign(existing, fields);
      else appendRow(draft, { id: login.key, ...fields });
      // A pending removal of this key would delete the tokens just stored.
      draft.pendingKeychainRemovals = draft.pendingKeychainRemovals.filter(
        (id) => id !== login.key,
      );
      draft.activeAccountId ??= login.key;
      return login.key;
    }).then((id) => this.require(id));
  }

  /** After a profile fetch: fills in rows rebuilt from the vault and keeps snapshots current. */
  async updateProfile(
    id: string,
    spotifyUserId: string,
    profile: AccountProfile,
  ): Promise<Account> {
    const checked = checkProfileFields(spotifyUserId, profile);
    await this.#mutate((draft) => {
      Object.assign(requireRow(draft, id), { spotifyUserId, profile: checked });
    });
    return this.require(id);
  }

  async setStatus(id: string, status: AccountStatus): Promise<void> {
    checkStatus(status);
    await this.#mutate((draft) => {
      requireRow(draft, id).status = status;
    });
  }

  async markSynced(id: string, at: number = this.#clock.now()): Promise<void> {
    await this.#mutate((draft) => {
      requireRow(draft, id).lastSyncedAt = at;
    });
  }

  /**
   * Removes the account's tokens and row. If the keychain cannot delete the tokens now, the key is
   * remembered and deleted on a later start, so nothing stays behind.
   */
  async remove(id: string): Promise<void> {
    await this.#mutate(async (draft) => {
      requireRow(draft, id);
      let keychainDone = this.#vault.status.state === 'available';
      try {
        await this.#vault.remove(id);
      } catch (error) {
        if (!(error instanceof KeychainError)) throw error;
        keychainDone = false;
      }
      if (!keychainDone && !draft.pendingKeychainRemovals.includes(id)) {
        draft.pendingKeychainRemovals.push(id);
      }
      draft.accounts = draft.accounts.filter((row) => row.id !== id);
      if (draft.activeAccountId === id) draft.activeAccountId = firstAccountId(draft);
    });
  }

  /** An empty or blank nickname clears it (the profile's display name shows instead). */
  async rename(id: string, nickname: string | null): Promise<Account> {
    const cleaned = nickname === null ? null : checkNickname(nickname);
    await this.#mutate((draft) => {
      requireRow(draft, id).nickname = cleaned;
    });
    return this.require(id);
  }

  async recolour(id: string, colour: AccountColour): Promise<Account> {
    checkColour(colour);
    await this.#mutate((draft) => {
      requireRow(draft, id).color = colour;
    });
    return this.require(id);
  }

  /** `ids` must name every account exactly once, in the new order. */
  async reorder(ids: readonly string[]): Promise<void> {
    await this.#mutate((draft) => {
      checkOrder(ids, draft);
      ids.forEach((id, order) => {
        requireRow(draft, id).order = order;
      });
    });
  }

  async setActive(id: string | null): Promise<void> {
    await this.#mutate((draft) => {
      if (id !== null) requireRow(draft, id);
      draft.activeAccountId = id;
    });
  }

  /** Applies `change` to a copy, writes it, and only then makes it current and announces it. */
  async #mutate<T>(change: (draft: AccountsFileData) => T | Promise<T>): Promise<T> {
    const result = await this.#mutex.runExclusive(async () => {
      const draft = structuredClone(this.#data);
      const value = await change(draft);
      renumberRows(draft);
      await this.#file.write(draft);
      this.#data = draft;
      return value;
    });
    this.#changed.fire(this.snapshot());
    return result;
  }

  #view(row: AccountRow): Account {
    return {
      ...structuredClone(row),
      status: shownStatus(row.status, row.authorizedAt, this.#clock),
      signInExpiresInDays:
        row.authorizedAt === null ? null : signInExpiresInDays(row.authorizedAt, this.#clock),
    };
  }
}
