// Which keychain service the app's tokens live under. Packaged, development, demo and test runs use
// different names so that a development build or a test can never read or erase a user's real
// sign-ins.

export type KeychainMode = 'packaged' | 'development' | 'demo' | 'test';

const productName = 'Multi Account for Spotify';

/**
 * `suffix` isolates one test (or one test file) from the others inside the test service; it is
 * only meaningful in `test` mode.
 */
export function keychainServiceName(mode: KeychainMode, suffix?: string): string {
  switch (mode) {
    case 'packaged':
      return productName;
    case 'development':
      return `${productName} (development)`;
    case 'demo':
      return `${productName} (demo)`;
    case 'test':
      return suffix === undefined ? `${productName} (test)` : `${productName} (test: ${suffix})`;
  }
}
