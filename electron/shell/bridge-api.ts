// Builds the object the preload exposes to the page (`window.spotifyAccounts`): one named function
// per contract request, grouped by domain, `events.on` for contract events, and `images.baseUrl`
// (where the page loads pictures from: the app's image protocol). It only ever calls the two
// ipcRenderer methods it is given, on the app's own channels; the page never sees ipcRenderer nor
// an IpcRendererEvent. Bundled into the sandboxed preload (vite.preload.config.ts).
import { AppError } from '../core/errors/app-error.js';
import {
  eventChannels,
  requestChannels,
  splitChannel,
  type BridgeApi,
  type EventChannel,
} from '../core/ipc/contract.js';
import { imageBaseUrl } from './image-protocol.js';
import { ipcEventChannel, ipcRequestChannel } from './ipc-channels.js';

/** The part of Electron's ipcRenderer the bridge uses. */
export interface RendererIpc {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

export type BridgeErrorCode = 'ipc_unknown_event' | 'ipc_invalid_listener';

export function createBridgeApi(ipc: RendererIpc): BridgeApi {
  const domains: Record<string, Record<string, (...args: unknown[]) => Promise<unknown>>> = {};
  for (const channel of requestChannels) {
    const { domain, verb } = splitChannel(channel);
    const group = (domains[domain] ??= {});
    // Arguments go as one array so the router sees exactly what the page passed.
    group[verb] = (...args: unknown[]) => ipc.invoke(ipcRequestChannel, channel, args);
  }
  const on = (event: unknown, listener: unknown): (() => void) => {
    if (typeof event !== 'string' || !eventChannels.includes(event as EventChannel)) {
      throw new AppError<BridgeErrorCode>(
        'ipc_unknown_event',
        `There is no event called ${typeof event === 'string' ? `"${event.slice(0, 60)}"` : `a ${typeof event}`}.`,
      );
    }
    if (typeof listener !== 'function') {
      throw new AppError<BridgeErrorCode>('ipc_invalid_listener', 'events.on needs a function.');
    }
    const channel = ipcEventChannel(event as EventChannel);
    // The IpcRendererEvent stays here: it would give the page a handle on ipcRenderer's sender.
    const forward = (_event: unknown, payload: unknown) =>
      (listener as (p: unknown) => void)(payload);
    ipc.on(channel, forward);
    return () => {
      ipc.removeListener(channel, forward);
    };
  };
  const api = { ...domains, events: { on }, images: { baseUrl: imageBaseUrl } };
  // Built from the contract's channel list at run time, so its shape is only known to the type
  // system through BridgeApi; test/shell/bridge-api.test.ts checks the two agree.
  return api as unknown as BridgeApi;
}
