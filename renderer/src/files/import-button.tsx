// "Import a file…": asks the main process for a file (its own dialog), then the import dialog
// shows what it read. The page it is on is the import's target until the person picks another.
import { useSyncExternalStore } from 'react';

import { useStore } from '../state/app-store.js';

export function ImportButton({ targetAccountId }: { readonly targetAccountId: string | null }) {
  const store = useStore();
  const { importDialog } = useSyncExternalStore(store.files.subscribe, store.files.getState);
  return (
    <button
      type="button"
      className="button secondary"
      disabled={importDialog?.phase === 'choosing'}
      onClick={() => void store.files.chooseImport(targetAccountId)}
    >
      Import a file…
    </button>
  );
}
