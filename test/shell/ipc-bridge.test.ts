import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import type { IpcHandlers } from '../../electron/core/ipc/ipc-router.js';
import { createIpcRouter } from '../../electron/core/ipc/ipc-router.js';
import { registerIpcBridge } from '../../electron/shell/ipc-bridge.js';

vi.mock('electron', () => ({}));

const appPageUrl = 'file:///opt/app/dist/renderer/index.html';

type Handler = (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>;

function fakeContents() {
  const sent: [string, unknown][] = [];
  const contents = {
    isDestroyed: () => false,
    send: (channel: string, payload: unknown) => sent.push([channel, payload]),
  };
  return { contents: contents as unknown as WebContents, sent };
}

function setUp() {
  const handlers = new Map<string, Handler>();
  const ipcMain = {
    handle: (channel: string, handler: Handler) => handlers.set(channel, handler),
    removeHandler: (channel: string) => handlers.delete(channel),
  };
  const main = fakeContents();
  const other = fakeContents();
  const calls: string[] = [];
  const router = createIpcRouter({
    'settings:get': async () => {
      calls.push('settings:get');
      return { clientId: null, redirectPort: null, loginMode: 'window' };
    },
  } as unknown as IpcHandlers);
  const bridge = registerIpcBridge({
    ipcMain: ipcMain as never,
    router,
    mainContents: () => main.contents,
    appPageUrl,
  });
  const invoke = (sender: WebContents, url: string, parent: unknown, ...args: unknown[]) => {
    const handler = [...handlers.values()][0];
    if (!handler) throw new Error('no handler registered');
    const event = { sender, senderFrame: { url, parent } } as unknown as IpcMainInvokeEvent;
    return handler(event, ...args);
  };
  return { handlers, main, other, calls, bridge, invoke };
}

describe('ipc bridge (main side)', () => {
  it('registers a single request channel and removes it on dispose', () => {
    const { handlers, bridge } = setUp();
    expect([...handlers.keys()]).toEqual(['ipc:request']);
    bridge.dispose();
    expect(handlers.size).toBe(0);
  });

  it('runs the handler for the main window on the app page (a #fragment is fine)', async () => {
    const { main, calls, invoke } = setUp();
    const result = await invoke(main.contents, `${appPageUrl}#/accounts`, null, 'settings:get', []);
    expect(result).toEqual({
      ok: true,
      value: { clientId: null, redirectPort: null, loginMode: 'window' },
    });
    expect(calls).toEqual(['settings:get']);
  });

  it.each([
    ['another window', 'other', appPageUrl, null],
    ['a page elsewhere in the main window', 'main', 'https://evil.example/index.html', null],
    ['another local file', 'main', 'file:///tmp/index.html', null],
    ['an iframe of the app page', 'main', appPageUrl, { url: appPageUrl }],
  ] as const)('refuses %s without running the handler', async (_name, who, url, parent) => {
    const { main, other, calls, invoke } = setUp();
    const sender = who === 'main' ? main.contents : other.contents;
    const result = await invoke(sender, url, parent, 'settings:get', []);
    expect(result).toMatchObject({ ok: false, error: { code: 'ipc_untrusted_sender' } });
    expect(calls).toEqual([]);
  });

  it('refuses a sender whose frame is gone', async () => {
    const { handlers, main, calls } = setUp();
    const handler = handlers.get('ipc:request');
    const event = { sender: main.contents, senderFrame: null } as unknown as IpcMainInvokeEvent;
    const result = await handler?.(event, 'settings:get', []);
    expect(result).toMatchObject({ ok: false, error: { code: 'ipc_untrusted_sender' } });
    expect(calls).toEqual([]);
  });

  it('passes an unknown channel to the router, which answers with its own error', async () => {
    const { main, invoke } = setUp();
    const result = await invoke(main.contents, appPageUrl, null, 'tokens:steal', []);
    expect(result).toMatchObject({ ok: false, error: { code: 'ipc_unknown_channel' } });
  });

  it('sends events to the main window only', () => {
    const { main, other, bridge } = setUp();
    bridge.emit('scheduler:state', { kind: 'busy' });
    expect(main.sent).toEqual([['event:scheduler:state', { kind: 'busy' }]]);
    expect(other.sent).toEqual([]);
  });
});
