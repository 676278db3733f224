// Builds the renderer once per run into a directory of its own (so a build for the end-to-end
// tests never races another build of dist/renderer) and tells the test files where it is.
import { spawnSync } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const rendererDirVariable = 'HARNESS_E2E_RENDERER_DIR';

export default async function globalSetup(): Promise<void> {
  const projectRoot = fileURLToPath(new URL('../../../', import.meta.url));
  const outDir = await mkdtemp(path.join(os.tmpdir(), 'e2e-renderer-'));
  const built = spawnSync(
    process.execPath,
    [
      'node_modules/vite/bin/vite.js',
      'build',
      '--outDir',
      outDir,
      '--emptyOutDir',
      '--logLevel',
      'warn',
    ],
    { cwd: projectRoot, stdio: 'inherit' },
  );
  if (built.status !== 0) throw new Error(`vite build failed (exit ${built.status ?? 'signal'}).`);
  process.env[rendererDirVariable] = outDir;
}
