// Builds the renderer once per run into a directory of its own (so a build for the end-to-end
// tests never races another build of dist/renderer) and tells the test files where it is.
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buildRenderer } from '../../../demo/harness/browser-setup.js';

export const rendererDirVariable = 'HARNESS_E2E_RENDERER_DIR';

export default async function globalSetup(): Promise<void> {
  const outDir = await mkdtemp(path.join(os.tmpdir(), 'e2e-renderer-'));
  const built = buildRenderer(outDir);
  if (!built.ok) throw new Error(`vite build failed (exit ${built.exitCode}).`);
  process.env[rendererDirVariable] = outDir;
}
