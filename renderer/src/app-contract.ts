// The renderer's single window onto the main process's code: the IPC contract (the view types
// that cross the bridge and the bridge's own constants), the account colour palette, the rules
// of the settings the setup screen explains, the rule for applying library changes, the
// encoding of a job's selection and the number of backups kept. Every
// other renderer module imports from here, so the main process is reached through one audited
// path and no Node or Electron module can slip in. ESLint allows exactly these files of the main
// process's code into the renderer, all of them browser-safe: types, and constants or pure
// functions with no Node or Electron imports.

export * from '../../electron/core/ipc/contract.js';
export {
  applyLibraryStep,
  libraryItemKey,
  type LibraryChanges,
  type LibraryStep,
} from '../../electron/core/ipc/library-views.js';
export { encodePositions } from '../../electron/core/ipc/job-views.js';
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
export { maxBackupKeep, minBackupKeep } from '../../electron/core/backups/backup-limits.js';
export {
  isRedirectPort,
  redirectPortRange,
  redirectUri,
} from '../../electron/core/auth/redirect-uri.js';
