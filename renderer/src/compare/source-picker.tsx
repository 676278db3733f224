// Where the compare view's selection is copied or moved from, beside its count in the selection
// bar: the filter's account, said in words, or (when the filter names none and several accounts
// hold the selected tracks) a small choice of those accounts with how many each holds.
import { formatCount } from '../format/formatters.js';
import type { AccountView } from '../app-contract.js';
import type { SourceChoice } from './use-compare-selection.js';

export interface SourcePickerProps {
  readonly source: AccountView;
  readonly fixed: boolean;
  readonly choices: readonly SourceChoice[];
  readonly onChoose: (accountId: string) => void;
}

export function SourcePicker({ source, fixed, choices, onChoose }: SourcePickerProps) {
  if (fixed || choices.length < 2) {
    return (
      <span className="selection-source" data-testid="selection-source">
        from <strong>{source.label}</strong>
      </span>
    );
  }
  return (
    <label className="selection-source">
      from{' '}
      <select
        className="filter-select"
        aria-label="Copy or move from which account"
        data-testid="selection-source"
        value={source.id}
        onChange={(event) => onChoose(event.target.value)}
      >
        {choices.map(({ account, held }) => (
          <option key={account.id} value={account.id}>
            {account.label} ({formatCount(held)})
          </option>
        ))}
      </select>
    </label>
  );
}
