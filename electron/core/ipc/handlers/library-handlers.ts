// The `library:*` requests: a page of saved tracks straight from Spotify, a sync of the account's
// library answered with what changed since the page's revision, and slices of the last synced
// library from the cache, each with the revision it belongs to, what changed since a revision
// (after `library:changed`), and the heart of a row.
import type { AppCore } from '../../composition/app-core.js';
import type { DomainHandlers } from '../ipc-router.js';
import {
  cachedTracksView,
  libraryAtRevisionView,
  librarySyncView,
  tracksPageView,
} from '../views.js';

export function libraryHandlers(core: AppCore): Omit<DomainHandlers<'library'>, 'library:export'> {
  return {
    'library:tracks': async (id, page) => tracksPageView(await core.savedTracksPage(id, page)),
    'library:sync': async (id, options) => {
      const outcome = await core.syncLibrary(id);
      // Read after the sync: a later sync that finished meanwhile is what the page should get.
      return librarySyncView(outcome, core.libraryChanges(id, options?.since ?? null));
    },
    'library:cached': async (id, slice) => {
      const library = await core.cachedLibrary(id);
      const revision = library === null ? null : core.libraryRevision(library);
      return cachedTracksView(library, slice, revision);
    },
    'library:changes': async (id, options) => {
      // Loads the library into memory if the page asks before anything else has.
      const library = await core.cachedLibrary(id);
      const current = core.libraryChanges(id, options.since);
      if (current === null || library === null) {
        return { total: 0, lastSyncedAt: 0, revision: null, changes: { kind: 'reload' } };
      }
      return libraryAtRevisionView(current);
    },
    'library:setSaved': async (id, trackId, saved) => {
      await core.jobs.setSaved(id, trackId, saved);
      return null;
    },
  };
}
