// The import dialog: what the core read in the chosen file (its name, format, rows, duplicates
// counted once, the order the tracks are saved in, its sections, the rows it cannot import and
// why), the section and the account to import into, and "Plan import", which hands the file to
// the plan dialog. Nothing is written before that plan is confirmed. A file that could not be
// read says why, in the core's words (they name the line and column). Shown over any page.
import { useId, useSyncExternalStore } from 'react';

import type { ImportFileView } from '../app-contract.js';
import { Dialog } from '../common/dialog.js';
import { formatCount, plural } from '../format/formatters.js';
import { useAppState, useStore } from '../state/app-store.js';
import type { ImportDialogState } from '../state/file-store.js';
import { formatNames, orderWords, rejectedLine, sectionName } from './import-words.js';
import '../banners/banner.css';
import './files.css';

export function ImportDialogHost() {
  const store = useStore();
  const { importDialog } = useSyncExternalStore(store.files.subscribe, store.files.getState);
  const { accounts } = useAppState();
  // While the main process's file dialog is open, ours waits for its answer.
  if (importDialog === null || importDialog.phase === 'choosing') return null;
  // A target removed while the dialog is open is no target: the person chooses again.
  const target = importDialog.targetAccountId;
  const present = target !== null && accounts.some((account) => account.id === target);
  return (
    <ImportDialog dialog={present ? importDialog : { ...importDialog, targetAccountId: null }} />
  );
}

function ImportDialog({
  dialog,
}: {
  readonly dialog: Exclude<ImportDialogState, { phase: 'choosing' }>;
}) {
  const store = useStore();
  const files = store.files;
  const cancel = (
    <button type="button" className="button secondary" onClick={files.closeImport}>
      {dialog.phase === 'failed' ? 'Close' : 'Cancel'}
    </button>
  );

  if (dialog.phase === 'failed') {
    return (
      <Dialog
        title="The file could not be read"
        onClose={files.closeImport}
        className="import-dialog"
        actions={
          <>
            {cancel}
            <button
              type="button"
              className="button primary"
              onClick={() => void files.chooseImport(dialog.targetAccountId)}
            >
              Choose another file…
            </button>
          </>
        }
      >
        <div className="banner error" role="alert">
          <p>{dialog.message}</p>
        </div>
      </Dialog>
    );
  }

  const { file } = dialog;
  return (
    <Dialog
      title={`Import ${file.fileName}`}
      onClose={files.closeImport}
      className="import-dialog"
      actions={
        <>
          {cancel}
          <button
            type="button"
            className="button primary"
            disabled={dialog.targetAccountId === null}
            onClick={files.planImport}
          >
            Plan import
          </button>
        </>
      }
    >
      <FileFacts file={file} />
      <ImportChoices
        file={file}
        targetAccountId={dialog.targetAccountId}
        section={dialog.section}
      />
      <RejectedRows file={file} />
      <p className="hint">Nothing is saved until you confirm the plan.</p>
    </Dialog>
  );
}

function FileFacts({ file }: { readonly file: ImportFileView }) {
  return (
    <dl className="import-facts" aria-label="About the file">
      <dt>File</dt>
      <dd>{file.fileName}</dd>
      <dt>Format</dt>
      <dd>{formatNames[file.format]}</dd>
      <dt>Rows</dt>
      <dd>{formatCount(file.rows)}</dd>
      {file.duplicates > 0 && (
        <>
          <dt>Duplicates</dt>
          <dd>{plural(file.duplicates, 'repeated track', 'repeated tracks')}, imported once</dd>
        </>
      )}
      <dt>Order</dt>
      <dd>{orderWords(file.hasDates)}</dd>
    </dl>
  );
}

function ImportChoices(props: {
  readonly file: ImportFileView;
  readonly targetAccountId: string | null;
  readonly section: number | null;
}) {
  const store = useStore();
  const { accounts } = useAppState();
  const targetId = useId();
  const sectionId = useId();
  const { sections } = props.file;
  return (
    <div className="import-choices">
      {sections.length > 1 && (
        <>
          <label htmlFor={sectionId}>Tracks to import</label>
          <select
            id={sectionId}
            className="import-select"
            value={props.section === null ? 'all' : String(props.section)}
            onChange={(event) =>
              store.files.chooseSection(
                event.target.value === 'all' ? null : Number(event.target.value),
              )
            }
          >
            <option value="all">All sections</option>
            {sections.map((section, index) => (
              <option key={index} value={String(index)}>
                {sectionName(section, index)} ({plural(section.tracks, 'track', 'tracks')})
              </option>
            ))}
          </select>
        </>
      )}
      <label htmlFor={targetId}>Save to</label>
      <select
        id={targetId}
        className="import-select"
        value={props.targetAccountId ?? ''}
        onChange={(event) => store.files.chooseTarget(event.target.value)}
      >
        {props.targetAccountId === null && (
          <option value="" disabled>
            Choose an account
          </option>
        )}
        {accounts.map((account) => (
          <option key={account.id} value={account.id}>
            {account.label}
          </option>
        ))}
      </select>
    </div>
  );
}

function RejectedRows({ file }: { readonly file: ImportFileView }) {
  const headingId = useId();
  if (file.rejectedCount === 0) return null;
  const more = file.rejectedCount - file.rejected.length;
  return (
    <section className="import-rejected" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {plural(file.rejectedCount, 'row cannot be imported', 'rows cannot be imported')}
      </h3>
      <ul>
        {file.rejected.map((row) => (
          <li key={row.line}>{rejectedLine(row)}</li>
        ))}
      </ul>
      {more > 0 && <p className="hint">And {plural(more, 'more row', 'more rows')}.</p>}
    </section>
  );
}
