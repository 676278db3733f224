// The numbers of a plan as a short list, largest news first: what will be added where, what is
// skipped and why, what will be removed from where, and the note that Spotify dates what is saved
// today while the order is kept.
import type { ReactNode } from 'react';

import type { JobPlanView } from '../app-contract.js';
import { formatCount, plural } from '../format/formatters.js';
import type { JobNames } from './job-words.js';

export function PlanFigures({ plan, names }: { readonly plan: JobPlanView; names: JobNames }) {
  const { source, target } = names;
  const lines: { key: string; text: ReactNode }[] = [];
  const count = (value: number) => <strong>{formatCount(value)}</strong>;
  if (plan.kind === 'copy' || plan.kind === 'move') {
    lines.push({
      key: 'add',
      text: (
        <>
          {count(plan.toAdd)} to add to {target}
        </>
      ),
    });
    if (plan.alreadyInTarget > 0) {
      lines.push({
        key: 'skip',
        text: (
          <>
            {count(plan.alreadyInTarget)} already in {target}: skipped
          </>
        ),
      });
    }
    if (plan.notCopyable > 0) {
      lines.push({
        key: 'local',
        text: (
          <>
            {count(plan.notCopyable)} {plan.notCopyable === 1 ? 'local file' : 'local files'}:
            cannot be copied
          </>
        ),
      });
    }
    if (plan.kind === 'move' && plan.toRemove > 0) {
      lines.push({
        key: 'remove',
        text: (
          <>
            Then removes {count(plan.toRemove)} from {source}: only tracks {target} is confirmed to
            have
          </>
        ),
      });
    }
  } else {
    if (plan.kind === 'undo_move' && plan.toAdd > 0) {
      lines.push({
        key: 'add',
        text: (
          <>
            Saves {count(plan.toAdd)} back to {source}
          </>
        ),
      });
    }
    if (plan.toRemove > 0) {
      lines.push({
        key: 'remove',
        text: (
          <>
            Removes {count(plan.toRemove)} from {target}: the tracks the{' '}
            {plan.kind === 'undo_move' ? 'move' : 'copy'} added
          </>
        ),
      });
    }
  }

  const copies = plan.kind === 'copy' || plan.kind === 'move';
  return (
    <>
      {copies && (
        <p>
          {plural(plan.selected, 'track', 'tracks')} selected in {source}:
        </p>
      )}
      <ul className="plan-figures">
        {lines.map((line) => (
          <li key={line.key}>{line.text}</li>
        ))}
      </ul>
      {plan.toAdd === 0 && plan.toRemove === 0 && (
        <p>
          {copies
            ? `Nothing to do: ${target} already has every track that can be copied.`
            : 'Nothing is left to undo.'}
        </p>
      )}
      {plan.toAdd > 0 && (
        <p className="hint">
          Spotify gives the tracks saved today’s date as “date added”. Their order is kept: they are
          saved oldest first, so the newest ends on top.
        </p>
      )}
    </>
  );
}
