// The `library:*` requests: a page of saved tracks straight from Spotify, a sync of the account's
// library, and slices of the last synced library from the cache.
import type { AppCore } from '../../composition/app-core.js';
import type { DomainHandlers } from '../ipc-router.js';
import { cachedTracksView, librarySyncView, tracksPageView } from '../views.js';

export function libraryHandlers(core: AppCore): DomainHandlers<'library'> {
  return {
    'library:tracks': async (id, page) => tracksPageView(await core.savedTracksPage(id, page)),
    'library:sync': async (id) => librarySyncView(await core.syncLibrary(id)),
    'library:cached': async (id, slice) => cachedTracksView(await core.cachedLibrary(id), slice),
  };
}
