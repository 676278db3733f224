import { describe, expect, it, vi } from 'vitest';
import { eventChannels, requestChannels, splitChannel } from '../../electron/core/ipc/contract.js';
import { createBridgeApi, type RendererIpc } from '../../electron/shell/bridge-api.js';
import { imageBaseUrl } from '../../electron/shell/image-protocol.js';

vi.mock('electron', () => ({}));

function fakeIpc() {
  const invoked: unknown[][] = [];
  const listeners = new Map<string, Set<(event: unknown, ...args: unknown[]) => void>>();
  const ipc: RendererIpc = {
    invoke: async (...args) => {
      invoked.push(args);
      return { ok: true, value: null };
    },
    on: (channel, listener) => {
      const set = listeners.get(channel) ?? new Set();
      set.add(listener);
      listeners.set(channel, set);
    },
    removeListener: (channel, listener) => listeners.get(channel)?.delete(listener),
  };
  const fire = (channel: string, ...args: unknown[]) => {
    for (const listener of listeners.get(channel) ?? []) listener({ sender: 'ipc-event' }, ...args);
  };
  return { ipc, invoked, listeners, fire };
}

describe('bridge api (preload side)', () => {
  it('has exactly one function per contract request channel, grouped by domain', () => {
    const api = createBridgeApi(fakeIpc().ipc) as unknown as Record<
      string,
      Record<string, unknown>
    >;
    const functions = Object.entries(api)
      .filter(([domain]) => domain !== 'events' && domain !== 'images')
      .flatMap(([domain, group]) => Object.keys(group).map((verb) => `${domain}:${verb}`));
    expect(functions.sort()).toEqual([...requestChannels].sort());
    for (const channel of requestChannels) {
      const { domain, verb } = splitChannel(channel);
      expect(typeof api[domain]?.[verb]).toBe('function');
    }
  });

  it('tells the page to load pictures through the app image protocol', () => {
    const api = createBridgeApi(fakeIpc().ipc);
    expect(api.images).toEqual({ baseUrl: 'app-image://image/' });
    expect(api.images.baseUrl).toBe(imageBaseUrl);
  });

  it('sends the contract channel and the arguments as one list on the request channel', async () => {
    const { ipc, invoked } = fakeIpc();
    const api = createBridgeApi(ipc);
    await api.accounts.rename('acc-1', 'Work');
    await api.library.tracks('acc-1', { offset: 50, limit: 50 });
    expect(invoked).toEqual([
      ['ipc:request', 'accounts:rename', ['acc-1', 'Work']],
      ['ipc:request', 'library:tracks', ['acc-1', { offset: 50, limit: 50 }]],
    ]);
  });

  it('delivers event payloads without the IpcRendererEvent, until unsubscribed', () => {
    const { ipc, fire, listeners } = fakeIpc();
    const api = createBridgeApi(ipc);
    const received: unknown[][] = [];
    const stop = api.events.on('scheduler:state', (...args: unknown[]) => received.push(args));
    fire('event:scheduler:state', { kind: 'busy' });
    stop();
    fire('event:scheduler:state', { kind: 'idle' });
    expect(received).toEqual([[{ kind: 'busy' }]]);
    expect(listeners.get('event:scheduler:state')?.size).toBe(0);
  });

  it('subscribes to every contract event', () => {
    const api = createBridgeApi(fakeIpc().ipc);
    for (const event of eventChannels)
      expect(typeof api.events.on(event, () => {})).toBe('function');
  });

  it('refuses unknown events and non-function listeners with typed errors', () => {
    const { ipc, listeners } = fakeIpc();
    const api = createBridgeApi(ipc);
    const on = api.events.on as (event: unknown, listener: unknown) => () => void;
    expect(() => on('ipc:request', () => {})).toThrow(
      expect.objectContaining({ code: 'ipc_unknown_event' }),
    );
    expect(() => on(42, () => {})).toThrow(expect.objectContaining({ code: 'ipc_unknown_event' }));
    expect(() => on('accounts:changed', 'not a function')).toThrow(
      expect.objectContaining({ code: 'ipc_invalid_listener' }),
    );
    expect(listeners.size).toBe(0);
  });
});
