// The renderer's single window onto the main process's IPC contract: the view types that cross
// the bridge and the account colour palette. Every other renderer module imports from here, so
// the contract is reached through one audited path and no Node or Electron module can slip in.
// ESLint allows exactly these files of the main process's code into the renderer: all are
// browser-safe (types only, a plain constant table, and the pure rule for applying library changes).

export type * from '../../electron/core/ipc/contract.js';
export {
  applyLibraryStep,
  libraryItemKey,
  type LibraryChanges,
  type LibraryStep,
} from '../../electron/core/ipc/library-changes.js';
export {
  accountColourHex,
  accountColourNames,
  type AccountColour,
} from '../../electron/core/accounts/account-colours.js';
