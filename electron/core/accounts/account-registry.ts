// The list of signed-in accounts and which one is active: non-secret rows in
// `<dataDir>/accounts.json`, tokens in the TokenVault under the same key. This module keeps the two
// in step — tokens are stored before the row that points at them, removal takes the vault entry,
// the row and the account's cache folder — and serialises every change so that concurrent logins
// cannot corrupt the file. A file that cannot be read is set aside and the list is rebuilt from the
// vault's keys: a row may lose its nickname, never its tokens.
import { EventEmitter } from 'node:events';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { Mutex } from 'async-mutex';
import type { TokenSet } from '../auth/token-set.js';
import { systemClock, type Clock } from '../clock.js';
import type { StorageNotice } from '../storage/storage-notice.js';
import { VersionedJsonFile } from '../storage/versioned-json-file.js';
import { KeychainError } from '../vault/keychain-error.js';
import type { TokenVault } from '../vault/token-vault.js';
import { isAccountColour, nextAccountColour, type AccountColour } from './account-colours.js';
import { AccountError, accountNotFound } from './account-error.js';
import { accountCacheDir, assertAccountKey, isAccountKey } from './account-key.js';
import {
  accountStatuses,
  signInExpired,
  signInExpiresInDays,
  type AccountStatus,
} from './account-status.js';
import {
  accountProfileSchema,
  accountsFileSchema,
  accountsFileVersion,
  emptyAccountsFile,
  type AccountProfile,
  type AccountsFileData,
} from './accounts-file.js';

type AccountRow = AccountsFileData['accounts'][number];

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

const maxNicknameLength = 64;

export class AccountRegistry {
  readonly #dataDir: string;
  readonly #vault: TokenVault;
  readonly #clock: Clock;
  readonly #file: VersionedJsonFile<AccountsFileData>;
  readonly #mutex = new Mutex();
  readonly #events = new EventEmitter();
  #data: AccountsFileData;
  /** What open() had to repair; the UI shows these once. */
  readonly notices: readonly AccountsNotice[];

  private constructor(
    options: AccountRegistryOptions,
    file: VersionedJsonFile<AccountsFileData>,
    data: AccountsFileData,
    notices: readonly AccountsNotice[],
  ) {
    this.#dataDir = options.dataDir;
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
    const restored = await reconcileWithVault(data, options.vault, options.clock ?? systemClock);
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

  get dataDir(): string {
    return this.#dataDir;
  }

  snapshot(): AccountsSnapshot {
    return { accounts: this.list(), activeAccountId: this.#data.activeAccountId };
  }

  list(): Account[] {
    return [...this.#data.accounts].sort((a, b) => a.order - b.order).map((row) => this.#view(row));
  }

  get(id: string): Account {
    return this.#view(this.#row(this.#data, id));
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
    if (typeof login.spotifyUserId !== 'string' || login.spotifyUserId.length === 0) {
      throw new AccountError('invalid_account_profile', 'A login must carry the Spotify user id.');
    }
    const profile = accountProfileSchema.safeParse(login.profile);
    if (!profile.success) {
      throw new AccountError(
        'invalid_account_profile',
        'A profile needs displayName, imageUrl and profileUrl, each a string or null.',
      );
    }
    return this.#mutate(async (draft) => {
      await this.#vault.write(login.key, login.tokens);
      const existing = draft.accounts.find((row) => row.id === login.key);
      const fields = {
        spotifyUserId: login.spotifyUserId,
        profile: profile.data,
        authorizedAt: login.tokens.authorizedAt,
        status: 'ok' as const,
      };
      if (existing !== undefined) {
        Object.assign(existing, fields);
      } else {
        draft.accounts.push({
          id: login.key,
          nickname: null,
          color: nextAccountColour(draft.accounts.map((row) => row.color)),
          order: draft.accounts.length,
          lastSyncedAt: null,
          ...fields,
        });
      }
      // A pending removal of this key would delete the tokens just stored.
      draft.pendingKeychainRemovals = draft.pendingKeychainRemovals.filter(
        (id) => id !== login.key,
      );
      draft.activeAccountId ??= login.key;
      return login.key;
    }).then((id) => this.get(id));
  }

  /** After a profile fetch: fills in rows rebuilt from the vault and keeps snapshots current. */
  async updateProfile(
    id: string,
    spotifyUserId: string,
    profile: AccountProfile,
  ): Promise<Account> {
    const parsed = accountProfileSchema.safeParse(profile);
    if (!parsed.success || typeof spotifyUserId !== 'string' || spotifyUserId.length === 0) {
      throw new AccountError(
        'invalid_account_profile',
        'A profile needs a user id and its fields.',
      );
    }
    await this.#mutate((draft) => {
      Object.assign(this.#row(draft, id), { spotifyUserId, profile: parsed.data });
    });
    return this.get(id);
  }

