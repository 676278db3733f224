// Tells apart the three reasons a Development Mode app gets HTTP 403, so the UI can say exactly
// what to fix. Spotify gives no machine-readable code for them: the status is the same and the
// body is sometimes plain text. This is therefore the one place in the app where we match message
// text; everywhere else we branch on statuses and OAuth `error` codes only.

export type ForbiddenReason = 'not_allowlisted' | 'premium_required' | 'forbidden';

export const forbiddenExplanations: Readonly<Record<ForbiddenReason, string>> = {
  not_allowlisted:
    "This Spotify account is not on your Spotify app's allowlist. Add it under User Management in " +
    'the Spotify developer dashboard (Development Mode allows 5 users).',
  premium_required: 'The owner of your Spotify app needs an active Premium subscription.',
  forbidden:
    'Spotify refused this request for this account (HTTP 403). Signing in again will not help.',
};

// Phrases seen in Spotify's 403 bodies; lower-case, matched as substrings of the message.
const notAllowlistedPhrases = [
  'not registered',
  'not be registered',
  'allowlist',
  'allow list',
  'whitelist',
];
const premiumPhrases = ['premium'];

/** Classifies a 403 response body, JSON (`{"error":{"status":403,"message":…}}`) or plain text. */
export function forbiddenReason(body: string): ForbiddenReason {
  const text = forbiddenMessage(body).toLowerCase();
  if (notAllowlistedPhrases.some((phrase) => text.includes(phrase))) return 'not_allowlisted';
  if (premiumPhrases.some((phrase) => text.includes(phrase))) return 'premium_required';
  return 'forbidden';
}

function forbiddenMessage(body: string): string {
  try {
    const parsed: unknown = JSON.parse(body);
    const message = messageOf(parsed);
    if (message !== null) return message;
  } catch {
    // Not JSON: Spotify sends some 403s as plain text, which is the message itself.
  }
  return body;
}

function messageOf(parsed: unknown): string | null {
  if (typeof parsed !== 'object' || parsed === null) return null;
  const error = (parsed as { error?: unknown }).error;
  if (typeof error === 'string') return error;
  if (typeof error === 'object' && error !== null) {
    const message = (error as { message?: unknown }).message;
    if (typeof message === 'string') return message;
  }
  return null;
}
