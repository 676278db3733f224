// The only bridge between the page and the main process. Sandboxed preloads must be CommonJS,
// hence the .cts extension. It exposes named, read-only values and functions — never ipcRenderer.
// A CommonJS file under verbatimModuleSyntax must use this form of import.
// eslint-disable-next-line @typescript-eslint/no-require-imports
import electron = require('electron');

electron.contextBridge.exposeInMainWorld('spotifyAccounts', {
  platform: process.platform,
});
