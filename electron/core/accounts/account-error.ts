// Errors about the account list that the UI can explain: an unknown account, or an edit that does
// not fit the rules (nickname length, palette colour, order that is not a permutation).
import { AppError } from '../errors/app-error.js';

export type AccountErrorCode =
  | 'account_not_found'
  | 'invalid_account_key'
  | 'invalid_account_profile'
  | 'invalid_nickname'
  | 'invalid_colour'
  | 'invalid_account_order'
  | 'invalid_account_status';

export class AccountError extends AppError<AccountErrorCode> {}

export function accountNotFound(id: string): AccountError {
  return new AccountError('account_not_found', `No account with id ${JSON.stringify(id)}.`);
}
