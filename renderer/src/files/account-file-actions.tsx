// The account page's file actions: export its whole library (synced first when older than the
// setting) and import a file into it.
import type { AccountView } from '../app-contract.js';
import { ExportMenu } from './export-menu.js';
import { ImportButton } from './import-button.js';
import './files.css';

export function AccountFileActions({ account }: { readonly account: AccountView }) {
  return (
    <div className="file-actions" role="group" aria-label="Files">
      <ExportMenu
        label={`Export ${account.label}’s saved tracks`}
        what={() => ({
          sources: [{ kind: 'library', accountId: account.id }],
          title: account.label,
        })}
      >
        Export…
      </ExportMenu>
      <ImportButton targetAccountId={account.id} />
    </div>
  );
}
