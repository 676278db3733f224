// The plan dialog: what a copy, move, import or undo will do before anything is written. While
// the core plans (it may sync both libraries first) a spinner; then the numbers (to add, already
// there, local files, removals, requests and time), the note about Spotify's "date added", and
// Confirm.
// An account whose sign-in cannot change its library gets a "Sign in again" button instead, and
// a plan that failed says why in a sentence. Shown over any page: the app renders it once.
import { useSyncExternalStore } from 'react';

import type { JobKind, JobPlanView, MissingScopeView } from '../app-contract.js';
import { Dialog } from '../common/dialog.js';
import { formatAbout, plural } from '../format/formatters.js';
import { useAppState, useStore } from '../state/app-store.js';
import type { PlanDialogState, PlanOrigin } from '../state/job-store.js';
import { DateNote, PlanFigures } from './plan-figures.js';
import { useJobNames } from './use-job-names.js';
import '../banners/banner.css';
import '../common/spinner.css';
import './plan-dialog.css';

export function PlanDialogHost() {
  const store = useStore();
  const { plan } = useSyncExternalStore(store.jobs.subscribe, store.jobs.getState);
  return plan === null ? null : <PlanDialog dialog={plan} />;
}

// A plan that failed for these reasons fails again as it is: the person must choose anew.
const finalCodes = new Set([
  'job_same_account',
  'job_empty_selection',
  'job_selection_stale',
  'job_not_undoable',
  'job_account_missing',
]);

function PlanDialog({ dialog }: { readonly dialog: PlanDialogState }) {
  const store = useStore();
  const jobs = store.jobs;
  const { kind, sourceAccountId, targetAccountId, fileName } = useOrigin(dialog.origin);
  const names = useJobNames(sourceAccountId, targetAccountId);
  const plan = dialog.phase === 'ready' || dialog.phase === 'starting' ? dialog.plan : null;
  const title = {
    copy: `Copy to ${names.target}`,
    move: `Move to ${names.target}`,
    import: `Import ${plan?.fileName ?? fileName ?? 'the file'} to ${names.target}`,
    undo_copy: `Undo the copy to ${names.target}`,
    undo_move: `Undo the move to ${names.target}`,
    undo_import: `Undo the import to ${names.target}`,
  }[plan?.kind ?? kind];
  // An import reads no source account: only the target's saved tracks are checked.
  const checking =
    sourceAccountId === targetAccountId ? names.target : `${names.source} and ${names.target}`;

  const cancel = (
    <button type="button" className="button secondary" onClick={jobs.closePlan}>
      {plan !== null && nothingToDo(plan) ? 'Close' : 'Cancel'}
    </button>
  );
  let actions = cancel;
  if (dialog.phase === 'failed' && !finalCodes.has(dialog.error.code)) {
    actions = (
      <>
        {cancel}
        <button type="button" className="button primary" onClick={jobs.replan}>
          Plan again
        </button>
      </>
    );
  } else if (plan !== null && plan.missingScopes.length === 0 && !nothingToDo(plan)) {
    actions = (
      <>
        {cancel}
        <button
          type="button"
          className="button primary"
          disabled={dialog.phase === 'starting'}
          onClick={() => void jobs.confirmPlan()}
        >
          {dialog.phase === 'starting' ? 'Starting…' : confirmLabel(plan)}
        </button>
      </>
    );
  }

  return (
    <Dialog title={title} onClose={jobs.closePlan} actions={actions} className="plan-dialog">
      {dialog.phase === 'planning' && (
        <div className="plan-planning" role="status">
          <span className="spinner" aria-hidden="true" />
          Checking the saved tracks of {checking}…
        </div>
      )}
      {dialog.phase === 'failed' && (
        <p className="plan-error" role="alert" data-error-code={dialog.error.code}>
          {dialog.error.message}
        </p>
      )}
      {plan !== null && (
        <>
          <PlanFigures plan={plan} names={names} />
          {dialog.origin.kind === 'selection' && dialog.origin.leftOut !== null && (
            <p className="hint" data-testid="plan-left-out">
              {dialog.origin.leftOut}: they are not part of this {kind === 'move' ? 'move' : 'copy'}
              .
            </p>
          )}
          {plan.missingScopes.length > 0 && (
            <MissingScopes missing={plan.missingScopes} nameOf={names.of} />
          )}
          {plan.toAdd > 0 && <DateNote />}
          {plan.missingScopes.length === 0 && !nothingToDo(plan) && (
            <p className="hint">
              Takes {formatAbout(plan.estimatedSeconds)}:{' '}
              {plural(plan.writeRequests, 'request', 'requests')} to Spotify, one after another.
            </p>
          )}
        </>
      )}
    </Dialog>
  );
}

