// Test helpers for driving the fake's OAuth flow: PKCE pairs, authorize URLs, a loopback
// callback listener standing in for the app's, and a form-encoded token request.
import { createHash, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(48).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

export function authorizeUrl(baseUrl: string, params: Record<string, string | undefined>): string {
  const url = new URL('/authorize', baseUrl);
  for (const [key, value] of Object.entries(params))
    if (value !== undefined) url.searchParams.set(key, value);
  return url.toString();
}

/** A listener on 127.0.0.1:<dynamic>/callback that records what it received. */
export async function startCallbackListener(): Promise<{
  redirectUri: string;
  received: URL[];
  close(): Promise<void>;
}> {
  const received: URL[] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    received.push(url);
    res.writeHead(url.pathname === '/callback' ? 200 : 404, { 'content-type': 'text/plain' });
    res.end('You can close this window.');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    redirectUri: `http://127.0.0.1:${port}/callback`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

export async function postToken(
  baseUrl: string,
  form: Record<string, string>,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${baseUrl}/api/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form).toString(),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** Runs login + consent in `session` and returns what the token exchange needs. */
export async function obtainCode(
  baseUrl: string,
  clientId: string,
  session: {
    completeLogin(
      url: string,
      opts: { username?: string; consent?: 'accept' | 'deny' },
    ): Promise<{ redirectedTo: string | null }>;
  },
  username: string,
  redirectUri: string,
  scope = 'user-read-private user-library-read user-library-modify',
): Promise<{ code: string; verifier: string; redirectUri: string }> {
  const { verifier, challenge } = pkcePair();
  const url = authorizeUrl(baseUrl, {
    client_id: clientId,
    response_type: 'code',
    redirect_uri: redirectUri,
    code_challenge_method: 'S256',
    code_challenge: challenge,
    state: 'st',
    scope,
    show_dialog: 'true',
  });
  const outcome = await session.completeLogin(url, { username });
  const code = outcome.redirectedTo ? new URL(outcome.redirectedTo).searchParams.get('code') : null;
  if (!code) throw new Error(`login did not produce a code: ${JSON.stringify(outcome)}`);
  return { code, verifier, redirectUri };
}
