// Forwards the core's changes to the renderer(s) as the contract's events, in the views the page
// may see. Used unchanged by the Electron shell and the browser harness.
import type { AppCore } from '../composition/app-core.js';
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
  const settingsForwarding = core.settings.onChange((settings) =>
    emit('settings:changed', settingsView(settings)),
  );
  const stops = [
    core.registry.onChange((snapshot) => emit('accounts:changed', accountsView(snapshot))),
    () => settingsForwarding.dispose(),
    core.scheduler.onStateChange((state) => emit('scheduler:state', schedulerView(state))),
    core.vault.onStatusChange((status) => emit('keychain:status', keychainView(status))),
    core.onSyncProgress((progress) => emit('sync:progress', syncProgressView(progress))),
  ];
  return () => {
    for (const stop of stops) stop();
  };
}
