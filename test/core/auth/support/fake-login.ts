// Signs a seeded user of the fake Spotify in through the real login flow, for tests that need
// real tokens or a real authorization code.
import type { FakeSpotify, LoginOutcome, SeededUser } from '../../../../demo/fake-spotify/index.js';
import { BrowserSession } from '../../../../demo/fake-spotify/login-driver.js';
import { seededUser } from '../../../../demo/fake-spotify/index.js';
import {
  signIn,
  type SignInOptions,
  type SignInResult,
} from '../../../../electron/core/auth/login-flow.js';
import { singleOriginEndpoints } from '../../../../electron/core/spotify-endpoints.js';

export type { FakeSpotify };

/** The fake's first seeded user. */
export function firstUser(fake: FakeSpotify): SeededUser {
  return seededUser(fake);
}

/** Options for signIn against the fake, completing the login page as `user` with `consent`. */
export function fakeSignInOptions(
  fake: FakeSpotify,
  user: SeededUser,
  consent: 'accept' | 'deny' = 'accept',
): SignInOptions & { readonly logins: Promise<LoginOutcome>[] } {
  const logins: Promise<LoginOutcome>[] = [];
  return {
    clientId: fake.clientId,
    endpoints: singleOriginEndpoints(fake.baseUrl),
    openLoginPage: (url) => {
      logins.push(
        new BrowserSession().completeLogin(url, {
          username: user.username,
          password: user.password,
          consent,
        }),
      );
    },
    logins,
  };
}

export function signInAs(fake: FakeSpotify, user: SeededUser): Promise<SignInResult> {
  return signIn(fakeSignInOptions(fake, user));
}
