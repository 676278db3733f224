// A loopback reverse proxy in front of the fake Spotify's accounts pages, one per login, so that
// every login tab starts with an empty cookie jar — what the Electron login window gets from its
// fresh in-memory partition. A browser shares cookies between all tabs, and cookies are scoped by
// host, not port, so a new port alone is not enough: the proxy renames the cookies the fake sets
// (prefixing them with this login's id) and forwards only its own back. A login therefore never
// sees the previous login's session cookie, and the fake shows its login form every time.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LoginProxy {
  /** e.g. http://127.0.0.1:41234 — serves the same paths as the fake. */
  readonly origin: string;
  /** `authorizeUrl` with the fake's origin swapped for this proxy's. */
  rewrite(authorizeUrl: string): string;
  close(): Promise<void>;
}

export async function startLoginProxy(
  targetBaseUrl: string,
  loginRef: string,
): Promise<LoginProxy> {
  const target = new URL(targetBaseUrl);
  const prefix = `login_${loginRef.replace(/[^A-Za-z0-9]/g, '')}__`;
  const server = http.createServer((req, res) => {
    const headers = { ...req.headers, host: target.host };
    delete headers.origin;
    delete headers.referer;
    const ownCookies = ownCookieHeader(req.headers.cookie, prefix);
    if (ownCookies === null) delete headers.cookie;
    else headers.cookie = ownCookies;
    const upstream = http.request(
      {
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers,
      },
      (answer) => {
        const out = { ...answer.headers };
        const setCookie = answer.headers['set-cookie'];
        if (setCookie) out['set-cookie'] = setCookie.map((cookie) => prefix + cookie.trimStart());
        res.writeHead(answer.statusCode ?? 502, out);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('The fake Spotify is not answering.');
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    rewrite(authorizeUrl) {
      const url = new URL(authorizeUrl);
      if (url.origin !== target.origin) return authorizeUrl;
      return origin + url.pathname + url.search;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

// Keeps only the cookies this proxy set, under the names the fake gave them.
function ownCookieHeader(header: string | undefined, prefix: string): string | null {
  const own = (header ?? '')
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part.startsWith(prefix))
    .map((part) => part.slice(prefix.length));
  return own.length > 0 ? own.join('; ') : null;
}
