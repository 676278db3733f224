// The main-process end of IPC: one ipcMain.handle channel that hands `(channel, args)` to the
// core's router, after checking that the request comes from the main window's own top frame
// showing the app's page; and `emit`, which sends contract events to that window only.
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import type { EventChannel, EventPayloads, IpcResult } from '../core/ipc/contract.js';
import type { IpcRouter } from '../core/ipc/ipc-router.js';
import { ipcEventChannel, ipcRequestChannel } from './ipc-channels.js';

export interface IpcBridgeOptions {
  readonly ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>;
  readonly router: IpcRouter;
  /** The main window's webContents, or null while there is no main window. */
  readonly mainContents: () => WebContents | null;
  /** The app page's URL (file:// URL of dist/renderer/index.html). */
  readonly appPageUrl: string;
}

export interface IpcBridge {
  emit<E extends EventChannel>(event: E, payload: EventPayloads[E]): void;
  /** Removes the handler (at quit). */
  dispose(): void;
}

export function registerIpcBridge(options: IpcBridgeOptions): IpcBridge {
  const { ipcMain, router, mainContents, appPageUrl } = options;
  ipcMain.handle(
    ipcRequestChannel,
    async (
      event: IpcMainInvokeEvent,
      channel: unknown,
      args: unknown,
    ): Promise<IpcResult<unknown>> => {
      if (!isTrustedSender(event, mainContents(), appPageUrl)) {
        return {
          ok: false,
          error: {
            code: 'ipc_untrusted_sender',
            message: 'Requests are only accepted from the app’s own window.',
          },
        };
      }
      return router.handle(channel, args);
    },
  );
  return {
    emit(event, payload) {
      const contents = mainContents();
      if (contents && !contents.isDestroyed()) contents.send(ipcEventChannel(event), payload);
    },
    dispose() {
      ipcMain.removeHandler(ipcRequestChannel);
    },
  };
}

/**
 * Only the main window's top frame on the app page may call: not an iframe, not a page the window
 * was somehow navigated to, not another window (the login windows have no preload, but a check
 * costs nothing).
 */
export function isTrustedSender(
  event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>,
  mainContents: WebContents | null,
  appPageUrl: string,
): boolean {
  if (mainContents === null || event.sender !== mainContents) return false;
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  return samePage(frame.url, appPageUrl);
}

// The page may use a #fragment for its own routing; the document itself must be the app's.
function samePage(url: string, appPageUrl: string): boolean {
  try {
    const a = new URL(url);
    const b = new URL(appPageUrl);
    return (
      a.protocol === b.protocol &&
      a.host === b.host &&
      a.pathname === b.pathname &&
      a.search === b.search
    );
  } catch {
    return false;
  }
}
