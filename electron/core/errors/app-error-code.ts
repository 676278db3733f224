// Every stable code an AppError the page can hear about may carry. Each domain keeps its own union
// beside its error class; this one gathers them for the IPC contract, so the renderer's sentences
// for codes are checked against what the core can really say. Type-only, so browser-safe.
import type { AccountErrorCode } from '../accounts/account-error.js';
import type { AppCoreErrorCode } from '../composition/app-core.js';
import type { LoginErrorCode } from '../auth/login-error.js';
import type { TokenErrorCode } from '../auth/token-endpoint-error.js';
import type { BackupErrorCode } from '../backups/backup-error.js';
import type { DemoErrorCode } from '../ipc/handlers/app-handlers.js';
import type { JobErrorCode } from '../jobs/job-error.js';
import type { ExportErrorCode } from '../library-files/export-error.js';
import type { ImportFileErrorCode } from '../library-files/import-file-error.js';
import type { LibraryErrorCode } from '../library/library-error.js';
import type { SettingsErrorCode } from '../settings/settings-store.js';
import type { SpotifyApiErrorCode } from '../spotify/spotify-api-errors.js';
import type { StorageErrorCode } from '../storage/versioned-json-file.js';
import type { KeychainErrorCode } from '../vault/keychain-error.js';
import type { TokenVaultErrorCode } from '../vault/vault-entry.js';

export type AppErrorCode =
  | AccountErrorCode
  | AppCoreErrorCode
  | BackupErrorCode
  | DemoErrorCode
  | ExportErrorCode
  | ImportFileErrorCode
  | JobErrorCode
  | KeychainErrorCode
  | LibraryErrorCode
  | LoginErrorCode
  | SettingsErrorCode
  | SpotifyApiErrorCode
  | StorageErrorCode
  | TokenErrorCode
  | TokenVaultErrorCode;
