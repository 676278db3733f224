// keytar reports failures as strings only; these are the ones measured on gnome-keyring's Secret
// Service, each of which must become a reason the UI can explain.
import { describe, expect, it } from 'vitest';
import {
  KeychainError,
  classifyKeychainFailure,
  keychainFailure,
} from '../../../electron/core/vault/keychain-error.js';

describe('classifyKeychainFailure', () => {
  it.each([
    ['Cannot autolaunch D-Bus without X11 $DISPLAY', 'no_dbus_session'],
    [
      'The name org.freedesktop.secrets was not provided by any .service files',
      'no_secret_service',
    ],
    [
      'GDBus.Error:org.freedesktop.DBus.Error.ServiceUnknown: The name org.freedesktop.secrets was not provided by any .service files',
      'no_secret_service',
    ],
    ['Object does not exist at path “/org/freedesktop/secrets/collection/login”', 'not_unlocked'],
    ['Object does not exist at path "/org/freedesktop/secrets/collection/login"', 'not_unlocked'],
    ['Cannot create an item in a locked collection', 'locked'],
    ['Something nobody has seen before', 'unknown'],
  ] as const)('classifies %j as %s', (message, reason) => {
    expect(classifyKeychainFailure(new Error(message))).toBe(reason);
  });

  it('classifies a thrown non-Error value without crashing', () => {
    expect(classifyKeychainFailure('Cannot create an item in a locked collection')).toBe('locked');
    expect(classifyKeychainFailure(undefined)).toBe('unknown');
  });
});

describe('keychainFailure', () => {
  it('reports a locked or never-unlocked keychain as keychain_locked with the unlock advice', () => {
    for (const reason of ['locked', 'not_unlocked'] as const) {
      const error = keychainFailure(reason);
      expect(error).toBeInstanceOf(KeychainError);
      expect(error.code).toBe('keychain_locked');
      expect(error.reason).toBe(reason);
      expect(error.message).toMatch(/unlock it .*restart the app/);
      expect(error.message).toMatch(/for this session only/);
    }
  });

  it('reports a missing bus, a missing service or anything else as keychain_unavailable', () => {
    for (const reason of ['no_dbus_session', 'no_secret_service', 'unknown'] as const) {
      const error = keychainFailure(reason, new Error('raw backend text'));
      expect(error.code).toBe('keychain_unavailable');
      expect(error.reason).toBe(reason);
      expect(error.message).not.toContain('raw backend text');
      expect(error.message).toMatch(/for this session only/);
    }
  });
});
