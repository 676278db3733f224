// The harness's stand-in for the Electron preload, loaded by the harness's index.html before the
// app bundle. Defines `window.spotifyAccounts` with the contract's BridgeApi shape — one function
// per request channel grouped by domain, resolving to an IpcResult, plus `events.on` — and carries
// it over a WebSocket to the harness server. Requests made before the socket is open wait for it;
// a lost connection resolves the requests in flight as `harness_disconnected` and reconnects with
// backoff. It also opens the login pages the core asks for, in a new tab, and tells the harness
// when such a tab is closed, since the server cannot see that.
//
// The server fills in the config below (this run's capability token and the contract's channel
// names), so this file never goes out of step with electron/core/ipc/contract.ts.
/* global window, document, location */
(function harnessBridge() {
  'use strict';
  const config = /* HARNESS_CONFIG */ null;
  if (config === null) throw new Error('bridge.js must be served by the harness server.');

  const root = document.documentElement;
  const pending = new Map(); // request id → resolve
  const queue = []; // serialised requests waiting for an open socket
  const listeners = new Map(); // event name → Set of listeners
  const logins = new Map(); // loginRef → { popup, timer, overlay }
  let socket = null;
  let nextId = 1;
  let retryMs = 200;

  function setState(state) {
    root.dataset.harness = state;
  }

  function connect() {
    const scheme = location.protocol === 'https:' ? 'wss://' : 'ws://';
    const url =
      scheme + location.host + config.ipcPath + '?token=' + encodeURIComponent(config.token);
    const ws = new WebSocket(url);
    socket = ws;
    setState('connecting');
    ws.addEventListener('open', () => {
      retryMs = 200;
      setState('connected');
      while (queue.length > 0 && ws.readyState === WebSocket.OPEN) ws.send(queue.shift());
    });
    ws.addEventListener('message', (event) => onMessage(event.data));
    ws.addEventListener('close', () => {
      if (socket === ws) socket = null;
      setState('disconnected');
      for (const [id, resolve] of pending) {
        pending.delete(id);
        resolve({
          ok: false,
          error: {
            code: 'harness_disconnected',
            message: 'The connection to the app was lost. Try again in a moment.',
          },
        });
      }
      setTimeout(connect, retryMs);
      retryMs = Math.min(retryMs * 2, 5000);
    });
  }

  function send(text) {
    if (socket !== null && socket.readyState === WebSocket.OPEN) socket.send(text);
    else queue.push(text);
  }

  function request(channel, args) {
    // The app's native open dialog, the browser's way: the picker opens in the click that asked,
    // and the file goes to the harness, which answers this request with it.
    if (channel === 'imports:choose') pickImportFile();
    const id = nextId++;
    let text;
    try {
      text = JSON.stringify({ id, channel, args });
    } catch {
      return Promise.resolve({
        ok: false,
        error: {
          code: 'ipc_invalid_arguments',
          message: channel + ' got arguments it cannot send.',
        },
      });
    }
    return new Promise((resolve) => {
      pending.set(id, resolve);
      send(text);
    });
  }

  function pickImportFile() {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = '.csv,.json,text/csv,application/json';
    const upload = (query, body) =>
      fetch(config.uploadPath + '?token=' + encodeURIComponent(config.token) + query, {
        method: 'POST',
        body,
      }).catch(() => {});
    input.addEventListener('change', () => {
      const file = input.files && input.files[0];
      if (file) upload('&name=' + encodeURIComponent(file.name), file);
      else upload('&cancel=1');
    });
    input.addEventListener('cancel', () => upload('&cancel=1'));
    input.click();
  }

  function onMessage(text) {
    let message;
    try {
      message = JSON.parse(text);
    } catch {
      return;
    }
    if (message.harness === 'open-login') return openLogin(message.loginRef, message.url);
    if (message.harness === 'close-login') return endLogin(message.loginRef, true);
    if (typeof message.event === 'string') {
      for (const listener of listeners.get(message.event) ?? []) {
        try {
          listener(message.payload);
        } catch (error) {
          setTimeout(() => {
            throw error;
          });
        }
      }
      return;
    }
    const resolve = pending.get(message.id);
    if (resolve) {
      pending.delete(message.id);
      resolve(message.result);
    }
  }

  // ---- Login tabs ------------------------------------------------------------------------------

  function openLogin(loginRef, url) {
    const popup = window.open(url, '_blank');
    if (popup) return watchLogin(loginRef, popup);
    // A popup not started by a click can be blocked: let the person open it with one.
    showOverlay(loginRef, url);
  }

  function watchLogin(loginRef, popup) {
    const login = logins.get(loginRef) ?? {};
    login.popup = popup;
    login.timer = setInterval(() => {
      if (!popup.closed) return;
      endLogin(loginRef, false);
      send(JSON.stringify({ channel: config.loginClosedChannel, args: [loginRef] }));
    }, 250);
    logins.set(loginRef, login);
  }

  // closeTab: the login is over on the app's side, so its tab goes away as the login window would.
  function endLogin(loginRef, closeTab) {
    const login = logins.get(loginRef);
    if (!login) return;
    logins.delete(loginRef);
    if (login.timer !== undefined) clearInterval(login.timer);
    if (login.overlay) login.overlay.remove();
    if (closeTab && login.popup && !login.popup.closed) login.popup.close();
  }

  function showOverlay(loginRef, url) {
    const overlay = document.createElement('div');
    overlay.setAttribute('role', 'dialog');
    overlay.setAttribute('aria-label', 'Spotify sign-in (harness)');
    overlay.dataset.harnessOverlay = loginRef;
    // Styles through the CSSOM: the app's CSP forbids inline style attributes.
    Object.assign(overlay.style, {
      position: 'fixed',
      right: '16px',
      bottom: '16px',
      zIndex: '2147483647',
      background: '#fff',
      color: '#000',
      padding: '16px',
      border: '2px solid #000',
      borderRadius: '8px',
      font: '16px system-ui, sans-serif',
    });
    const text = document.createElement('p');
    text.textContent = 'The browser blocked the Spotify login tab.';
    const open = document.createElement('button');
    open.type = 'button';
    open.textContent = 'Open the Spotify login page';
    open.addEventListener('click', () => {
      const popup = window.open(url, '_blank');
      if (!popup) return;
      overlay.remove();
      const login = logins.get(loginRef);
      if (login) login.overlay = undefined;
      watchLogin(loginRef, popup);
    });
    const cancel = document.createElement('button');
    cancel.type = 'button';
    cancel.textContent = 'Cancel sign-in';
    cancel.addEventListener('click', () => {
      endLogin(loginRef, false);
      send(JSON.stringify({ channel: config.loginClosedChannel, args: [loginRef] }));
    });
    overlay.append(text, open, ' ', cancel);
    logins.set(loginRef, { overlay });
    document.body.append(overlay);
  }

  // ---- The BridgeApi ---------------------------------------------------------------------------

  const api = {
    // Pictures come from the harness's image route, which the core's image cache answers, as the
    // app's image protocol does in Electron.
    images: Object.freeze({ baseUrl: location.origin + config.imagePath }),
    events: Object.freeze({
      on(event, listener) {
        if (!config.eventChannels.includes(event)) throw new TypeError('Unknown event ' + event);
        if (typeof listener !== 'function') throw new TypeError('The listener must be a function.');
        const set = listeners.get(event) ?? new Set();
        set.add(listener);
        listeners.set(event, set);
        return () => {
          set.delete(listener);
        };
      },
    }),
  };
  for (const channel of config.requestChannels) {
    const [domain, verb] = channel.split(':');
    api[domain] = api[domain] ?? {};
    api[domain][verb] = (...args) => request(channel, args);
  }
  for (const key of Object.keys(api)) Object.freeze(api[key]);
  Object.defineProperty(window, config.globalName, { value: Object.freeze(api), enumerable: true });

  connect();
})();
