// Runs one of the project's TypeScript command-line tools as a person would (a separate Node
// process through tsx, from the repository root) and collects what it prints, for CLI tests.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const tsx = fileURLToPath(new URL('../../node_modules/tsx/dist/cli.mjs', import.meta.url));

/** Starts `script` (a path from the repository root) with `args`. */
export function startCli(script: string, args: readonly string[]) {
  const child = spawn(process.execPath, [tsx, script, ...args], { cwd: repoRoot });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  return { child, exited, output: () => ({ stdout, stderr }) };
}

/** Polls `predicate` until it holds, or fails after `timeoutMs`. */
export async function waitUntil(predicate: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error('timed out waiting for the CLI');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
