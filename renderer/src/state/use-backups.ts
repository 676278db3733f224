// The backups' snapshot for a component, re-rendered when it changes: the one way screens read
// the BackupStore (kept apart from it so the store does not import React or the app store).
import { useSyncExternalStore } from 'react';

import { useStore } from './app-store.js';
import type { BackupsState } from './backup-store.js';

export function useBackups(): BackupsState {
  const { backups } = useStore();
  return useSyncExternalStore(backups.subscribe, backups.getState);
}
