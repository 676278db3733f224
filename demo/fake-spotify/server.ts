// The fake Spotify's HTTP server: one loopback origin serving the accounts pages, the token
// endpoint, the Web API, the image CDN under /cdn and the /__fake control API. It counts requests,
// adds latency and injects faults (never on /__fake), and closes every socket on shutdown.
// Routing is kept apart from the fault step so a fault can also act after the handler ran.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { handleControl } from './control-api.js';
import type { FakeState } from './fake-state.js';
import { answerWithFault } from './faults.js';
import { BodyTooLargeError, redirect, sendJson, sendWebApiError } from './http-helpers.js';
import { handleImageCdn, isCdnPath } from './image-cdn.js';
import {
  handleAuthorize,
  handleConsentPost,
  handleContinue,
  handleLoginPost,
  handleLogout,
} from './oauth-authorize.js';
import { handleToken } from './oauth-token.js';
import { handleWebApi } from './web-api.js';

export interface RunningServer {
  baseUrl: string;
  close(): Promise<void>;
}

export async function listen(state: FakeState, port: number): Promise<RunningServer> {
  const server = createServer((req, res) => {
    handle(state, req, res).catch((error: unknown) => {
      if (res.headersSent || res.destroyed) {
        res.destroy();
      } else if (error instanceof BodyTooLargeError) {
        sendWebApiError(res, 413, 'Request body too large');
      } else {
        sendWebApiError(res, 500, 'Fake Spotify internal error');
        console.error('fake-spotify: handler failed', error);
      }
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const { port: actualPort } = server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${actualPort}`;
  state.baseUrl = baseUrl;
  return {
    baseUrl,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

async function handle(state: FakeState, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', state.baseUrl);
  const method = req.method ?? 'GET';
  if (url.pathname.startsWith('/__fake/')) return handleControl(state, url, req, res);

  state.countRequest(method, url.pathname);
  if (state.latencyMs > 0) await sleep(state.latencyMs);
  const fault = state.faults.take(url.pathname);
  if (fault)
    return answerWithFault(fault, url, req, res, (target) => route(state, url, req, target));
  return route(state, url, req, res);
}

async function route(
  state: FakeState,
  url: URL,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const method = req.method ?? 'GET';
  if (isCdnPath(url.pathname)) return handleImageCdn(url, req, res);
  switch (`${method} ${url.pathname}`) {
    case 'GET /authorize':
      return handleAuthorize(state, url, req, res);
    case 'GET /authorize/continue':
      return handleContinue(state, url, req, res);
    case 'POST /authorize/consent':
      return handleConsentPost(state, req, res);
    case 'POST /login':
      return handleLoginPost(state, req, res);
    case 'GET /logout':
      return handleLogout(state, url, req, res);
    case 'POST /api/token':
      return handleToken(state, req, res);
    case 'GET /':
      return redirect(res, '/__fake/users');
  }
  if (url.pathname === '/api/token') {
    return sendJson(res, 405, { error: 'invalid_request', error_description: 'Use POST' });
  }
  if (url.pathname.startsWith('/v1/')) return handleWebApi(state, url, req, res);
  sendWebApiError(res, 404, 'Service not found');
}
