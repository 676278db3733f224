// A SecretStore that tells the log's redactor every token passing through it, written or read,
// so a token can never reach the log file even when an error's text quotes it. Wraps the real
// store; changes nothing that is stored.
import type { SecretStore } from '../vault/secret-store.js';
import type { SecretRedactor } from './secret-redactor.js';

export function secretObservingStore(store: SecretStore, redactor: SecretRedactor): SecretStore {
  return {
    get: async (account) => {
      const value = await store.get(account);
      if (value !== null) redactor.addFromStoredValue(value);
      return value;
    },
    set: async (account, value) => {
      redactor.addFromStoredValue(value);
      await store.set(account, value);
    },
    delete: (account) => store.delete(account),
    list: async () => {
      const entries = await store.list();
      for (const entry of entries) redactor.addFromStoredValue(entry.value);
      return entries;
    },
  };
}
