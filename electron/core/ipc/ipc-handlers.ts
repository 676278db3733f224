// Every request handler of the IPC contract, implemented on the AppCore, one module per domain
// under handlers/. Used unchanged by the Electron shell and the browser harness.
import type { AppCore } from '../composition/app-core.js';
import type { EmitEvent } from './core-events.js';
import { accountHandlers } from './handlers/account-handlers.js';
import { appHandlers, type AppHandlersOptions } from './handlers/app-handlers.js';
import { backupHandlers } from './handlers/backup-handlers.js';
import { fileHandlers, type FileHost } from './handlers/file-handlers.js';
import { jobHandlers } from './handlers/job-handlers.js';
import { libraryHandlers } from './handlers/library-handlers.js';
import { profileHandlers } from './handlers/profile-handlers.js';
import { settingsHandlers } from './handlers/settings-handlers.js';
import type { IpcHandlers } from './ipc-router.js';

export interface IpcHandlersOptions extends AppHandlersOptions {
  /** Sends an event to the renderer(s): a sign-in's progress. */
  readonly emit: EmitEvent;
  /** Save and open dialogs (Electron), or downloads and uploads (the browser harness). */
  readonly files: FileHost;
}

export function createIpcHandlers(core: AppCore, options: IpcHandlersOptions): IpcHandlers {
  return {
    ...appHandlers(core, options),
    ...settingsHandlers(core),
    ...accountHandlers(core, options.emit),
    ...profileHandlers(core),
    ...libraryHandlers(core),
    ...jobHandlers(core),
    ...fileHandlers(core, options.files),
    ...backupHandlers(core, options.files),
  };
}
