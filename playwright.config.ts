// End-to-end tests: the browser harness (real core + fake Spotify + built renderer) driven by
// Debian's Chromium — no browser is ever downloaded. Run through `npm run test:e2e`, which wraps
// Playwright in a private D-Bus session with a throwaway keyring (scripts/with-test-keychain.sh).
// One worker: the machine has two cores and each file starts its own harness and fake.
import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumExecutable } from './demo/harness/browser-setup.js';

export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results/artifacts',
  globalSetup: './test/e2e/support/global-setup.ts',
  workers: 1,
  retries: 0,
  fullyParallel: false,
  forbidOnly: true,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    headless: true,
    screenshot: 'only-on-failure',
    trace: 'off',
    actionTimeout: 5_000,
    navigationTimeout: 10_000,
    launchOptions: {
      executablePath: chromiumExecutable,
      args: [...chromiumArgs],
    },
  },
});
