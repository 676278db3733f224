// The `profile:*` requests: fetch an account's profile from Spotify again (the registry stores it,
// and announces the accounts anew).
import type { AppCore } from '../../composition/app-core.js';
import type { DomainHandlers } from '../ipc-router.js';
import { profileView } from '../views.js';

export function profileHandlers(core: AppCore): DomainHandlers<'profile'> {
  return {
    'profile:get': async (id) => profileView(id, await core.fetchProfile(id)),
  };
}
