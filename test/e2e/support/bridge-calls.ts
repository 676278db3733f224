// Calls the contract from inside the page, through `window.spotifyAccounts` exactly as the renderer
// does, so the whole path (bridge script, WebSocket, origin and token checks, router) is exercised.
import type { Page } from '@playwright/test';
import type {
  AccountView,
  IpcResult,
  RequestArgs,
  RequestChannel,
  RequestResults,
} from '../../../electron/core/ipc/contract.js';

// The page's globals as seen from Node (no DOM lib here): the bridge by domain and verb.
interface PageGlobals {
  spotifyAccounts: Record<string, Record<string, (...args: unknown[]) => Promise<unknown>>>;
  pendingAdd?: Promise<unknown>;
}

export async function call<C extends RequestChannel>(
  page: Page,
  channel: C,
  ...args: RequestArgs<C>
): Promise<IpcResult<RequestResults[C]>> {
  const result = await page.evaluate(
    ([name, list]) => {
      const [domain = '', verb = ''] = name.split(':');
      const api = (globalThis as unknown as PageGlobals).spotifyAccounts;
      return api[domain]?.[verb]?.(...list);
    },
    [channel, args as unknown[]] as const,
  );
  return result as IpcResult<RequestResults[C]>;
}

/** The value of a successful call; fails the test with the error otherwise. */
export async function value<C extends RequestChannel>(
  page: Page,
  channel: C,
  ...args: RequestArgs<C>
): Promise<RequestResults[C]> {
  const result = await call(page, channel, ...args);
  if (!result.ok)
    throw new Error(`${channel} failed: ${result.error.code} ${result.error.message}`);
  return result.value;
}

/** Starts `accounts:add` without waiting: the login tab has to be answered first. */
export async function startAdd(page: Page): Promise<void> {
  await page.evaluate(() => {
    const g = globalThis as unknown as PageGlobals;
    g.pendingAdd = g.spotifyAccounts.accounts?.add?.();
  });
}

export async function addResult(page: Page): Promise<IpcResult<AccountView>> {
  const result = await page.evaluate(() => (globalThis as unknown as PageGlobals).pendingAdd);
  return result as IpcResult<AccountView>;
}
