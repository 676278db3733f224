// What every browser run of the app shares — the end-to-end tests, the renderer benchmark and the
// harness CLI: a production build of the renderer, and Debian's Chromium with the flags that work
// without a desktop session: no sandbox as root, no GPU, no background network traffic.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

export const chromiumExecutable = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const chromiumArgs: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];

/**
 * Builds the renderer with Vite into `outDir` (default: dist/renderer). Vite's own output goes
 * to `output`: 'stderr' keeps stdout free for a report.
 */
export function buildRenderer(
  outDir?: string,
  output: 'inherit' | 'stderr' = 'inherit',
): { ok: true } | { ok: false; exitCode: number } {
  const args = ['node_modules/vite/bin/vite.js', 'build'];
  if (outDir !== undefined) args.push('--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn');
  const built = spawnSync(process.execPath, args, {
    cwd: projectRoot,
    stdio: output === 'inherit' ? 'inherit' : ['ignore', process.stderr, process.stderr],
  });
  return built.status === 0 ? { ok: true } : { ok: false, exitCode: built.status ?? 1 };
}
