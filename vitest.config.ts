// Two test projects: "unit" runs anywhere; "keychain" needs a Secret Service and is run by
// scripts/with-test-keychain.sh inside a private D-Bus session with a throwaway gnome-keyring.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
          exclude: ['test/keychain/**', 'test/e2e/**', '**/node_modules/**'],
          environment: 'node',
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'keychain',
          include: ['test/keychain/**/*.test.ts'],
          environment: 'node',
          testTimeout: 20_000,
          // One keyring daemon serves every file; running files one at a time keeps each test's
          // view of the collection predictable.
          fileParallelism: false,
        },
      },
    ],
  },
});
