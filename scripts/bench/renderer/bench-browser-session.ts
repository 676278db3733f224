// Sets up what the renderer scenarios measure, none of it timed: the renderer built into a
// temporary directory, the browser harness (real core, fake Spotify with no latency, memory
// keychain), Debian's Chromium driven by playwright-core, and accounts signed in through the
// fake's login tab as a person would, each with its library loaded in the page.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { answerLoginTab } from '../../../test/e2e/support/login-tab.js';
import type { SeededUser } from '../../../demo/fake-spotify/index.js';
import { buildRenderer, chromiumArgs } from '../../../demo/harness/browser-setup.js';
import { startHarness, type Harness } from '../../../demo/harness/harness-server.js';
import { installBridgeTrafficProbe } from './bridge-traffic-probe.js';
import { firstRowKey, installPaintProbe, keepNamesShim } from './page-probes.js';

export interface BenchSessionOptions {
  /** Saved tracks of each seeded user, in order. */
  readonly tracksPerUser: readonly number[];
  readonly chromiumPath: string;
  /** A renderer already built (e.g. an experiment's); default: build the project's now. */
  readonly rendererDir?: string;
  /** Harness and core log lines go to stderr when true, else nowhere (stdout is the report). */
  readonly verbose: boolean;
}

export interface BenchSession {
  readonly harness: Harness;
  readonly page: Page;
  readonly users: readonly SeededUser[];
  /** Signs the user in from the sidebar; resolves once the app shows the account's page. */
  signIn(user: SeededUser): Promise<void>;
  close(): Promise<void>;
}

export async function openBenchSession(options: BenchSessionOptions): Promise<BenchSession> {
  const rendererDir = options.rendererDir ?? (await buildFreshRenderer());
  const cleanups: (() => Promise<void>)[] = [];
  if (options.rendererDir === undefined) {
    cleanups.push(() => rm(rendererDir, { recursive: true, force: true }));
  }
  const close = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  };
  try {
    const harness = await startHarness({
      fake: {
        users: options.tracksPerUser.length,
        tracksPerUser: options.tracksPerUser,
        latencyMs: 0,
      },
      rendererDir,
      // Fast retries: a benchmark that meets a fault should fail quickly, not wait it out.
      scheduler: { backoff: { baseMs: 5, maxMs: 50 } },
      log: options.verbose ? (line) => console.error(line) : () => undefined,
    });
    cleanups.push(() => harness.close());
    const browser: Browser = await chromium.launch({
      executablePath: options.chromiumPath,
      args: [...chromiumArgs],
      headless: true,
    });
    cleanups.push(() => browser.close());
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await page.addInitScript(keepNamesShim);
    await page.addInitScript(installPaintProbe);
    await page.addInitScript(installBridgeTrafficProbe);
    await page.goto(harness.url);
    await page.locator('html[data-harness="connected"]').waitFor();

    return {
      harness,
      page,
      users: harness.fake.users,
      async signIn(user) {
        const addButton = page
          .getByRole('navigation', { name: 'Accounts' })
          .getByRole('button', { name: /Add account/ });
        await answerLoginTab(page, () => addButton.click(), {
          username: user.username,
          password: user.password,
        });
        await page
          .locator(
            `[data-testid="account-row"][data-account-id="${user.accountId}"][aria-current="page"]`,
          )
          .waitFor();
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * Waits until the shown account's saved tracks are all in the page (no progress bar, at least one
 * row) and returns its `firstRowKey`, which later identifies that account's table.
 */
export async function waitForLibraryLoaded(page: Page, timeoutMs: number): Promise<string> {
  const state = await page.waitForFunction(
    () => {
      const doc = (
        globalThis as unknown as {
          document: { querySelector(selector: string): object | null };
        }
      ).document;
      if (doc.querySelector('.tracks [role="alert"]') !== null) return 'failed';
      const loading = doc.querySelector('.tracks .progress-row') !== null;
      const rows = doc.querySelector('[data-testid="track-row"]') !== null;
      return !loading && rows ? 'loaded' : false;
    },
    undefined,
    { timeout: timeoutMs, polling: 100 },
  );
  if ((await state.jsonValue()) === 'failed') {
    throw new Error('the saved tracks failed to load in the page');
  }
  const first = await page.evaluate(firstRowKey);
  if (first === null) throw new Error('the loaded table has no first row');
  return first;
}

/** A fresh production build of the renderer, so the figures are for the code as it is now. */
export async function buildFreshRenderer(): Promise<string> {
  const outDir = await mkdtemp(path.join(os.tmpdir(), 'bench-renderer-'));
  // The build's own output goes to stderr: stdout carries only the report's JSON lines.
  const built = buildRenderer(outDir, 'stderr');
  if (!built.ok) {
    await rm(outDir, { recursive: true, force: true });
    throw new Error(`vite build failed (exit ${built.exitCode}).`);
  }
  return outDir;
}
