// The only bridge between the page and the main process. Sandboxed preloads must be CommonJS and
// cannot load local files, so this file is bundled with its imports into dist/electron/preload.cjs
// (vite.preload.config.ts). It exposes named functions only — never ipcRenderer.
// A CommonJS file under verbatimModuleSyntax must use this form of import.
// eslint-disable-next-line @typescript-eslint/no-require-imports
import electron = require('electron');
// eslint-disable-next-line @typescript-eslint/no-require-imports
import contract = require('./core/ipc/contract.js');
// eslint-disable-next-line @typescript-eslint/no-require-imports
import bridge = require('./shell/bridge-api.js');

electron.contextBridge.exposeInMainWorld(
  contract.bridgeGlobalName,
  bridge.createBridgeApi(electron.ipcRenderer),
);