  async setStatus(id: string, status: AccountStatus): Promise<void> {
    if (!(accountStatuses as readonly string[]).includes(status)) {
      throw new AccountError('invalid_account_status', `Unknown account status ${String(status)}.`);
    }
    await this.#mutate((draft) => {
      this.#row(draft, id).status = status;
    });
  }

  async markSynced(id: string, at: number = this.#clock.now()): Promise<void> {
    await this.#mutate((draft) => {
      this.#row(draft, id).lastSyncedAt = at;
    });
  }

  /**
   * Removes the account's tokens, cache folder and row. If the keychain cannot delete the tokens
   * now, the key is remembered and deleted on a later start, so nothing stays behind.
   */
  async remove(id: string): Promise<void> {
    await this.#mutate(async (draft) => {
      this.#row(draft, id);
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
      // The cache goes before the row: if it cannot be deleted, the row stays for a retry.
      await fs.rm(accountCacheDir(this.#dataDir, id), { recursive: true, force: true });
      draft.accounts = draft.accounts.filter((row) => row.id !== id);
      if (draft.activeAccountId === id) {
        draft.activeAccountId = sortedRows(draft)[0]?.id ?? null;
      }
    });
  }

  /** An empty or blank nickname clears it (the profile's display name shows instead). */
  async rename(id: string, nickname: string | null): Promise<Account> {
    const cleaned = nickname === null ? null : cleanNickname(nickname);
    await this.#mutate((draft) => {
      this.#row(draft, id).nickname = cleaned;
    });
    return this.get(id);
  }

  async recolour(id: string, colour: AccountColour): Promise<Account> {
    if (!isAccountColour(colour)) {
      throw new AccountError(
        'invalid_colour',
        `${JSON.stringify(colour)} is not a palette colour.`,
      );
    }
    await this.#mutate((draft) => {
      this.#row(draft, id).color = colour;
    });
    return this.get(id);
  }

  /** `ids` must name every account exactly once, in the new order. */
  async reorder(ids: readonly string[]): Promise<void> {
    await this.#mutate((draft) => {
      if (!Array.isArray(ids)) {
        throw new AccountError('invalid_account_order', 'The new order must be a list of ids.');
      }
      for (const id of ids) this.#row(draft, id);
      if (new Set(ids).size !== ids.length || ids.length !== draft.accounts.length) {
        throw new AccountError(
          'invalid_account_order',
          'The new order must name every account exactly once.',
        );
      }
      ids.forEach((id, order) => {
        this.#row(draft, id).order = order;
      });
    });
  }

  async setActive(id: string | null): Promise<void> {
    await this.#mutate((draft) => {
      if (id !== null) this.#row(draft, id);
      draft.activeAccountId = id;
    });
  }

  /** Every change, with the new snapshot. Returns an unsubscribe function. */
  onChange(listener: (snapshot: AccountsSnapshot) => void): () => void {
    this.#events.on('change', listener);
    return () => this.#events.off('change', listener);
  }

  /** Applies `change` to a copy, writes it, and only then makes it current and announces it. */
  async #mutate<T>(change: (draft: AccountsFileData) => T | Promise<T>): Promise<T> {
    const result = await this.#mutex.runExclusive(async () => {
      const draft = structuredClone(this.#data);
      const value = await change(draft);
      sortedRows(draft).forEach((row, order) => {
        row.order = order;
      });
      await this.#file.write(draft);
      this.#data = draft;
      return value;
    });
    this.#events.emit('change', this.snapshot());
    return result;
  }

  #row(data: AccountsFileData, id: string): AccountRow {
    const row = data.accounts.find((candidate) => candidate.id === id);
    if (row === undefined) throw accountNotFound(id);
    return row;
  }

  #view(row: AccountRow): Account {
    const expired = row.authorizedAt !== null && signInExpired(row.authorizedAt, this.#clock);
    return {
      ...structuredClone(row),
      status: expired ? 'needs_sign_in' : row.status,
      signInExpiresInDays:
        row.authorizedAt === null ? null : signInExpiresInDays(row.authorizedAt, this.#clock),
    };
  }
}

