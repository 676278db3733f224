// The harness's stand-in for Electron's ipcMain: the IPC contract over a WebSocket on loopback.
// Every request goes through the same router (same argument validation, same `{code, message}`
// errors) as in the app, so only what the contract defines ever reaches the page — never a token.
// The upgrade is refused unless it comes from the harness's own origin (a page on any other site
// could otherwise drive the app: cross-site WebSocket hijacking) and carries this run's random
// capability token, which only the bridge script served by the harness knows.
//
// Messages, all JSON:
//   page → harness  {id, channel, args}            a contract request
//                   {channel: 'harness:login-closed', args: [loginRef]}   the login tab was closed
//   harness → page  {id, result}                   the request's IpcResult
//                   {event, payload}               a contract event, to every page
//                   {harness: 'open-login', loginRef, url} / {harness: 'close-login', loginRef}
import { AsyncLocalStorage } from 'node:async_hooks';
import { timingSafeEqual } from 'node:crypto';
import type http from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, WebSocket } from 'ws';
import type { IpcResult } from '../../electron/core/ipc/contract.js';
import type { IpcRouter } from '../../electron/core/ipc/ipc-router.js';

export const ipcPath = '/harness/ipc';
export const loginClosedChannel = 'harness:login-closed';

export type HarnessMessage =
  | { readonly harness: 'open-login'; readonly loginRef: string; readonly url: string }
  | { readonly harness: 'close-login'; readonly loginRef: string };

export interface IpcSocketOptions {
  readonly server: http.Server;
  /** The only Origin accepted, e.g. http://127.0.0.1:41234 (known once the server listens). */
  readonly origin: () => string;
  readonly token: string;
  readonly router: IpcRouter;
  readonly onLoginClosed: (loginRef: string) => void;
  readonly log: (line: string) => void;
}

export interface IpcSocket {
  /** Sends to every connected page. */
  broadcast(message: object): void;
  /** Sends to the page whose request is being handled, else to every page; false if none. */
  sendToRequester(message: HarnessMessage): boolean;
  readonly clientCount: number;
  close(): Promise<void>;
}

const maxMessageBytes = 256 * 1024;

export function attachIpcSocket(options: IpcSocketOptions): IpcSocket {
  const { server, router, log } = options;
  const wss = new WebSocketServer({ noServer: true, maxPayload: maxMessageBytes });
  // Which page's request is running, so a login tab opens in the page that asked for it.
  const requester = new AsyncLocalStorage<WebSocket>();

  const onUpgrade = (req: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname !== ipcPath) return refuse(socket, 404, 'Not Found');
    if (req.headers.origin !== options.origin()) {
      log(`refused a WebSocket from origin ${JSON.stringify(req.headers.origin ?? null)}`);
      return refuse(socket, 403, 'Forbidden');
    }
    if (!sameSecret(url.searchParams.get('token'), options.token)) {
      log('refused a WebSocket without the harness token');
      return refuse(socket, 403, 'Forbidden');
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      ws.on('message', (data, isBinary) => {
        if (isBinary) return reply(ws, null, badMessage('Send JSON text messages.'));
        void onMessage(ws, data.toString());
      });
    });
  };
  server.on('upgrade', onUpgrade);

  async function onMessage(ws: WebSocket, text: string): Promise<void> {
    let message: unknown;
    try {
      message = JSON.parse(text);
    } catch {
      return reply(ws, null, badMessage('The message is not JSON.'));
    }
    if (typeof message !== 'object' || message === null) {
      return reply(ws, null, badMessage('The message must be an object.'));
    }
    const { id, channel, args } = message as { id?: unknown; channel?: unknown; args?: unknown };
    const requestId = typeof id === 'number' || typeof id === 'string' ? id : null;
    if (channel === loginClosedChannel) {
      const ref = Array.isArray(args) ? args[0] : undefined;
      if (typeof ref === 'string') options.onLoginClosed(ref);
      return;
    }
    const result = await requester.run(ws, () => router.handle(channel, args));
    reply(ws, requestId, result);
  }

  function send(ws: WebSocket, message: object): void {
    if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(message));
  }

  function reply(ws: WebSocket, id: number | string | null, result: object): void {
    send(ws, { id, result });
  }

  return {
    broadcast(message) {
      for (const ws of wss.clients) send(ws, message);
    },
    sendToRequester(message) {
      const ws = requester.getStore();
      if (ws && ws.readyState === WebSocket.OPEN) {
        send(ws, message);
        return true;
      }
      for (const client of wss.clients) send(client, message);
      return wss.clients.size > 0;
    },
    get clientCount() {
      return wss.clients.size;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.off('upgrade', onUpgrade);
        for (const ws of wss.clients) ws.terminate();
        wss.close(() => resolve());
      }),
  };
}

function badMessage(message: string): IpcResult<never> {
  return { ok: false, error: { code: 'harness_bad_message', message } };
}

function refuse(socket: Duplex, status: number, text: string): void {
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

function sameSecret(given: string | null, expected: string): boolean {
  if (given === null) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
