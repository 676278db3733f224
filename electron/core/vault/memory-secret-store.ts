// A SecretStore that lives in this process only: the vault's fallback when the keychain cannot be
// used (tokens then last for this run and are never written anywhere), and a stand-in for tests of
// modules that need a store but are not about the keychain.
import type { SecretEntry, SecretStore } from './secret-store.js';

export class MemorySecretStore implements SecretStore {
  readonly #entries = new Map<string, string>();

  async get(account: string): Promise<string | null> {
    return this.#entries.get(account) ?? null;
  }

  async set(account: string, value: string): Promise<void> {
    this.#entries.set(account, value);
  }

  async delete(account: string): Promise<boolean> {
    return this.#entries.delete(account);
  }

  async list(): Promise<SecretEntry[]> {
    return [...this.#entries].map(([account, value]) => ({ account, value }));
  }
}
