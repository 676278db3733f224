// The renderer's single window onto the main process's IPC contract: the view types that cross
// the bridge and the account colour palette. Every other renderer module imports from here, so
// the contract is reached through one audited path and no Node or Electron module can slip in.
// ESLint allows exactly these two files of the main process's code into the renderer: both are
// browser-safe (types only, and a plain constant table).

export type * from '../../electron/core/ipc/contract.js';
export {
  accountColourHex,
  accountColourNames,
  type AccountColour,
} from '../../electron/core/accounts/account-colours.js';
