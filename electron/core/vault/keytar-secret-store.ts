// The only file that imports keytar: the OS keychain (Secret Service, macOS Keychain, Windows
// Credential Manager) as a SecretStore bound to one service name. Errors pass through untouched;
// the token vault classifies them. Swapping keytar for another backend is a change to this file.
//
// keytar is loaded on first use rather than at import: if its native module cannot load (say,
// libsecret is missing on a Linux desktop), the vault's probe sees the error and the app runs with
// tokens in memory and a banner, instead of failing to start.
import type keytarApi from 'keytar';
import type { SecretStore } from './secret-store.js';

type Keytar = typeof keytarApi;

let keytarModule: Promise<Keytar> | null = null;

function loadKeytar(): Promise<Keytar> {
  keytarModule ??= import('keytar').then((module) => module.default);
  return keytarModule;
}

export function createKeytarSecretStore(serviceName: string): SecretStore {
  return {
    get: async (account) => (await loadKeytar()).getPassword(serviceName, account),
    set: async (account, value) => (await loadKeytar()).setPassword(serviceName, account, value),
    delete: async (account) => (await loadKeytar()).deletePassword(serviceName, account),
    list: async () =>
      (await (await loadKeytar()).findCredentials(serviceName)).map(({ account, password }) => ({
        account,
        value: password,
      })),
  };
}
