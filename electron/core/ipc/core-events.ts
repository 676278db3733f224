// Forwards the core's changes to the renderer(s) as the contract's events, in the views the page
// may see. Used unchanged by the Electron shell and the browser harness.
import type { AppCore } from '../composition/app-core.js';
import { DisposableStore } from '../events/emitter.js';
import { jobView } from './job-view-mapping.js';
import type { EventChannel, EventPayloads } from './contract.js';
import {
  accountsView,
  keychainView,
  schedulerView,
  settingsView,
  syncProgressView,
} from './views.js';

/** Sends one contract event to the renderer(s). */
export type EmitEvent = <E extends EventChannel>(event: E, payload: EventPayloads[E]) => void;

/** Returns a function that stops forwarding. */
export function forwardCoreEvents(core: AppCore, emit: EmitEvent): () => void {
  const subscriptions = new DisposableStore();
  subscriptions.add(
    core.registry.onDidChange((snapshot) => emit('accounts:changed', accountsView(snapshot))),
  );
  subscriptions.add(
    core.settings.onChange((settings) => emit('settings:changed', settingsView(settings))),
  );
  subscriptions.add(
    core.scheduler.onDidChangeState((state) => emit('scheduler:state', schedulerView(state))),
  );
  subscriptions.add(
    core.vault.onDidChangeStatus((status) => emit('keychain:status', keychainView(status))),
  );
  subscriptions.add(
    core.onSyncProgress((progress) => emit('sync:progress', syncProgressView(progress))),
  );
  subscriptions.add(
    core.onDidChangeLibrary((change) =>
      emit('library:changed', { accountId: change.accountId, revision: change.revision }),
    ),
  );
  subscriptions.add(
    core.jobs.service.onDidChange((record) =>
      emit('jobs:changed', jobView(record, core.jobs.service.canUndo(record))),
    ),
  );
  subscriptions.add(core.backups.onDidChange((status) => emit('backups:changed', status)));
  return () => subscriptions.dispose();
}
