// The application menu: the usual roles (so copy/paste and zoom work), reload and developer tools
// only in development, and Help: a link to Spotify's developer dashboard (a fixed, trusted URL),
// the logs folder and a copy of the diagnostics, for support.
import type { MenuItemConstructorOptions } from 'electron';
import { spotifyDashboardUrl } from './external-links.js';

export interface MenuOptions {
  readonly platform: NodeJS.Platform;
  readonly development: boolean;
  readonly appName: string;
  readonly openExternal: (url: string) => Promise<void>;
  /** Opens the folder of the log file in the file manager. */
  readonly openLogsFolder: () => void;
  /** Copies the diagnostics text to the clipboard. */
  readonly copyDiagnostics: () => void;
}

export function buildMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const mac = options.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [];
  if (mac) {
    template.push({
      label: options.appName,
      submenu: [
        { role: 'about' },
        { type: 'separator' },
        { role: 'services' },
        { type: 'separator' },
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        { type: 'separator' },
        { role: 'quit' },
      ],
    });
  }
  template.push(
    { label: 'File', submenu: [mac ? { role: 'close' } : { role: 'quit' }] },
    {
      label: 'Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    {
      label: 'View',
      submenu: [
        ...(options.development
          ? ([
              { role: 'reload' },
              { role: 'forceReload' },
              { role: 'toggleDevTools' },
              { type: 'separator' },
            ] satisfies MenuItemConstructorOptions[])
          : []),
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    {
      label: 'Window',
      submenu: mac
        ? [{ role: 'minimize' }, { role: 'zoom' }, { type: 'separator' }, { role: 'front' }]
        : [{ role: 'minimize' }, { role: 'close' }],
    },
    {
      role: 'help',
      submenu: [
        {
          label: 'Spotify Developer Dashboard',
          click: () => void options.openExternal(spotifyDashboardUrl).catch(() => undefined),
        },
        { type: 'separator' },
        { label: 'Open Logs Folder', click: () => options.openLogsFolder() },
        { label: 'Copy Diagnostics', click: () => options.copyDiagnostics() },
      ],
    },
  );
  return template;
}
