// "Import a file…": asks the main process for a file (its own dialog), then the import dialog
// shows what it read. The page it is on is the import's target until the person picks another.
// Never disabled while the file dialog is open (it would lose focus, which the import dialog
// hands back on closing): the store ignores a second click meanwhile.
import { useStore } from '../state/app-store.js';

export function ImportButton({ targetAccountId }: { readonly targetAccountId: string | null }) {
  const store = useStore();
  return (
    <button
      type="button"
      className="button secondary"
      onClick={() => void store.files.chooseImport(targetAccountId)}
    >
      Import a file…
    </button>
  );
}
