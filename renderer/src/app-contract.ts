// The renderer's single window onto the main process's code: the IPC contract (the view types
// that cross the bridge and the bridge's own constants), the account colour palette, and the
// rules of the settings the setup screen explains. Every other renderer module imports from here,
// so the main process is reached through one audited path and no Node or Electron module can slip
// in. ESLint allows exactly these files of the main process's code into the renderer, all of them
// browser-safe: types, and constants or small functions with no imports.

export * from '../../electron/core/ipc/contract.js';
export {
  accountColourHex,
  accountColourNames,
  type AccountColour,
} from '../../electron/core/accounts/account-colours.js';
export {
  clientIdLength,
  defaultLibrarySyncMaxAgeMinutes,
  normaliseClientId,
  strayClientIdCharacter,
} from '../../electron/core/settings/setting-rules.js';
export {
  isRedirectPort,
  redirectPortRange,
  redirectUri,
} from '../../electron/core/auth/redirect-uri.js';