function sortedRows(data: AccountsFileData): AccountRow[] {
  return [...data.accounts].sort((a, b) => a.order - b.order);
}

function cleanNickname(nickname: unknown): string | null {
  if (typeof nickname !== 'string') {
    throw new AccountError('invalid_nickname', 'A nickname must be text.');
  }
  const trimmed = nickname.trim();
  // Control characters would break one-line layouts and are never intended.
  // eslint-disable-next-line no-control-regex
  if (trimmed.length > maxNicknameLength || /[\u0000-\u001f\u007f]/.test(trimmed)) {
    throw new AccountError(
      'invalid_nickname',
      `A nickname must be at most ${maxNicknameLength} characters, on one line.`,
    );
  }
  return trimmed === '' ? null : trimmed;
}

/**
 * Brings the rows in line with the vault at start: deletes keys whose removal was postponed,
 * recreates rows for vault entries that have none (a set-aside file, or a crash between storing
 * tokens and writing the row), and marks which accounts can use their tokens. Returns how many
 * rows were recreated.
 */
async function reconcileWithVault(
  data: AccountsFileData,
  vault: TokenVault,
  clock: Clock,
): Promise<number> {
  const available = vault.status.state === 'available';
  const vaultKeys = new Set(await vault.keys());
  if (available) {
    for (const id of [...data.pendingKeychainRemovals]) {
      try {
        await vault.remove(id);
        vaultKeys.delete(id);
        data.pendingKeychainRemovals = data.pendingKeychainRemovals.filter((p) => p !== id);
      } catch {
        // Still unusable: try again on the next start.
      }
    }
  }
  const known = new Set(data.accounts.map((row) => row.id));
  let restored = 0;
  for (const key of vaultKeys) {
    if (known.has(key) || data.pendingKeychainRemovals.includes(key) || !isAccountKey(key))
      continue;
    const tokens = await vault.read(key).catch(() => null);
    data.accounts.push({
      id: key,
      spotifyUserId: null,
      nickname: null,
      color: nextAccountColour(data.accounts.map((row) => row.color)),
      order: data.accounts.length,
      profile: null,
      authorizedAt: tokens?.authorizedAt ?? null,
      status: tokens === null ? 'needs_sign_in' : 'ok',
      lastSyncedAt: null,
    });
    restored += 1;
  }
  for (const row of data.accounts) {
    row.status = startStatus(row.status, available, vaultKeys.has(row.id));
    // "Needs sign-in" with readable tokens in the keychain was written in a run that could not
    // reach them (a refused grant always deletes its tokens): try them again.
    if (row.status === 'needs_sign_in' && available && vaultKeys.has(row.id)) {
      const readable = await vault.read(row.id).then(
        (tokens) => tokens !== null,
        () => false,
      );
      const expired = row.authorizedAt !== null && signInExpired(row.authorizedAt, clock);
      if (readable && !expired) row.status = 'ok';
    }
  }
  sortedRows(data).forEach((row, order) => {
    row.order = order;
  });
  if (data.activeAccountId !== null && !data.accounts.some((r) => r.id === data.activeAccountId)) {
    data.activeAccountId = sortedRows(data)[0]?.id ?? null;
  }
  return restored;
}

function startStatus(stored: AccountStatus, available: boolean, hasTokens: boolean): AccountStatus {
  const usable = stored === 'ok' || stored === 'refreshing' || stored === 'keychain_unavailable';
  if (!usable) return stored;
  if (!available) return 'keychain_unavailable';
  return hasTokens ? 'ok' : 'needs_sign_in';
}
