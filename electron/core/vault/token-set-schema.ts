// The shape a TokenSet must have to be stored or trusted after reading it back from the keychain.
// Other processes (or older versions of the app) may have written the entry, so it is checked
// rather than assumed.
import { z } from 'zod';
import type { TokenSet } from '../auth/token-set.js';
import { clientIdPattern } from '../settings/setting-rules.js';

const epochMs = z.number().int().nonnegative();

export const tokenSetSchema = z.object({
  accessToken: z.string().min(1),
  refreshToken: z.string().min(1),
  expiresAt: epochMs,
  scope: z.string(),
  authorizedAt: epochMs,
  clientId: z.string().regex(clientIdPattern).optional(),
}) satisfies z.ZodType<TokenSet>;

/**
 * Where a value fails the schema, without the values themselves: the issues name fields only, so
 * the result is safe to put in an error message.
 */
export function describeTokenSetProblems(value: unknown): string | null {
  const result = tokenSetSchema.safeParse(value);
  if (result.success) return null;
  const fields = result.error.issues.map((issue) => issue.path.join('.') || '(entry)');
  return [...new Set(fields)].join(', ');
}