interface OriginFacts {
  readonly kind: JobKind;
  readonly sourceAccountId: string;
  readonly targetAccountId: string;
  /** An import's file, or the file of the import an undo undoes; null for other jobs. */
  readonly fileName: string | null;
}

/** The kind and accounts of the dialog's job, known before the plan is. */
function useOrigin(origin: PlanOrigin): OriginFacts {
  const store = useStore();
  const { jobs } = useSyncExternalStore(store.jobs.subscribe, store.jobs.getState);
  switch (origin.kind) {
    case 'selection': {
      const { request } = origin;
      return {
        kind: request.kind,
        sourceAccountId: request.selection.accountId,
        targetAccountId: request.targetAccountId,
        fileName: null,
      };
    }
    case 'import':
      // The file is the source: the job's accounts are the target alone, as the core plans it.
      return {
        kind: 'import',
        sourceAccountId: origin.request.targetAccountId,
        targetAccountId: origin.request.targetAccountId,
        fileName: origin.fileName,
      };
    case 'undo': {
      const job = jobs.find((item) => item.id === origin.jobId);
      return {
        kind: undoKindOf(job?.kind),
        sourceAccountId: job?.sourceAccountId ?? '',
        targetAccountId: job?.targetAccountId ?? '',
        fileName: job?.kind === 'import' ? job.sourceLabel : null,
      };
    }
  }
}

function undoKindOf(kind: JobKind | undefined): JobKind {
  if (kind === 'move') return 'undo_move';
  if (kind === 'import') return 'undo_import';
  return 'undo_copy';
}

function nothingToDo(plan: JobPlanView): boolean {
  return plan.toAdd === 0 && plan.toRemove === 0;
}

function confirmLabel(plan: JobPlanView): string {
  switch (plan.kind) {
    case 'copy':
      return `Copy ${plural(plan.toAdd, 'track', 'tracks')}`;
    case 'move':
      return `Move ${plural(plan.toAdd + plan.alreadyInTarget, 'track', 'tracks')}`;
    case 'import':
      return `Import ${plural(plan.toAdd, 'track', 'tracks')}`;
    case 'undo_copy':
    case 'undo_move':
    case 'undo_import':
      return 'Undo';
  }
}

/** Accounts that must sign in again before the job can write: nothing has been written. */
function MissingScopes(props: {
  readonly missing: readonly MissingScopeView[];
  readonly nameOf: (accountId: string) => string;
}) {
  const store = useStore();
  const { login } = useAppState();
  const waiting = login.phase === 'waiting';
  const accountIds = [...new Set(props.missing.map((item) => item.accountId))];
  return (
    <div className="banner warning plan-scopes" role="alert">
      {accountIds.map((accountId) => {
        const name = props.nameOf(accountId);
        const reads = props.missing.some(
          (item) => item.accountId === accountId && item.scope === 'user-library-read',
        );
        return (
          <div key={accountId} className="plan-scope">
            <p>
              {name}’s sign-in does not allow {reads ? 'reading' : 'changing'} its library. Sign in
              to {name} again to go on; nothing has been written.
            </p>
            {waiting ? (
              // The login banner and its Cancel are behind this dialog: both are offered here.
              <div className="plan-waiting">
                <span role="status">Waiting for the sign-in in the login window…</span>
                <button
                  type="button"
                  className="button secondary"
                  onClick={() => void store.cancelLogins()}
                >
                  Cancel the sign-in
                </button>
              </div>
            ) : (
              <button
                type="button"
                className="button secondary"
                onClick={() => {
                  // The dialog stays: once signed in, the same job is planned again.
                  void store.addAccount({ stay: true }).then(() => store.jobs.replan());
                }}
              >
                Sign in to {name} again
              </button>
            )}
          </div>
        );
      })}
    </div>
  );
}
