import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { AppError } from '../../electron/core/errors/app-error.js';
import { loadBuilderConfig } from './builder-config.js';
import { packageWithStandInElectron } from './stand-in-electron-package.js';

const projectDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
let workDir: string;

beforeAll(async () => {
  workDir = await mkdtemp(path.join(os.tmpdir(), 'stand-in-package-'));
});
afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
});

describe('packageWithStandInElectron', () => {
  it('fails with electron-builder’s own explanation when the app entry file was never built', async () => {
    const appDir = path.join(workDir, 'unbuilt-app');
    await mkdir(appDir);
    await writeFile(
      path.join(appDir, 'package.json'),
      JSON.stringify({ name: 'unbuilt', version: '1.0.0', main: 'dist/electron/main.js' }),
    );
    await symlink(path.join(projectDir, 'node_modules'), path.join(appDir, 'node_modules'), 'dir');
    const config = await loadBuilderConfig(projectDir, 'electron-builder.yml');

    const error = await packageWithStandInElectron({ projectDir, appDir, config, workDir }).then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('PACKAGING_BUILD_FAILED');
    expect((error as AppError).message).toContain(
      '"dist/electron/main.js" was not found in this archive',
    );
  });
});
