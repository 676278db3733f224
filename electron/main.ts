// The Electron main process: app lifecycle and wiring. The accounts, login and Spotify logic live
// in electron/core (plain Node); the Electron-facing pieces in electron/shell.
import { app, BrowserWindow, clipboard, dialog, Menu, protocol, session, shell } from 'electron';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { openAppLog } from './core/logging/app-log.js';
import { diagnosticsText } from './core/logging/diagnostics.js';
import { SecretRedactor } from './core/logging/secret-redactor.js';
import { startAppServices, type AppServices } from './shell/app-services.js';
import { installCleanQuit } from './shell/clean-quit.js';
import { enforceContentSecurityPolicy } from './shell/content-security-policy.js';
import { demoSpotifyBundleUrl } from './shell/demo-spotify.js';
import { createDemoRelauncher } from './shell/demo-relaunch.js';
import { handleImageRequests, registerImageScheme } from './shell/image-protocol.js';
import { createMainWindow, type MainWindow } from './shell/main-window.js';
import { buildMenuTemplate } from './shell/menu.js';
import { quitCleanUp } from './shell/quit-clean-up.js';
import { dataDirFor, runModeOf, windowTitleFor } from './shell/run-mode.js';
import { denyAllPermissions } from './shell/window-security.js';
import { windowStateFile } from './shell/window-state.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const appPageUrl = pathToFileURL(path.join(here, '..', 'renderer', 'index.html')).toString();
const mode = runModeOf(process.argv, app.isPackaged);
const title = windowTitleFor(app.getName(), mode);

// Before the single-instance lock, which lives in userData: the demo and a development build each
// get their own data, Chromium profile and lock, so they can run next to the installed app.
app.setPath('userData', dataDirFor(app.getPath('userData'), mode));
const stateFile = windowStateFile(app.getPath('userData'));

// The log file lives with the data (so the demo and a development build keep their own), in
// the folder Help → Open Logs Folder shows. Every line goes through the redactor.
const redactor = new SecretRedactor();
const appLog = openAppLog({
  filePath: path.join(app.getPath('userData'), 'logs', 'main.log'),
  redactor,
  echo: mode.development,
});
appLog.info(
  `start: ${app.getName()} ${app.getVersion()}${mode.demo ? ' (demo)' : ''}, Electron ${process.versions.electron ?? '?'}, ${process.platform} ${os.release()} ${process.arch}`,
);

// Privileged schemes can only be declared before the app is ready.
registerImageScheme(protocol);

let mainWindow: MainWindow | null = null;
let quitting = false;
let services: AppServices | null = null;
const pendingWrites = new Set<Promise<void>>();

async function openMainWindow(): Promise<void> {
  mainWindow = await createMainWindow({
    appPageUrl,
    preloadScript: path.join(here, 'preload.cjs'),
    title,
    stateFile,
    onStateSaved: (saving) => {
      pendingWrites.add(saving);
      void saving.finally(() => pendingWrites.delete(saving));
    },
    onLoadFailed: (error) => {
      dialog.showErrorBox(
        title,
        `The app’s window could not be loaded (${appPageUrl}).\n\n${describe(error)}`,
      );
      // Through the clean quit, so logins are cancelled and writes finished.
      app.quit();
    },
  });
  mainWindow.window.on('closed', () => {
    mainWindow = null;
  });
}

async function start(): Promise<void> {
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      buildMenuTemplate({
        platform: process.platform,
        development: mode.development,
        appName: app.getName(),
        openExternal: (url) => shell.openExternal(url),
        openLogsFolder: () => void shell.openPath(path.dirname(appLog.filePath)),
        copyDiagnostics: () => {
          if (services === null) return;
          clipboard.writeText(
            diagnosticsText(services.core, {
              appVersion: app.getVersion(),
              versions: process.versions,
              os: { platform: process.platform, release: os.release(), arch: process.arch },
              logFile: appLog.filePath,
              now: Date.now(),
            }),
          );
        },
      }),
    ),
  );
  enforceContentSecurityPolicy(session.defaultSession);
  denyAllPermissions(session.defaultSession);
  services = await startAppServices({
    mode,
    dataDir: app.getPath('userData'),
    version: app.getVersion(),
    documentsDir: app.getPath('documents'),
    loginWindowTitle: `Sign in to Spotify${mode.demo ? ' — DEMO' : ''}`,
    appPageUrl,
    demoSpotifyUrl: demoSpotifyBundleUrl(here),
    mainWindow: () => mainWindow?.window ?? null,
    startDemo: createDemoRelauncher({ app, argv: process.argv, env: process.env }),
    log: appLog,
    redactor,
  });
  // The main window's session only: the login window's partition never shows the app's images.
  handleImageRequests(session.defaultSession.protocol, services.core.images, (message) =>
    appLog.warn(message),
  );
  await openMainWindow();
}

// A second launch focuses the running app instead of starting another copy.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.window.isMinimized()) mainWindow.window.restore();
    mainWindow.window.focus();
  });
  app.on('activate', () => {
    // A Dock click while quitting must not open a window onto services being stopped.
    if (services && !quitting && BrowserWindow.getAllWindows().length === 0) void openMainWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  // The window's state saved and the window closed, logins cancelled (their loopback ports freed)
  // and writes finished, all before the process ends.
  const cleanUp = quitCleanUp({
    mainWindow: () => mainWindow,
    services: () => services,
    pendingWrites: () => pendingWrites,
  });
  installCleanQuit(
    app,
    () => {
      quitting = true;
      appLog.info('quit: cleaning up');
      return cleanUp();
    },
    (message) => appLog.error(message),
  );
  void app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      appLog.error(
        `start failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
      dialog.showErrorBox(title, `The app could not start.\n\n${describe(error)}`);
      app.exit(1);
    });
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : 'Unknown error.';
}
