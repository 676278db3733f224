// The on-disk library cache of each account, in `accountCacheDir(dataDir, key)`:
// - `library.json`: the last complete library as compact columns (see track-columns.ts) with its
//   bookkeeping (`total`, `lastSyncedAt`); replaced atomically (temp file + fsync + rename).
// - `library.partial.ndjson`: a full sync in progress — a header line (the `total` and newest item
//   it started from) and one line per fetched page, appended as pages arrive, so an interrupted
//   sync resumes without fetching those pages again. A half-written last line is just skipped.
// A file that cannot be used (corrupt, cut short, another version) is moved aside as
// `<name>.corrupt` (replacing an earlier one, so junk never piles up) and reported as a
// StorageNotice; the caller rebuilds from Spotify. Holds track data only: never a token.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { accountCacheDir } from '../accounts/account-key.js';
import type { SavedTrack } from '../spotify/models.js';
import type { StorageNotice, StorageNoticeCode } from '../storage/storage-notice.js';
import { StorageError } from '../storage/versioned-json-file.js';
import type { LibrarySnapshot } from './library-snapshot.js';
import { decodeTrackColumns, encodeTrackColumns, TrackColumnsError } from './track-columns.js';

/** The only cache format this build reads and writes. */
export const LIBRARY_CACHE_VERSION = 1;

export interface PartialSyncHeader {
  /** Spotify's `total` when the sync began. */
  readonly total: number;
  /** Fingerprint of the newest item when the sync began (null: empty library). */
  readonly first: string | null;
  readonly startedAt: number;
}

export interface PartialSync extends PartialSyncHeader {
  /** Pages fetched so far, by offset. */
  readonly pages: Map<number, readonly SavedTrack[]>;
}

export interface CacheRead<T> {
  /** Null when there is no usable file. */
  readonly value: T | null;
  /** Set when a file was unusable and moved aside. */
  readonly notice: StorageNotice | null;
}

export class LibraryCache {
  readonly #dataDir: string;

  constructor(dataDir: string) {
    this.#dataDir = dataDir;
  }

