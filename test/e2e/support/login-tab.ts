// Drives the fake Spotify's login tab as a person would: waits for the tab the harness opens, fills
// the labelled form (or closes the tab), answers the consent page, and waits for the tab to go
// away once the app has the answer.
import type { Page } from '@playwright/test';

export interface LoginTabAnswer {
  readonly username?: string;
  readonly password?: string;
  /** accept (default) or deny the consent page, or close the tab without answering. */
  readonly action?: 'accept' | 'deny' | 'close';
}

export interface LoginTabResult {
  /** The tab showed the login form rather than going straight to consent (a fresh session). */
  readonly loginFormShown: boolean;
}

/** `start` is what makes the app open a login tab (a click, or a bridge call). */
export async function answerLoginTab(
  page: Page,
  start: () => Promise<unknown>,
  answer: LoginTabAnswer,
): Promise<LoginTabResult> {
  const opened = page.context().waitForEvent('page');
  await start();
  const tab = await opened;
  const closed = tab.waitForEvent('close', { timeout: 10_000 });
  await tab.locator('main[data-page]').waitFor();
  const loginFormShown = (await tab.locator('main').getAttribute('data-page')) === 'login';
  if (answer.action === 'close') {
    await tab.close();
    return { loginFormShown };
  }
  if (loginFormShown) {
    await tab.getByLabel('Email or username').fill(answer.username ?? '');
    await tab.getByLabel('Password').fill(answer.password ?? '');
    await tab.getByRole('button', { name: 'Log In' }).click();
  }
  await tab.getByRole('button', { name: answer.action === 'deny' ? 'Cancel' : 'Agree' }).click();
  await closed; // the harness closes the tab once the core has the callback
  return { loginFormShown };
}
