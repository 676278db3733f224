// "Copy diagnostics": what support needs to know about this install, as plain text to paste into
// a message — the app's and its runtime's versions, the OS, the keychain's backend and state,
// each account's status and how old its cache is, the request scheduler's state and where the
// log file is. Accounts are named by the app's ids, never by a person's name; no token, code or
// header is ever part of it.
import type { AppCore } from '../composition/app-core.js';

export interface DiagnosticsContext {
  readonly appVersion: string;
  /** e.g. `{ electron: '45.5.0', chrome: '…', node: '24.…' }` (process.versions). */
  readonly versions: Readonly<Record<string, string | undefined>>;
  readonly os: { readonly platform: string; readonly release: string; readonly arch: string };
  readonly logFile: string | null;
  readonly now: number;
}

const keychainBackends: Readonly<Record<string, string>> = {
  darwin: 'macOS Keychain',
  win32: 'Windows Credential Manager',
  linux: 'Secret Service (libsecret)',
};

export function diagnosticsText(core: AppCore, context: DiagnosticsContext): string {
  const { versions, os } = context;
  const vault = core.vault.status;
  const scheduler = core.scheduler.state;
  const lines = [
    `Multi Account for Spotify ${context.appVersion}`,
    `Electron ${versions['electron'] ?? '–'}, Chromium ${versions['chrome'] ?? '–'}, Node ${versions['node'] ?? '–'}`,
    `OS: ${os.platform} ${os.release} (${os.arch})`,
    `Keychain: ${keychainBackends[os.platform] ?? os.platform}, ${
      vault.state === 'available' ? 'available' : `unavailable (${vault.reason})`
    }`,
    `Requests: ${scheduler.kind}${'until' in scheduler ? ` until ${new Date(scheduler.until).toISOString()}` : ''}`,
    `Log file: ${context.logFile ?? 'none'}`,
    `Accounts: ${core.registry.list().length}`,
    ...core.registry.list().map((account) => {
      const synced =
        account.lastSyncedAt === null
          ? 'never synced'
          : `synced ${ageText(context.now - account.lastSyncedAt)} ago`;
      const expiry =
        account.signInExpiresInDays === null
          ? ''
          : `, sign-in expires in ${account.signInExpiresInDays} days`;
      return `- ${account.id}: ${account.status}, ${synced}${expiry}`;
    }),
  ];
  return `${lines.join('\n')}\n`;
}

function ageText(ms: number): string {
  const minutes = Math.max(0, Math.round(ms / 60_000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} h`;
  return `${Math.round(hours / 24)} days`;
}
