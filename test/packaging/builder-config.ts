// Loads electron-builder.yml exactly as electron-builder does and checks it with electron-builder's
// own schema and rules, so a misspelt or misplaced option fails CI with electron-builder's message
// instead of being ignored or failing on a release machine. Boundary: configuration only; packaging
// is stand-in-electron-package.ts.
//
// app-builder-lib is electron-builder's engine (installed with it); its loader and validator are
// not re-exported by electron-builder, hence the deep import.
import type { Configuration } from 'app-builder-lib';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { DebugLogger } from 'builder-util';
import { access } from 'node:fs/promises';
import path from 'node:path';

import { AppError } from '../../electron/core/errors/app-error.js';

export type BuilderConfigErrorCode = 'PACKAGING_CONFIG_UNREADABLE' | 'PACKAGING_CONFIG_INVALID';

/** Reads and merges the config file (relative to projectDir or absolute), unvalidated. */
export async function loadBuilderConfig(
  projectDir: string,
  configFile: string,
): Promise<Configuration> {
  const configPath = path.resolve(projectDir, configFile);
  try {
    // electron-builder's loader falls back to package.json's "build" field when the file is
    // missing; a packaging check must not silently validate something else.
    await access(configPath);
    return await getConfig(projectDir, configPath, null);
  } catch (error) {
    throw new AppError<BuilderConfigErrorCode>(
      'PACKAGING_CONFIG_UNREADABLE',
      `Cannot read electron-builder config ${configPath}: ${messageOf(error)}`,
      { cause: error },
    );
  }
}

/** Throws PACKAGING_CONFIG_INVALID with electron-builder's own explanation of what is wrong. */
export async function validateBuilderConfig(config: Configuration): Promise<void> {
  try {
    await validateConfiguration(config, new DebugLogger(false));
  } catch (error) {
    throw new AppError<BuilderConfigErrorCode>('PACKAGING_CONFIG_INVALID', messageOf(error), {
      cause: error,
    });
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
