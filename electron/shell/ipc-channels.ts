// The Electron IPC channel names under the contract, shared by the main-side bridge and the
// preload. Every request travels on one channel as `(contractChannel, args)`, exactly as the
// browser harness sends `{channel, args}` over its WebSocket, so the core's router alone decides
// what a channel means (unknown names, bad arguments) for both transports.
import type { EventChannel } from '../core/ipc/contract.js';

/** The one ipcMain.handle channel: `invoke(ipcRequestChannel, contractChannel, args)`. */
export const ipcRequestChannel = 'ipc:request';

/** The webContents.send channel that carries one contract event to the page. */
export function ipcEventChannel(event: EventChannel): string {
  return `event:${event}`;
}
