// Proves packaging left node_modules usable by plain Node: electron-builder can rebuild native
// modules for Electron in place, and the tests and the core load keytar in plain Node.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

import { AppError } from '../../electron/core/errors/app-error.js';
import { commandOutputTail } from './command-output-tail.js';

const execFileAsync = promisify(execFile);

export type KeytarCheckErrorCode = 'PACKAGING_KEYTAR_UNLOADABLE';

export async function checkKeytarLoadsInPlainNode(
  projectDir: string,
  timeoutMs = 20_000,
): Promise<void> {
  try {
    await execFileAsync(process.execPath, ['-e', "require('keytar')"], {
      cwd: projectDir,
      timeout: timeoutMs,
    });
  } catch (error) {
    throw new AppError<KeytarCheckErrorCode>(
      'PACKAGING_KEYTAR_UNLOADABLE',
      `keytar no longer loads in plain Node: ${commandOutputTail(error)}`,
      { cause: error },
    );
  }
}
