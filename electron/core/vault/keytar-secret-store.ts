// The only file that imports keytar: the OS keychain (Secret Service, macOS Keychain, Windows
// Credential Manager) as a SecretStore bound to one service name. Errors pass through untouched;
// the token vault classifies them. Swapping keytar for another backend is a change to this file.
import keytar from 'keytar';
import type { SecretStore } from './secret-store.js';

export function createKeytarSecretStore(serviceName: string): SecretStore {
  return {
    get: (account) => keytar.getPassword(serviceName, account),
    set: (account, value) => keytar.setPassword(serviceName, account, value),
    delete: (account) => keytar.deletePassword(serviceName, account),
    list: async () =>
      (await keytar.findCredentials(serviceName)).map(({ account, password }) => ({
        account,
        value: password,
      })),
  };
}
