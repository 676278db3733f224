// Drives the fake's login and consent pages over real HTTP as a browser would: one cookie jar per
// BrowserSession (one browser profile), redirects followed by hand, forms posted, and the final
// redirect delivered to the app's loopback callback with a real GET.
import { AppError } from '../../electron/core/errors/app-error.js';

export interface LoginOutcome {
  /** The loopback URL the fake redirected to, with code/state or error; null if it never did. */
  redirectedTo: string | null;
  /** HTTP status the loopback callback answered; null if it was not reached. */
  callbackStatus: number | null;
  callbackBody: string | null;
  /** The user the consent page or the login form named. */
  signedInAs: string | null;
  /** Set when the fake refused the authorize request itself (bad client_id, redirect URI...). */
  errorPage: { status: number; text: string } | null;
  loginPageShown: boolean;
  consentPageShown: boolean;
  /** The login page's error when the credentials were refused. */
  loginError: string | null;
}

export interface LoginOptions {
  username?: string;
  /** Defaults to the password the login page lists for `username`. */
  password?: string;
  consent?: 'accept' | 'deny';
}

export type LoginDriverErrorCode = 'login_driver_needs_username' | 'login_driver_lost';

const MAX_STEPS = 20;

export class BrowserSession {
  /** host:port -> cookie name -> value. Cookies stay with the origin that set them. */
  private readonly jar = new Map<string, Map<string, string>>();

  async completeLogin(authorizeUrl: string, opts: LoginOptions = {}): Promise<LoginOutcome> {
    const fakeOrigin = new URL(authorizeUrl).origin;
    const outcome: LoginOutcome = {
      redirectedTo: null,
      callbackStatus: null,
      callbackBody: null,
      signedInAs: null,
      errorPage: null,
      loginPageShown: false,
      consentPageShown: false,
      loginError: null,
    };
    let request: { url: string; form?: URLSearchParams } = { url: authorizeUrl };
    for (let step = 0; step < MAX_STEPS; step++) {
      const response = await this.fetch(request.url, request.form);
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location) {
        const next = new URL(location, request.url);
        if (next.origin !== fakeOrigin) return this.deliverCallback(next.toString(), outcome);
        request = { url: next.toString() };
        continue;
      }
      const html = await response.text();
      const page = /data-page="(\w+)"/.exec(html)?.[1];
      if (page === 'error' || response.status >= 400) {
        outcome.errorPage = {
          status: response.status,
          text: decode(/data-error-text>([^<]*)</.exec(html)?.[1] ?? html),
        };
        return outcome;
      }
      const requestId = decode(/name="request_id" value="([^"]*)"/.exec(html)?.[1] ?? '');
      if (page === 'login') {
        const error = /data-login-error>([^<]*)</.exec(html)?.[1];
        if (error !== undefined) {
          outcome.loginError = decode(error);
          return outcome;
        }
        outcome.loginPageShown = true;
        if (opts.username === undefined) {
          throw new AppError<LoginDriverErrorCode>(
            'login_driver_needs_username',
            'the login page was shown but no username was given',
          );
        }
        const password = opts.password ?? hintedPassword(html, opts.username) ?? '';
        outcome.signedInAs = opts.username;
        request = {
          url: new URL('/login', fakeOrigin).toString(),
          form: new URLSearchParams({ request_id: requestId, username: opts.username, password }),
        };
        continue;
      }
      if (page === 'consent') {
        outcome.consentPageShown = true;
        outcome.signedInAs = decode(/data-signed-in-as="([^"]*)"/.exec(html)?.[1] ?? '') || null;
        request = {
          url: new URL('/authorize/consent', fakeOrigin).toString(),
          form: new URLSearchParams({ request_id: requestId, decision: opts.consent ?? 'accept' }),
        };
        continue;
      }
      throw new AppError<LoginDriverErrorCode>(
        'login_driver_lost',
        `unexpected page (HTTP ${response.status}) at ${request.url}`,
      );
    }
    throw new AppError<LoginDriverErrorCode>(
      'login_driver_lost',
      `no outcome after ${MAX_STEPS} steps`,
    );
  }

  private async deliverCallback(url: string, outcome: LoginOutcome): Promise<LoginOutcome> {
    outcome.redirectedTo = url;
    try {
      const response = await fetch(url, { redirect: 'manual' });
      outcome.callbackStatus = response.status;
      outcome.callbackBody = await response.text();
    } catch {
      // Nothing listening (the app already gave up): the outcome says so with nulls.
    }
    return outcome;
  }

  private async fetch(url: string, form?: URLSearchParams): Promise<Response> {
    const host = new URL(url).host;
    const cookies = [...(this.jar.get(host) ?? new Map<string, string>())]
      .map(([k, v]) => `${k}=${v}`)
      .join('; ');
    const headers: Record<string, string> = {};
    if (cookies) headers['cookie'] = cookies;
    if (form) headers['content-type'] = 'application/x-www-form-urlencoded';
    const response = await fetch(url, {
      method: form ? 'POST' : 'GET',
      headers,
      body: form?.toString(),
      redirect: 'manual',
    });
    this.storeCookies(host, response.headers.getSetCookie());
    return response;
  }

  private storeCookies(host: string, setCookies: string[]): void {
    const cookies = this.jar.get(host) ?? new Map<string, string>();
    for (const line of setCookies) {
      const [pair = '', ...attributes] = line.split(';');
      const eq = pair.indexOf('=');
      if (eq <= 0) continue;
      const name = pair.slice(0, eq).trim();
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a));
      if (expired) cookies.delete(name);
      else cookies.set(name, pair.slice(eq + 1).trim());
    }
    this.jar.set(host, cookies);
  }
}

function hintedPassword(html: string, username: string): string | undefined {
  for (const match of html.matchAll(/data-username="([^"]*)" data-password="([^"]*)"/g)) {
    if (decode(match[1] ?? '') === username) return decode(match[2] ?? '');
  }
  return undefined;
}

function decode(text: string): string {
  return text.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code))).trim();
}
