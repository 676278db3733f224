// The numbers of a plan as a short list, each count beside what it counts: what will be added
// where, what is skipped and why, what will be removed from where; and the note that Spotify
// dates what is saved today while the order is kept (DateNote).
import type { ReactNode } from 'react';

import type { JobPlanView } from '../app-contract.js';
import { formatCount, plural } from '../format/formatters.js';
import type { JobNames } from './job-words.js';

interface Line {
  readonly key: string;
  readonly count: number;
  readonly text: ReactNode;
}

/** Jobs that add tracks from a source (an account, or an import's file) to the target. */
function addsFromSource(plan: JobPlanView): boolean {
  return plan.kind === 'copy' || plan.kind === 'move' || plan.kind === 'import';
}

function linesOf(plan: JobPlanView, { source, target }: JobNames): Line[] {
  const lines: Line[] = [];
  if (addsFromSource(plan)) {
    lines.push({ key: 'add', count: plan.toAdd, text: <>to add to {target}</> });
    if (plan.alreadyInTarget > 0) {
      lines.push({
        key: 'skip',
        count: plan.alreadyInTarget,
        text: <>already in {target}: skipped</>,
      });
    }
    if (plan.notCopyable > 0) {
      lines.push({
        key: 'local',
        count: plan.notCopyable,
        text: <>{plan.notCopyable === 1 ? 'local file' : 'local files'}: cannot be copied</>,
      });
    }
    if (plan.kind === 'move' && plan.toRemove > 0) {
      lines.push({
        key: 'remove',
        count: plan.toRemove,
        text: (
          <>
            then removed from {source}: only tracks {target} is confirmed to have
          </>
        ),
      });
    }
    return lines;
  }
  if (plan.kind === 'undo_move' && plan.toAdd > 0) {
    lines.push({ key: 'add', count: plan.toAdd, text: <>to save back to {source}</> });
  }
  if (plan.toRemove > 0) {
    const job =
      plan.kind === 'undo_move' ? 'move' : plan.kind === 'undo_import' ? 'import' : 'copy';
    lines.push({
      key: 'remove',
      count: plan.toRemove,
      text: (
        <>
          to remove from {target}: the tracks the {job} added
        </>
      ),
    });
  }
  return lines;
}

export function PlanFigures({ plan, names }: { readonly plan: JobPlanView; names: JobNames }) {
  const copies = addsFromSource(plan);
  return (
    <>
      {copies && (
        <p>
          {plan.kind === 'import'
            ? `${plural(plan.selected, 'track', 'tracks')} in ${plan.fileName ?? 'the file'}:`
            : `${plural(plan.selected, 'track', 'tracks')} selected in ${names.source}:`}
        </p>
      )}
      <ul className="plan-figures">
        {linesOf(plan, names).map((line) => (
          <li key={line.key}>
            <strong>{formatCount(line.count)}</strong> <span>{line.text}</span>
          </li>
        ))}
      </ul>
      {plan.toAdd === 0 && plan.toRemove === 0 && (
        <p>
          {copies
            ? `Nothing to do: ${names.target} already has every track that can be copied.`
            : 'Nothing is left to undo.'}
        </p>
      )}
    </>
  );
}

/** Said wherever tracks are saved: Spotify's "date added" is today, the order is kept. */
export function DateNote() {
  return (
    <p className="hint">
      Spotify gives the tracks saved today’s date as “date added”. Their order is kept: they are
      saved oldest first, so the newest ends on top.
    </p>
  );
}
