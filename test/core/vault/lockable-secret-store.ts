// A stand-in for a Secret Service collection that can be locked, behaving as gnome-keyring does
// when locked (measured in test/keychain): writes fail with keytar's message, reads
// and listings see nothing, deletes delete nothing. Unlocking shows the entries again.
import { MemorySecretStore } from '../../../electron/core/vault/memory-secret-store.js';
import type { SecretStore } from '../../../electron/core/vault/secret-store.js';

export class LockableSecretStore implements SecretStore {
  readonly entries = new MemorySecretStore();
  locked = false;

  async get(account: string) {
    return this.locked ? null : this.entries.get(account);
  }

  async set(account: string, value: string) {
    if (this.locked) throw new Error('Cannot create an item in a locked collection');
    await this.entries.set(account, value);
  }

  async delete(account: string) {
    return this.locked ? false : this.entries.delete(account);
  }

  async list() {
    return this.locked ? [] : this.entries.list();
  }
}
