// How the last export went, above the content: a spinner line while it is written, the sentence
// of what was saved or downloaded (and whose data is older than asked for), or why it failed.
// Dismissed by the person; a new export replaces it.
import { useSyncExternalStore } from 'react';

import { useStore } from '../state/app-store.js';
import '../banners/banner.css';
import './files.css';

export function ExportStatus() {
  const store = useStore();
  const { export: state } = useSyncExternalStore(store.files.subscribe, store.files.getState);
  switch (state.phase) {
    case 'idle':
      return null;
    case 'exporting':
      return (
        <div className="banner info" role="status" data-testid="export-status">
          <p>{state.title === null ? 'Exporting…' : `Exporting “${state.title}”…`}</p>
        </div>
      );
    case 'done':
      return (
        <div
          className={state.note === null ? 'banner success' : 'banner warning'}
          role="status"
          data-testid="export-status"
        >
          <p>
            {state.sentence}
            {state.note !== null && ` ${state.note}`}
          </p>
          <DismissButton onClick={store.files.dismissExport} />
        </div>
      );
    case 'failed':
      return (
        <div className="banner error" role="alert" data-testid="export-status">
          <p>The export failed. {state.message}</p>
          <DismissButton onClick={store.files.dismissExport} />
        </div>
      );
  }
}

function DismissButton({ onClick }: { readonly onClick: () => void }) {
  return (
    <button type="button" className="button secondary" onClick={onClick}>
      Dismiss
    </button>
  );
}
