// The packaging smoke check in CI: runs `npm run build` in a private copy of the checkout,
// packages that for Linux with electron-builder and a stand-in Electron (no download), and
// inspects the result. It does not prove that the app starts, nor the fuses (a stand-in binary
// has none): those need a real `npm run dist`.
import type { Configuration } from 'app-builder-lib';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { loadBuilderConfig, validateBuilderConfig } from './builder-config.js';
import { expectationsForProject, inspectPackagedApp } from './packaged-app-inspection.js';
import { checkKeytarLoadsInPlainNode } from './keytar-plain-node-check.js';
import { buildStagedApp } from './staged-app-build.js';
import { packageWithStandInElectron, type StandInPackage } from './stand-in-electron-package.js';

const projectDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
let workDir: string;
let config: Configuration;
let packaged: StandInPackage;

beforeAll(async () => {
  workDir = await mkdtemp(path.join(os.tmpdir(), 'packaging-smoke-'));
  config = await loadBuilderConfig(projectDir, 'electron-builder.yml');
  await validateBuilderConfig(config);
  const appDir = path.join(workDir, 'app');
  await buildStagedApp(projectDir, appDir);
  packaged = await packageWithStandInElectron({ projectDir, appDir, config, workDir });
}, 240_000);

afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
});

describe('packaging with electron-builder (stand-in Electron)', () => {
  it('packs exactly the built app, its manifest and production packages, with keytar unpacked', async () => {
    const expected = await expectationsForProject(projectDir, config);
    expect(inspectPackagedApp(packaged.appOutDir, expected)).toEqual([]);
  });

  it('leaves keytar loadable in plain Node afterwards', async () => {
    await expect(checkKeytarLoadsInPlainNode(projectDir)).resolves.toBeUndefined();
  });

  it('packages with the project config, changing only what a stand-in Electron cannot support', () => {
    const { electronDist, electronFuses, npmRebuild, directories, ...rest } = packaged.smokeConfig;
    const {
      electronFuses: projectFuses,
      npmRebuild: projectRebuild,
      directories: projectDirectories,
      ...projectRest
    } = config;
    expect(projectFuses).not.toBeNull();
    expect(projectRebuild).toBe(true);
    expect(rest).toEqual(projectRest);
    expect(electronDist).toBe(path.join(workDir, 'electron-stand-in'));
    expect(electronFuses).toBeNull();
    expect(npmRebuild).toBe(false);
    expect(directories).toEqual({ ...projectDirectories, output: path.join(workDir, 'out') });
  });
});
