// Makes an export's file from the caches, never the network beyond a sync: each source becomes a
// section (a whole library — synced first when its cache is older than the sync-age setting, or
// exported as held and reported when that sync fails — or the tracks the page selected at the
// revision it showed), encoded as our JSON or as CSV. Where the file goes is the shell's.
import { accountLabel } from '../accounts/account-label.js';
import type { AccountRegistry } from '../accounts/account-registry.js';
import type { Clock } from '../clock.js';
import { errorCodeOf } from '../errors/app-error.js';
import { decodePositions } from '../ipc/job-views.js';
import type { ExportRequest, ExportSource, LibraryFileFormat } from '../ipc/library-file-views.js';
import { ExportError } from '../library-files/export-error.js';
import { exportFileName } from '../library-files/export-file-name.js';
import { encodeLibraryCsv } from '../library-files/library-file-csv.js';
import { encodeLibraryJson, type ExportSection } from '../library-files/library-file-json.js';
import type { LibrarySnapshot } from '../library/library-snapshot.js';
import { tracksAtRevision } from '../library/tracks-at-revision.js';

export interface LibraryExportsOptions {
  readonly registry: AccountRegistry;
  readonly cached: (accountId: string) => Promise<LibrarySnapshot | null>;
  readonly revisionOf: (library: LibrarySnapshot) => string | null;
  /** `signal` stops the sync (the app is closing): the cache is then exported as held. */
  readonly sync: (accountId: string, signal?: AbortSignal) => Promise<LibrarySnapshot>;
  /** A cache older than this is synced before a whole-library export; 0 = always. */
  readonly maxCacheAgeMs: () => number;
  readonly appName: string;
  readonly appVersion: string;
  readonly clock: Clock;
  readonly log: (message: string) => void;
}

export interface PreparedExport {
  readonly bytes: Uint8Array;
  readonly tracks: number;
  /** The oldest section's last sync, epoch ms. */
  readonly dataAsOf: number | null;
  /** Accounts whose stale cache could not be synced first. */
  readonly notSynced: readonly string[];
}

export class LibraryExports {
  readonly #options: LibraryExportsOptions;

  constructor(options: LibraryExportsOptions) {
    this.#options = options;
  }

  /** The name a save dialog offers (or a download gets) for this request. */
  fileName(request: ExportRequest): string {
    const accounts = new Set(request.sources.map(sourceAccountId));
    const subject =
      request.title ??
      (accounts.size === 1 ? this.#labelOf([...accounts][0] ?? '') : `${accounts.size} accounts`);
    return exportFileName(subject, this.#options.clock.now(), request.format);
  }

  /** Checks the request's accounts before a dialog opens: refusing after would waste a choice. */
  check(request: ExportRequest): void {
    for (const source of request.sources) this.#requireAccount(sourceAccountId(source));
  }

  async prepare(
    request: ExportRequest,
    options: { readonly signal?: AbortSignal } = {},
  ): Promise<PreparedExport> {
    const sections: ExportSection[] = [];
    const notSynced: string[] = [];
    for (const source of request.sources) {
      const accountId = sourceAccountId(source);
      const account = this.#requireAccount(accountId);
      const section = (tracks: ExportSection['tracks'], syncedAt: number): ExportSection => ({
        account: { label: accountLabel(account), spotifyUserId: account.spotifyUserId },
        syncedAt,
        tracks,
      });
      if (source.kind === 'library') {
        const { library, synced } = await this.#fresh(accountId, options.signal);
        if (!synced) notSynced.push(accountId);
        if (library !== null) sections.push(section(library.tracks, library.lastSyncedAt));
        continue;
      }
      const held = await this.#options.cached(accountId);
      const positions = decodePositions(source.selection.positions);
      const tracks =
        positions === null
          ? null
          : tracksAtRevision(held, held === null ? null : this.#options.revisionOf(held), {
              revision: source.selection.revision,
              positions,
            });
      if (tracks === null || held === null) {
        throw new ExportError(
          'export_selection_stale',
          'The library changed since these tracks were shown. Export again from the new list.',
        );
      }
      sections.push(section(tracks, held.lastSyncedAt));
    }
    const tracks = sections.reduce((sum, section) => sum + section.tracks.length, 0);
    if (sections.length === 0) {
      throw new ExportError(
        'export_empty',
        'There is nothing to export yet: the library has not been synced. Open the account to sync it.',
      );
    }
    return {
      bytes: this.#encode(sections, request.format, request.excelBom),
      tracks,
      dataAsOf: Math.min(...sections.map((section) => section.syncedAt)),
      notSynced,
    };
  }

  #encode(
    sections: readonly ExportSection[],
    format: LibraryFileFormat,
    excelBom: boolean,
  ): Uint8Array {
    const text =
      format === 'json'
        ? encodeLibraryJson(sections, {
            appName: this.#options.appName,
            appVersion: this.#options.appVersion,
            exportedAt: this.#options.clock.now(),
          })
        : encodeLibraryCsv(sections, { excelBom });
    return new TextEncoder().encode(text);
  }

  // A whole library as fresh as the setting asks; the cache as held when a sync cannot be made.
  async #fresh(
    accountId: string,
    signal: AbortSignal | undefined,
  ): Promise<{ library: LibrarySnapshot | null; synced: boolean }> {
    const held = await this.#options.cached(accountId);
    const maxAge = this.#options.maxCacheAgeMs();
    if (held !== null && maxAge > 0 && this.#options.clock.now() - held.lastSyncedAt < maxAge) {
      return { library: held, synced: true };
    }
    try {
      return { library: await this.#options.sync(accountId, signal), synced: true };
    } catch (error) {
      this.#options.log(`export: sync before export failed (${errorCodeOf(error)}); cache used`);
      return { library: held, synced: false };
    }
  }

  #labelOf(accountId: string): string {
    const account = this.#options.registry.find(accountId);
    return account === undefined ? accountId : accountLabel(account);
  }

  #requireAccount(accountId: string) {
    const account = this.#options.registry.find(accountId);
    if (account === undefined) {
      throw new ExportError('export_account_missing', 'This account is no longer in the app.');
    }
    return account;
  }
}

function sourceAccountId(source: ExportSource): string {
  return source.kind === 'library' ? source.accountId : source.selection.accountId;
}
