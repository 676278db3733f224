// One JSON file of non-secret app data with an envelope `{version, data}`, checked by a zod schema
// the caller passes in. Writes are atomic (temp file + fsync + rename) and serialised, so the file
// on disk is always a complete earlier or later version. A file that cannot be used (not JSON,
// truncated, fails the schema, another version) is moved aside as `<name>.corrupt-<timestamp>` and
// reported as a StorageNotice; the caller gets the default value. It never holds secrets.
import { constants as fsConstants, promises as fs } from 'node:fs';
import path from 'node:path';
import { Mutex } from 'async-mutex';
import writeFileAtomic from 'write-file-atomic';
import type { z } from 'zod';
import { AppError } from '../errors/app-error.js';
import { systemClock, type Clock } from '../clock.js';
import type { StorageNotice } from './storage-notice.js';

export type StorageErrorCode =
  'storage_read_failed' | 'storage_write_failed' | 'storage_invalid_data';

export class StorageError extends AppError<StorageErrorCode> {}

export interface VersionedJsonFileOptions<T> {
  readonly filePath: string;
  /** The only version this build reads and writes. */
  readonly version: number;
  readonly schema: z.ZodType<T>;
  /** What a missing or set-aside file reads as. */
  readonly defaultValue: () => T;
  readonly clock?: Clock;
}

export interface VersionedJsonRead<T> {
  readonly value: T;
  /** `missing`: no file yet; `set_aside`: the file was unusable and `notice` says why. */
  readonly source: 'file' | 'missing' | 'set_aside';
  readonly notice: StorageNotice | null;
}

export class VersionedJsonFile<T> {
  readonly #options: VersionedJsonFileOptions<T>;
  readonly #clock: Clock;
  readonly #mutex = new Mutex();

  constructor(options: VersionedJsonFileOptions<T>) {
    this.#options = options;
    this.#clock = options.clock ?? systemClock;
  }

  read(): Promise<VersionedJsonRead<T>> {
    return this.#mutex.runExclusive(() => this.#read());
  }

  /** Replaces the file's data. Rejects data that fails the schema before touching the file. */
  write(value: T): Promise<void> {
    return this.#mutex.runExclusive(() => this.#write(value));
  }

  /**
   * Read-modify-write under the file's lock, so concurrent updates cannot lose each other's
   * changes. `change` may throw to abort; the file is then untouched.
   */
  update(
    change: (current: T) => T | Promise<T>,
  ): Promise<{ value: T; notice: StorageNotice | null }> {
    return this.#mutex.runExclusive(async () => {
      const current = await this.#read();
      const next = await change(current.value);
      await this.#write(next);
      return { value: next, notice: current.notice };
    });
  }

  async #read(): Promise<VersionedJsonRead<T>> {
    const { filePath, defaultValue } = this.#options;
    let text: string;
    try {
      text = await fs.readFile(filePath, 'utf8');
    } catch (error) {
      if (isNodeError(error) && error.code === 'ENOENT') {
        return { value: defaultValue(), source: 'missing', notice: null };
      }
      throw new StorageError('storage_read_failed', `Could not read ${filePath}.`, {
        cause: error,
      });
    }
    const problem = this.#check(text);
    if ('value' in problem) return { value: problem.value, source: 'file', notice: null };
    const setAsidePath = await this.#setAside();
    return {
      value: defaultValue(),
      source: 'set_aside',
      notice: { code: problem.code, file: filePath, setAsidePath, detail: problem.detail },
    };
  }

  #check(text: string): { value: T } | { code: StorageNotice['code']; detail: string } {
    let envelope: unknown;
    try {
      envelope = JSON.parse(text);
    } catch {
      return { code: 'file_corrupt', detail: 'not valid JSON (possibly cut short)' };
    }
    if (typeof envelope !== 'object' || envelope === null || !('version' in envelope)) {
      return { code: 'file_corrupt', detail: 'no {version, data} envelope' };
    }
    if (envelope.version !== this.#options.version) {
      return {
        code: 'file_unsupported_version',
        detail: `version ${JSON.stringify(envelope.version)}, this app reads version ${this.#options.version}`,
      };
    }
    const parsed = this.#options.schema.safeParse('data' in envelope ? envelope.data : undefined);
    if (!parsed.success) {
      const fields = parsed.error.issues.map((issue) => issue.path.join('.') || '(data)');
      return { code: 'file_corrupt', detail: `bad fields: ${[...new Set(fields)].join(', ')}` };
    }
    return { value: parsed.data };
  }

  async #write(value: T): Promise<void> {
    const { filePath, schema, version } = this.#options;
    const parsed = schema.safeParse(value);
    if (!parsed.success) {
      throw new StorageError(
        'storage_invalid_data',
        `Refusing to write data that fails the schema of ${path.basename(filePath)}.`,
        { cause: parsed.error },
      );
    }
    try {
      await fs.mkdir(path.dirname(filePath), { recursive: true });
      await writeFileAtomic(
        filePath,
        `${JSON.stringify({ version, data: parsed.data }, null, 2)}\n`,
        {
          fsync: true,
          mode: 0o600,
        },
      );
    } catch (error) {
      throw new StorageError('storage_write_failed', `Could not write ${filePath}.`, {
        cause: error,
      });
    }
  }

  /** Moves the unusable file out of the way under a name that does not replace an earlier one. */
  async #setAside(): Promise<string> {
    const { filePath } = this.#options;
    const stamp = new Date(this.#clock.now()).toISOString().replace(/[:.]/g, '-');
    for (let attempt = 0; ; attempt += 1) {
      const candidate = `${filePath}.corrupt-${stamp}${attempt === 0 ? '' : `-${attempt}`}`;
      try {
        // An exclusive copy, not a rename: rename would silently replace an earlier set-aside file.
        await fs.copyFile(filePath, candidate, fsConstants.COPYFILE_EXCL);
        await fs.unlink(filePath);
        return candidate;
      } catch (error) {
        if (isNodeError(error) && error.code === 'EEXIST') continue;
        throw new StorageError('storage_read_failed', `Could not set ${filePath} aside.`, {
          cause: error,
        });
      }
    }
  }
}

function isNodeError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && 'code' in error;
}
