// The `settings:*` requests: read the settings, and change some (the settings store checks them).
import type { AppCore } from '../../composition/app-core.js';
import type { DomainHandlers } from '../ipc-router.js';
import { settingsView } from '../views.js';

export function settingsHandlers(core: AppCore): DomainHandlers<'settings'> {
  return {
    'settings:get': async () => settingsView(core.settings.get()),
    'settings:update': async (patch) => settingsView(await core.settings.update(patch)),
  };
}
