// Asserts that no secret string appears anywhere a raised error could carry it: its message, its
// stack, its serialised form, or the same for any error in its cause chain.
import { expect } from 'vitest';

export function expectNoSecretsIn(error: unknown, secrets: readonly string[]): void {
  const texts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current !== undefined && current !== null && depth < 10; depth += 1) {
    if (current instanceof Error) {
      texts.push(current.message, current.stack ?? '', JSON.stringify(current));
      current = current.cause;
    } else {
      texts.push(String(current));
      current = undefined;
    }
  }
  const all = texts.join('\n');
  for (const secret of secrets) {
    expect(secret.length).toBeGreaterThan(0);
    expect(all).not.toContain(secret);
  }
}