  /** Where an account's cache files live (in the folder removeAccount deletes). */
  files(accountKey: string): { readonly library: string; readonly partial: string } {
    const dir = accountCacheDir(this.#dataDir, accountKey);
    return {
      library: path.join(dir, 'library.json'),
      partial: path.join(dir, 'library.partial.ndjson'),
    };
  }

  async load(accountKey: string): Promise<CacheRead<LibrarySnapshot>> {
    const file = this.files(accountKey).library;
    const text = await readIfPresent(file);
    if (text === null) return { value: null, notice: null };
    const checked = checkLibrary(text);
    if ('value' in checked) return { value: checked.value, notice: null };
    return { value: null, notice: await setAside(file, checked.code, checked.detail) };
  }

  async save(accountKey: string, library: LibrarySnapshot): Promise<void> {
    const file = this.files(accountKey).library;
    const body = JSON.stringify({
      version: LIBRARY_CACHE_VERSION,
      total: library.total,
      lastSyncedAt: library.lastSyncedAt,
      columns: encodeTrackColumns(library.tracks),
    });
    try {
      await fs.mkdir(path.dirname(file), { recursive: true });
      await writeFileAtomic(file, body, { fsync: true, mode: 0o600 });
    } catch (error) {
      throw new StorageError('storage_write_failed', `Could not write ${file}.`, { cause: error });
    }
  }

  async loadPartial(accountKey: string): Promise<CacheRead<PartialSync>> {
    const file = this.files(accountKey).partial;
    const text = await readIfPresent(file);
    if (text === null) return { value: null, notice: null };
    const lines = text.split('\n');
    const header = parseHeader(lines[0] ?? '');
    if ('code' in header) {
      return { value: null, notice: await setAside(file, header.code, header.detail) };
    }
    const pages = new Map<number, readonly SavedTrack[]>();
    for (const line of lines.slice(1)) {
      const page = parsePage(line);
      // A line cut short by a crash, or damaged: that page is simply fetched again.
      if (page !== null) pages.set(page.offset, page.tracks);
    }
    return { value: { ...header, pages }, notice: null };
  }

  /** Starts a new partial file (replacing any earlier one) for a full sync from this header. */
  async beginPartial(accountKey: string, header: PartialSyncHeader): Promise<void> {
    const file = this.files(accountKey).partial;
    const line = JSON.stringify({ version: LIBRARY_CACHE_VERSION, ...header });
    try {
      await fs.mkdir(path.dirname(file), { recursive: true });
      await writeFileAtomic(file, `${line}\n`, { mode: 0o600 });
    } catch (error) {
      throw new StorageError('storage_write_failed', `Could not write ${file}.`, { cause: error });
    }
  }

  /** Adds one fetched page; the folder must exist (beginPartial made it), or this fails. */
  async appendPartialPage(
    accountKey: string,
    offset: number,
    tracks: readonly SavedTrack[],
  ): Promise<void> {
    const file = this.files(accountKey).partial;
    const line = JSON.stringify({ offset, columns: encodeTrackColumns(tracks) });
    try {
      // Never creates the folder: an account removed meanwhile must not get it back.
      const handle = await fs.open(file, 'r+');
      try {
        const { size } = await handle.stat();
        await handle.write(`${line}\n`, size);
      } finally {
        await handle.close();
      }
    } catch (error) {
      throw new StorageError('storage_write_failed', `Could not write ${file}.`, { cause: error });
    }
  }

  async clearPartial(accountKey: string): Promise<void> {
    await fs.rm(this.files(accountKey).partial, { force: true });
  }

  /** Deletes everything cached for the account: its whole folder, whatever else it holds. */
  async removeAccount(accountKey: string): Promise<void> {
    await fs.rm(accountCacheDir(this.#dataDir, accountKey), { recursive: true, force: true });
  }
}

type Checked<T> = { value: T } | { code: StorageNoticeCode; detail: string };

function checkLibrary(text: string): Checked<LibrarySnapshot> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { code: 'file_corrupt', detail: 'not valid JSON (possibly cut short)' };
  }
  if (typeof raw !== 'object' || raw === null) {
    return { code: 'file_corrupt', detail: 'not a library cache' };
  }
  const record = raw as Record<string, unknown>;
  if (record['version'] !== LIBRARY_CACHE_VERSION) {
    return {
      code: 'file_unsupported_version',
      detail: `version ${JSON.stringify(record['version'])}, this app reads version ${LIBRARY_CACHE_VERSION}`,
    };
  }
  const { total, lastSyncedAt } = record;
  if (!isCount(total) || !isCount(lastSyncedAt)) {
    return { code: 'file_corrupt', detail: 'bad total or lastSyncedAt' };
  }
  try {
    return { value: { tracks: decodeTrackColumns(record['columns']), total, lastSyncedAt } };
  } catch (error) {
    if (error instanceof TrackColumnsError) return { code: 'file_corrupt', detail: error.message };
    throw error;
  }
}

function parseHeader(
  line: string,
): PartialSyncHeader | { code: StorageNoticeCode; detail: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch {
    return { code: 'file_corrupt', detail: 'unreadable header line' };
  }
  if (typeof raw !== 'object' || raw === null) {
    return { code: 'file_corrupt', detail: 'unreadable header line' };
  }
  const { version, total, first, startedAt } = raw as Record<string, unknown>;
  if (version !== LIBRARY_CACHE_VERSION) {
    return {
      code: 'file_unsupported_version',
      detail: `version ${JSON.stringify(version)}, this app reads version ${LIBRARY_CACHE_VERSION}`,
    };
  }
  if (!isCount(total) || !isCount(startedAt) || !(first === null || typeof first === 'string')) {
    return { code: 'file_corrupt', detail: 'bad header fields' };
  }
  return { total, first, startedAt };
}

function parsePage(line: string): { offset: number; tracks: SavedTrack[] } | null {
  if (line.trim() === '') return null;
  try {
    const raw = JSON.parse(line) as { offset?: unknown; columns?: unknown } | null;
    if (raw === null || !isCount(raw.offset)) return null;
    return { offset: raw.offset, tracks: decodeTrackColumns(raw.columns) };
  } catch {
    return null;
  }
}

function isCount(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 0;
}

async function readIfPresent(file: string): Promise<string | null> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return null;
    throw new StorageError('storage_read_failed', `Could not read ${file}.`, { cause: error });
  }
}

// A cache is rebuilt from Spotify, so one set-aside copy (for a bug report) is plenty.
async function setAside(
  file: string,
  code: StorageNoticeCode,
  detail: string,
): Promise<StorageNotice> {
  const setAsidePath = `${file}.corrupt`;
  try {
    await fs.rename(file, setAsidePath);
  } catch (error) {
    throw new StorageError('storage_read_failed', `Could not set ${file} aside.`, {
      cause: error,
    });
  }
  return { code, file, setAsidePath, detail };
}
