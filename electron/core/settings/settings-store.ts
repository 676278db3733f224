// The user's settings in `<dataDir>/settings.json`: the Spotify Client ID they registered, the
// redirect port (null = a dynamic port per login), how logins open, and how old a cached library
// may be before opening the account syncs it. Every change is validated here with a specific
// error, so a bad value from the UI never reaches the file.
import path from 'node:path';
import { z } from 'zod';
import { isRedirectPort, redirectPortRange } from '../auth/redirect-uri.js';
import type { Clock } from '../clock.js';
import { AppError } from '../errors/app-error.js';
import { Emitter, type Event } from '../events/emitter.js';
import type { StorageNotice } from '../storage/storage-notice.js';
import { VersionedJsonFile } from '../storage/versioned-json-file.js';
import {
  clientIdPattern,
  defaultLibrarySyncMaxAgeMinutes,
  loginModes,
  maxLibrarySyncMaxAgeMinutes,
  normaliseClientId,
  type LoginMode,
} from './setting-rules.js';

const settingsSchema = z.object({
  clientId: z.string().regex(clientIdPattern).nullable(),
  redirectPort: z.number().int().min(redirectPortRange.min).max(redirectPortRange.max).nullable(),
  loginMode: z.enum(loginModes),
  // A default, so settings files written before this setting existed still read (same version).
  librarySyncMaxAgeMinutes: z
    .number()
    .int()
    .min(0)
    .max(maxLibrarySyncMaxAgeMinutes)
    .default(defaultLibrarySyncMaxAgeMinutes),
});

export type Settings = z.output<typeof settingsSchema>;

export const defaultSettings: Settings = {
  clientId: null,
  redirectPort: null,
  loginMode: 'window',
  librarySyncMaxAgeMinutes: defaultLibrarySyncMaxAgeMinutes,
};

export type SettingsErrorCode =
  | 'invalid_client_id'
  | 'invalid_redirect_port'
  | 'invalid_login_mode'
  | 'invalid_library_sync_max_age'
  | 'unknown_setting';

export class SettingsError extends AppError<SettingsErrorCode> {}

export interface SettingsStoreOptions {
  readonly dataDir: string;
  readonly clock?: Clock;
}

export class SettingsStore {
  readonly #file: VersionedJsonFile<Settings>;
  readonly #changed = new Emitter<Settings>();
  #settings: Settings;
  /** Set when settings.json was unusable and moved aside at open; defaults apply. */
  readonly notice: StorageNotice | null;
  /** The settings after each change. */
  readonly onChange: Event<Settings> = this.#changed.event;

  private constructor(
    file: VersionedJsonFile<Settings>,
    settings: Settings,
    notice: StorageNotice | null,
  ) {
    this.#file = file;
    this.#settings = settings;
    this.notice = notice;
  }

  static async open(options: SettingsStoreOptions): Promise<SettingsStore> {
    const file = new VersionedJsonFile({
      filePath: path.join(options.dataDir, 'settings.json'),
      version: 1,
      schema: settingsSchema,
      defaultValue: () => ({ ...defaultSettings }),
      ...(options.clock === undefined ? {} : { clock: options.clock }),
    });
    const read = await file.read();
    return new SettingsStore(file, read.value, read.notice);
  }

  get(): Settings {
    return { ...this.#settings };
  }

  /**
   * Changes some settings. A Client ID is accepted with surrounding spaces or in upper case (as
   * pasted from the dashboard) and stored trimmed and lower-case.
   */
  async update(patch: Partial<Settings>): Promise<Settings> {
    const checked = checkPatch(patch);
    const { value } = await this.#file.update((current) => ({ ...current, ...checked }));
    this.#settings = value;
    this.#changed.fire(this.get());
    return this.get();
  }
}

function checkPatch(patch: unknown): Partial<Settings> {
  if (typeof patch !== 'object' || patch === null) {
    throw new SettingsError('unknown_setting', 'Settings must be changed with an object.');
  }
  const result: Partial<Settings> = {};
  for (const [name, value] of Object.entries(patch)) {
    switch (name) {
      case 'clientId':
        result.clientId = checkClientId(value);
        break;
      case 'redirectPort':
        if (value !== null && !isRedirectPort(value)) {
          throw new SettingsError(
            'invalid_redirect_port',
            `The redirect port must be a whole number from ${redirectPortRange.min} to ${redirectPortRange.max}, or empty for a dynamic port.`,
          );
        }
        result.redirectPort = value;
        break;
      case 'loginMode':
        if (!(loginModes as readonly unknown[]).includes(value)) {
          throw new SettingsError(
            'invalid_login_mode',
            'The login mode must be "window" or "browser".',
          );
        }
        result.loginMode = value as LoginMode;
        break;
      case 'librarySyncMaxAgeMinutes':
        if (!(
          Number.isInteger(value) &&
          (value as number) >= 0 &&
          (value as number) <= maxLibrarySyncMaxAgeMinutes
        )) {
          throw new SettingsError(
            'invalid_library_sync_max_age',
            `How old the saved tracks may get before a sync must be a whole number of minutes from 0 (sync every time) to ${maxLibrarySyncMaxAgeMinutes} (a week).`,
          );
        }
        result.librarySyncMaxAgeMinutes = value as number;
        break;
      default:
        throw new SettingsError(
          'unknown_setting',
          `There is no setting called ${JSON.stringify(name)}.`,
        );
    }
  }
  return result;
}

function checkClientId(value: unknown): string | null {
  if (value === null) return null;
  const normalised = typeof value === 'string' ? normaliseClientId(value) : '';
  if (!clientIdPattern.test(normalised)) {
    throw new SettingsError(
      'invalid_client_id',
      'A Client ID is the 32-character hexadecimal code shown on your app in the Spotify developer dashboard.',
    );
  }
  return normalised;
}
