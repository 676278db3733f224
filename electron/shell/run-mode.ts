// How this run of the app is set up: the real app, a development build, or the demo (`--demo`),
// and what follows from it — where data lives and which keychain service holds the tokens, so a
// development build or the demo never reads or changes a user's real sign-ins.
import path from 'node:path';
import type { KeychainMode } from '../core/vault/keychain-service-name.js';

export interface RunMode {
  readonly demo: boolean;
  /** Not packaged: reload and developer tools in the menu. */
  readonly development: boolean;
  readonly keychainMode: KeychainMode;
}

export const demoFlag = '--demo';

export function runModeOf(argv: readonly string[], isPackaged: boolean): RunMode {
  const demo = argv.includes(demoFlag);
  return {
    demo,
    development: !isPackaged,
    keychainMode: demo ? 'demo' : isPackaged ? 'packaged' : 'development',
  };
}

/**
 * The demo keeps its settings, accounts and caches apart from the real ones, and so does a
 * development build (`npm start`): the single-instance lock lives in this folder too, so sharing it
 * would make `npm start` quit while the installed app runs, or else work on the user's real
 * accounts and caches. The development folder is a sibling with a "-dev" suffix, as many Electron
 * apps do, rather than a folder inside the real one: nothing that cleans, backs up or uninstalls
 * the installed app's folder then touches it, and it reads as the same app's at a glance.
 */
export function dataDirFor(userDataDir: string, mode: RunMode): string {
  const base = mode.development ? `${userDataDir}${developmentSuffix}` : userDataDir;
  return mode.demo ? path.join(base, 'demo') : base;
}

export const developmentSuffix = '-dev';

export function windowTitleFor(appName: string, mode: RunMode): string {
  return mode.demo ? `${appName} — DEMO` : appName;
}
