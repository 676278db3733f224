// The last lines of what a child process said: npm, vite, tsc and electron-builder put the actual
// error there, after their progress lines.
export function outputTail(text: string, lines = 30): string {
  return text.trimEnd().split('\n').slice(-lines).join('\n');
}

/** For a failed execFile: its message (exit code or signal) and whatever it printed. */
export function commandOutputTail(error: unknown, lines = 30): string {
  const failure = error as { stdout?: unknown; stderr?: unknown; message?: unknown };
  const text = [failure.message, failure.stderr, failure.stdout]
    .filter((part): part is string => typeof part === 'string' && part.length > 0)
    .join('\n');
  return outputTail(text, lines);
}
