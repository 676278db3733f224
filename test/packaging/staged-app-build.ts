// Runs the project's own `npm run build` in a private copy of the checkout (sources and configs
// copied, node_modules/ linked), so packaging never races another build of the shared dist/ in
// the same checkout, and whatever `npm run build` does today is what gets packaged.
// Boundary: produces a packageable project folder; packaging it is stand-in-electron-package.ts.
import { execFile } from 'node:child_process';
import { cp, symlink } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

import { AppError } from '../../electron/core/errors/app-error.js';
import { commandOutputTail } from './command-output-tail.js';

const execFileAsync = promisify(execFile);

export type StagedBuildErrorCode = 'PACKAGING_APP_BUILD_FAILED';

/** Build outputs, installs and tool state: never copied into the stage. */
const notCopied = new Set(['node_modules', 'dist', 'release', 'test-results', '.git']);

export async function buildStagedApp(
  projectDir: string,
  stageDir: string,
  timeoutMs = 180_000,
): Promise<void> {
  await cp(projectDir, stageDir, {
    recursive: true,
    filter: (source) => !notCopied.has(path.basename(source)),
  });
  await symlink(path.join(projectDir, 'node_modules'), path.join(stageDir, 'node_modules'), 'dir');

  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  try {
    await execFileAsync(npm, ['run', 'build'], {
      cwd: stageDir,
      timeout: timeoutMs,
      maxBuffer: 16 * 1024 * 1024,
    });
  } catch (error) {
    throw new AppError<StagedBuildErrorCode>(
      'PACKAGING_APP_BUILD_FAILED',
      `npm run build failed: ${commandOutputTail(error)}`,
      { cause: error },
    );
  }
}
