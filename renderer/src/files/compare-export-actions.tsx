// The compare view's exports, in its header: the tracks its filter and search show (a section
// per account holding them, titled by the filter), and every account's whole library.
import type { AccountView } from '../app-contract.js';
import type { LibraryUnion } from '../compare/library-union.js';
import type { PresenceFilter } from '../compare/union-view.js';
import { useStore } from '../state/app-store.js';
import { allLibraries, shownSources } from './compare-export.js';
import { ExportMenu } from './export-menu.js';
import './files.css';

export interface CompareExportActionsProps {
  readonly union: LibraryUnion;
  /** The rows shown, in order. */
  readonly rows: readonly number[];
  readonly presence: PresenceFilter;
  /** The filter's name ("Only in Alice"), or null while an account of it has just gone. */
  readonly filterName: string | null;
  /** The search, trimmed; empty when there is none. */
  readonly query: string;
  readonly accounts: readonly AccountView[];
  /** Every compared library is read whole: the rows shown can be named as selections. */
  readonly ready: boolean;
}

export function CompareExportActions(props: CompareExportActionsProps) {
  const store = useStore();
  const shownTitle = () => {
    const name = props.filterName ?? 'Tracks';
    return props.query === '' ? name : `${name} matching “${props.query}”`;
  };
  return (
    <div className="file-actions" role="group" aria-label="Export">
      <ExportMenu
        label="Export shown tracks"
        notReady={
          !props.ready
            ? 'Wait until all saved tracks are loaded.'
            : props.rows.length === 0
              ? 'No tracks are shown.'
              : null
        }
        what={() => {
          const sources = shownSources(store.libraries, props.union, props.rows, props.presence);
          return sources === null ? null : { sources, title: shownTitle() };
        }}
      >
        Export shown…
      </ExportMenu>
      <ExportMenu
        label="Export all accounts"
        what={() => ({ sources: allLibraries(props.accounts), title: 'All accounts' })}
      >
        Export all…
      </ExportMenu>
    </div>
  );
}
