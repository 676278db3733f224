// Turns the core's stable error codes into sentences that say what happened and what to do: the
// one place the page's words for failures live. Codes not listed here fall back to the core's own
// message. The compiler refuses a code the app cannot send.
import { BridgeError } from '../bridge.js';
import type { FailureCode } from '../failure-code.js';

const unknownClientId =
  'Spotify does not recognise this Client ID. Copy it again from your app in the Spotify developer dashboard.';
const signInAgain = 'This account needs to be signed in again.';

const sentences: Readonly<Partial<Record<FailureCode, string>>> = {
  login_timeout: 'The sign-in took longer than 5 minutes, so it was stopped. Try again when ready.',
  login_port_in_use:
    'The fixed redirect port is used by another program. Choose another port in the advanced settings, or clear it to use a free one each time.',
  login_open_failed:
    'The login window could not be opened. Try again, or sign in with your browser.',
  invalid_client_id: unknownClientId,
  invalid_client: unknownClientId,
  client_id_missing: 'Enter your Client ID first: the setup screen shows where to find it.',
  not_allowlisted:
    "Spotify refused this account because it is not on your app's user list. Add it under User Management in the Spotify developer dashboard (at most 5 users in Development Mode).",
  premium_required: "Your Spotify app's owner needs a Premium subscription for the app to work.",
  network_error: 'Spotify could not be reached. Check your internet connection and try again.',
  server_error: 'Spotify is having trouble right now. Try again in a few minutes.',
  rate_limited: 'Spotify asked us to slow down. The app will carry on by itself shortly.',
  quota_exceeded: "Your Spotify app's request quota is used up for now. The app will resume later.",
  needs_sign_in: signInAgain,
  invalid_grant: signInAgain,
  harness_disconnected: 'The connection to the app was lost. Reconnecting…',
  bridge_failed: 'The app did not answer. Try again.',
  job_same_account:
    'The tracks are already in this account. Choose another account to copy or move them to.',
  job_empty_selection: 'Select at least one track to copy or move.',
  job_selection_stale:
    'The saved tracks changed since you selected these. Check the selection, then choose again.',
  job_plan_not_found:
    'This plan is no longer available: it was started already, or it waited too long. Plan it again.',
  job_not_found: 'This job is no longer in the list of recent jobs.',
  job_account_missing: 'One of the accounts of this job is no longer in the app.',
  job_not_undoable: 'This job cannot be undone: it changed nothing, or it has been undone already.',
  job_invalid_state:
    'This job cannot do that now: it has just changed state. Look at it again and retry.',
  missing_scope:
    "This account's sign-in does not allow changing its library. Sign in to it again, then retry.",
  export_selection_stale:
    'The saved tracks changed since this list was shown. Export again from the list as it is now.',
  export_account_missing: 'This account is no longer in the app.',
  export_empty:
    'There is nothing to export yet: this library has not been synced. Open the account to sync it, then export.',
  import_file_expired:
    'The file was read too long ago and is no longer held. Choose it again to import it.',
  // The other import_file_* and backup_* codes keep the core's message: it names the line and
  // column of the file, or the folder, which no fixed sentence could.
  demo_unavailable:
    'The demo cannot be started from here: only the desktop app, outside the demo, can start it.',
};

/** A sentence for a failure: the known explanation for its code, else its own message. */
export function errorSentence(error: unknown): string {
  if (error instanceof BridgeError) return sentenceFor(error.code, error.message);
  if (error instanceof Error && error.message) return error.message;
  return 'Something went wrong. Try again.';
}

export function sentenceFor(code: FailureCode, message: string): string {
  return sentences[code] ?? (message || 'Something went wrong. Try again.');
}
