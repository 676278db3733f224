// Why the keychain could not be used, as a typed error the UI can explain. keytar only reports
// strings, so the messages it is known to produce (recorded against gnome-keyring in test/keychain) are
// classified here, in one place; anything unrecognised is `unknown`, never a crash.
import { AppError } from '../errors/app-error.js';

export type KeychainFailureReason =
  'no_dbus_session' | 'no_secret_service' | 'not_unlocked' | 'locked' | 'unknown';

export type KeychainErrorCode =
  'keychain_unavailable' | 'keychain_locked' | 'keychain_entry_corrupt';

export class KeychainError extends AppError<KeychainErrorCode> {
  readonly reason: KeychainFailureReason | 'entry_corrupt';

  constructor(
    code: KeychainErrorCode,
    reason: KeychainFailureReason | 'entry_corrupt',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(code, message, options);
    this.reason = reason;
  }
}

const sessionOnly = 'accounts stay signed in for this session only.';

const messages: Record<KeychainFailureReason, string> = {
  no_dbus_session: `No desktop session (D-Bus) was found, so the system keychain cannot be reached — ${sessionOnly}`,
  no_secret_service: `No system keychain service is running (for example GNOME Keyring or KWallet) — install or start one and restart the app; ${sessionOnly}`,
  not_unlocked: `Your system keychain has no unlocked login keyring — unlock it (e.g. log out and in again) and restart the app; ${sessionOnly}`,
  locked: `Your system keychain is locked — unlock it (e.g. log out and in again) and restart the app; ${sessionOnly}`,
  unknown: `The system keychain could not be used — ${sessionOnly}`,
};

/** Patterns are matched against keytar's message; the first match wins. */
const patterns: readonly (readonly [RegExp, KeychainFailureReason])[] = [
  [/Cannot autolaunch D-Bus|DBUS_SESSION_BUS_ADDRESS|Could not connect: .*bus/i, 'no_dbus_session'],
  [/org\.freedesktop\.secrets was not provided|ServiceUnknown/i, 'no_secret_service'],
  [/Object does not exist at path .*collection\/login/i, 'not_unlocked'],
  [/locked collection|is locked|IsLocked/i, 'locked'],
];

export function classifyKeychainFailure(error: unknown): KeychainFailureReason {
  const text = error instanceof Error ? error.message : String(error);
  for (const [pattern, reason] of patterns) {
    if (pattern.test(text)) return reason;
  }
  return 'unknown';
}

/** The typed error for a keychain that cannot be used; keytar's own error is kept as the cause. */
export function keychainFailure(reason: KeychainFailureReason, cause?: unknown): KeychainError {
  const code =
    reason === 'locked' || reason === 'not_unlocked' ? 'keychain_locked' : 'keychain_unavailable';
  return new KeychainError(code, reason, messages[reason], { cause });
}
