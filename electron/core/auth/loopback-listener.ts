// The one-shot HTTP listener Spotify's login page redirects back to. Binds 127.0.0.1 only
// (Spotify refuses `localhost` redirect URIs, and nothing off this machine may reach it), serves
// exactly one callback whose `state` matches, answers it with a small page, and frees its port.
// Timeouts and cancellation belong to the login flow, which calls close() in every outcome.
import { timingSafeEqual } from 'node:crypto';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CALLBACK_PAGE_HEADERS, PAGES } from './callback-page.js';
import { LoginError } from './login-error.js';
import { callbackPath, loopbackHost, redirectPortRange, redirectUri } from './redirect-uri.js';

// How long close() lets answers already being written finish before cutting their sockets.
const CLOSE_GRACE_MS = 500;

export interface LoopbackListenerOptions {
  /** The `state` sent in the authorize URL; any other value is answered 400 and ignored. */
  readonly expectedState: string;
  /** 0 or absent = a port chosen by the OS. */
  readonly port?: number;
}

export interface LoopbackListener {
  readonly address: AddressInfo;
  readonly port: number;
  /** `http://127.0.0.1:<port>/callback`, to send byte-identical in the authorize and token requests. */
  readonly redirectUri: string;
  /**
   * Resolves with the authorization code of the one valid callback. Rejects with a LoginError:
   * `login_cancelled` (access_denied) or `login_failed` (any other `error=`).
   */
  readonly callback: Promise<string>;
  /** Stops listening and drops every connection; resolves once the port is free. Idempotent. */
  close(): Promise<void>;
}

function assertValidPort(port: unknown): asserts port is number {
  if (
    typeof port !== 'number' ||
    !Number.isInteger(port) ||
    port < 0 ||
    port > redirectPortRange.max
  ) {
    throw new LoginError(
      'invalid_port',
      `The sign-in port must be a whole number from 1 to ${redirectPortRange.max}, or 0 for a dynamic port.`,
    );
  }
}

function stateMatches(received: string, expected: string): boolean {
  const a = Buffer.from(received, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  // Constant-time comparison, so response timing says nothing about how much of a guess was right.
  return a.length === b.length && timingSafeEqual(a, b);
}

// Spotify's error values are short snake_case words; anything else is shown as a placeholder so a
// crafted value cannot smuggle text into the app's messages.
function safeErrorValue(value: string): string {
  return /^[A-Za-z0-9_.-]{1,64}$/.test(value) ? value : 'unrecognised_error';
}

// A request target URL cannot parse (`http://[`) must be answered, not thrown out of the handler.
function parseRequestTarget(target: string | undefined): URL | undefined {
  try {
    return new URL(target ?? '/', `http://${loopbackHost}`);
  } catch {
    return undefined;
  }
}

function send(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, CALLBACK_PAGE_HEADERS);
  res.end(res.req.method === 'HEAD' ? undefined : body);
}

export async function startLoopbackListener(
  options: LoopbackListenerOptions,
): Promise<LoopbackListener> {
  const requestedPort = options.port ?? 0;
  assertValidPort(requestedPort);

  let resolveCallback!: (code: string) => void;
  let rejectCallback!: (error: LoginError) => void;
  const callback = new Promise<string>((resolve, reject) => {
    resolveCallback = resolve;
    rejectCallback = reject;
  });
  // The flow may end (timeout, abort) without ever reading this promise.
  callback.catch(() => undefined);

  let answered = false;
  let inFlight = 0;
  let closing: Promise<void> | undefined;

  const server = createServer((req, res) => {
    inFlight += 1;
    res.on('close', () => {
      inFlight -= 1;
      if (closing !== undefined && inFlight === 0) server.closeAllConnections();
    });

    const url = parseRequestTarget(req.url);
    if (url === undefined || url.pathname !== callbackPath) return send(res, 404, PAGES.notFound);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      return send(res, 405, PAGES.notFound);
    }
    if (answered) return send(res, 410, PAGES.alreadyDone);

    const states = url.searchParams.getAll('state');
    const state = states.length === 1 ? states[0] : undefined;
    if (state === undefined || !stateMatches(state, options.expectedState)) {
      return send(res, 400, PAGES.badState);
    }

    const error = url.searchParams.get('error');
    if (error !== null) {
      answered = true;
      if (error === 'access_denied') {
        send(res, 200, PAGES.cancelled);
        void close();
        rejectCallback(
          new LoginError('login_cancelled', 'The sign-in was cancelled on the Spotify login page.'),
        );
      } else {
        const shown = safeErrorValue(error);
        send(res, 200, PAGES.failed(shown));
        void close();
        rejectCallback(
          new LoginError(
            'login_failed',
            `Spotify's login page answered with the error "${shown}".`,
          ),
        );
      }
      return;
    }

    const codes = url.searchParams.getAll('code');
    const code = codes.length === 1 ? codes[0] : undefined;
    if (code === undefined || code === '') return send(res, 400, PAGES.malformed);
    answered = true;
    send(res, 200, PAGES.signedIn);
    void close();
    resolveCallback(code);
  });

  // A failure after listening (rare: the OS closing the socket) must end the login, not the app.
  const onLateError = (err: Error) => {
    rejectCallback(
      new LoginError('login_failed', 'The sign-in listener stopped unexpectedly.', { cause: err }),
    );
  };

  await new Promise<void>((resolve, reject) => {
    const onListenError = (err: NodeJS.ErrnoException) => {
      if (err.code === 'EADDRINUSE') {
        reject(
          new LoginError(
            'login_port_in_use',
            `Port ${requestedPort} on ${loopbackHost} is already in use by another program. ` +
              'Pick another port in settings, or use the dynamic port (0).',
            { cause: err },
          ),
        );
      } else {
        reject(
          new LoginError(
            'login_failed',
            `Could not listen on ${loopbackHost}:${requestedPort} for the sign-in (${err.code ?? err.message}).`,
            { cause: err },
          ),
        );
      }
    };
    server.once('error', onListenError);
    server.listen({ host: loopbackHost, port: requestedPort, exclusive: true }, () => {
      server.off('error', onListenError);
      server.on('error', onLateError);
      resolve();
    });
  });

  const address = server.address() as AddressInfo;

  // Declared as a function so the request handler above can call it once the one callback is served.
  function close(): Promise<void> {
    closing ??= new Promise<void>((resolve) => {
      // Stops accepting at once (the port is free from here); resolves when the last socket is gone.
      server.close(() => resolve());
      server.closeIdleConnections();
      if (inFlight === 0) {
        server.closeAllConnections();
      } else {
        setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS).unref();
      }
    });
    return closing;
  }

  return {
    address,
    port: address.port,
    redirectUri: redirectUri(address.port),
    callback,
    close,
  };
}
