// The fetch the core gets in the app: Chromium's network stack instead of Node's, so the token
// endpoint, the request scheduler and the image cache honour the system proxy (PAC, WPAD,
// authenticating proxies) and the OS certificate store, as the login page already does. Electron
// documents net/ses.fetch for exactly this ("net", electronjs.org/docs/latest/api/net).
// Boundary: only the transport; what is requested, and how redirects are judged, stays in the core.
import { Readable } from 'node:stream';
import type { ClientRequest, ClientRequestConstructorOptions, IncomingMessage } from 'electron';

export interface ChromiumNetwork {
  /** `ses.fetch` of the session the core's requests go through. */
  readonly fetch: (input: string | Request, init?: RequestInit) => Promise<Response>;
  /** `net.request`; used for `redirect: 'manual'`, which `ses.fetch` cannot give back. */
  readonly request: (options: ClientRequestConstructorOptions) => ClientRequest;
  /** Passed to `net.request` so both paths use the same session. */
  readonly session?: ClientRequestConstructorOptions['session'];
}

const nullBodyStatuses = new Set([101, 204, 205, 304]);

export function chromiumFetch(network: ChromiumNetwork): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    // The core authenticates with a Bearer token; the session's cookies are never part of it.
    if (request.redirect === 'manual') return manualRedirectFetch(network, request);
    return network.fetch(request, { credentials: 'omit' });
  };
}

/**
 * With `redirect: 'manual'`, ses.fetch rejects ("Redirect was cancelled") instead of returning
 * the 3xx as Node's fetch does (electron/electron#43715, closed as documented behaviour). The
 * core relies on seeing the 3xx: the token endpoint treats it as an error rather than re-send the
 * code, and the image cache checks every hop. So the request goes through net.request, whose
 * `redirect` event carries the status and headers; not calling followRedirect cancels it.
 */
async function manualRedirectFetch(network: ChromiumNetwork, request: Request): Promise<Response> {
  request.signal.throwIfAborted();
  const body = request.body === null ? null : Buffer.from(await request.arrayBuffer());
  return new Promise<Response>((resolve, reject) => {
    const outgoing = network.request({
      method: request.method,
      url: request.url,
      redirect: 'manual',
      credentials: 'omit',
      ...(network.session === undefined ? {} : { session: network.session }),
    });
    const onAbort = () => {
      outgoing.abort();
      reject(request.signal.reason);
    };
    request.signal.addEventListener('abort', onAbort, { once: true });
    const settle = () => request.signal.removeEventListener('abort', onAbort);
    for (const [name, value] of request.headers) outgoing.setHeader(name, value);
    outgoing.on('redirect', (statusCode, _method, redirectUrl, responseHeaders) => {
      settle();
      outgoing.abort();
      const headers = headersOf(responseHeaders);
      headers.set('location', redirectUrl);
      resolve(new Response(null, { status: statusCode, headers }));
    });
    outgoing.on('response', (incoming: IncomingMessage) => {
      // Kept until the body is read: an abort then ends the body stream with an error.
      resolve(responseOf(incoming, request.method));
    });
    outgoing.on('error', (error) => {
      settle();
      reject(error);
    });
    if (body !== null) outgoing.write(body);
    outgoing.end();
  });
}

function responseOf(incoming: IncomingMessage, method: string): Response {
  const bodyless = nullBodyStatuses.has(incoming.statusCode) || method === 'HEAD';
  const body = bodyless
    ? null
    : (Readable.toWeb(incoming as unknown as Readable) as ReadableStream<Uint8Array>);
  return new Response(body, {
    status: incoming.statusCode,
    statusText: incoming.statusMessage,
    headers: headersOf(incoming.headers),
  });
}

function headersOf(raw: Record<string, string | string[]>): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  return headers;
}
