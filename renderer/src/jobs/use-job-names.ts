// The names a job's words use for its accounts: each account's name today, else the name it had
// when the job was planned (an account removed since), so a renamed account reads as it is now.
import type { JobView } from '../app-contract.js';
import { useAppState } from '../state/app-store.js';
import type { JobNames } from './job-words.js';

export function useJobNames(
  sourceAccountId: string,
  targetAccountId: string,
  planned?: Pick<JobView, 'sourceLabel' | 'targetLabel'>,
): JobNames {
  const { accounts } = useAppState();
  const of = (accountId: string): string => {
    const current = accounts.find((account) => account.id === accountId)?.label;
    if (current !== undefined) return current;
    if (accountId === sourceAccountId && planned) return planned.sourceLabel;
    if (accountId === targetAccountId && planned) return planned.targetLabel;
    return 'a removed account';
  };
  return { source: of(sourceAccountId), target: of(targetAccountId), of };
}
