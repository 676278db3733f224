// `npm run package:smoke`: the packaging smoke check, with a readable report. Validates
// electron-builder.yml with electron-builder's own schema, runs `npm run build` in a private copy
// of the checkout (so it never races another build of dist/), packages that for Linux
// (`--linux dir`) against a stand-in Electron folder in a temporary directory, then checks
// app.asar: the built main, preload and renderer are in, keytar's native module is unpacked, and
// no sources, source maps, tests, fake Spotify or development packages are. Finally it checks that
// keytar still loads in plain Node. Nothing is downloaded.
//
// What it does NOT prove: that the packaged app starts (the stand-in is not Electron), and the
// security fuses. A stand-in binary has no fuse wire, so the smoke run disables electronFuses; the
// fuses are flipped and checked only by a real `npm run dist` on a machine that can download
// Electron. The same check runs in CI as test/packaging/packaging-smoke.test.ts.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { loadBuilderConfig, validateBuilderConfig } from '../test/packaging/builder-config.js';
import {
  expectationsForProject,
  inspectPackagedApp,
} from '../test/packaging/packaged-app-inspection.js';
import { checkKeytarLoadsInPlainNode } from '../test/packaging/keytar-plain-node-check.js';
import { buildStagedApp } from '../test/packaging/staged-app-build.js';
import {
  packageWithStandInElectron,
  smokeOverrides,
} from '../test/packaging/stand-in-electron-package.js';

const projectDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

async function main(): Promise<number> {
  const workDir = await mkdtemp(path.join(os.tmpdir(), 'packaging-smoke-'));
  try {
    step('Validating electron-builder.yml against electron-builder’s schema');
    const config = await loadBuilderConfig(projectDir, 'electron-builder.yml');
    await validateBuilderConfig(config);

    step('Running npm run build in a private copy of the checkout');
    const appDir = path.join(workDir, 'app');
    await buildStagedApp(projectDir, appDir);

    step('Packaging for Linux (dir) with a stand-in Electron; overrides for this run only:');
    for (const override of smokeOverrides) console.log(`    - ${override}`);
    const { appOutDir } = await packageWithStandInElectron({
      projectDir,
      appDir,
      config,
      workDir,
    });

    step('Inspecting app.asar');
    const problems = inspectPackagedApp(
      appOutDir,
      await expectationsForProject(projectDir, config),
    );
    for (const problem of problems) console.log(`    ✗ ${problem.code}: ${problem.detail}`);

    step('Loading keytar in plain Node');
    await checkKeytarLoadsInPlainNode(projectDir);

    console.log('\nFuses: NOT verified here (stand-in binary); a real `npm run dist` flips them.');
    if (problems.length > 0) {
      console.error(
        `\nPackaging smoke check FAILED: ${problems.length} problem(s) in the package.`,
      );
      return 1;
    }
    console.log('Packaging smoke check passed.');
    return 0;
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

function step(title: string): void {
  console.log(`\n▸ ${title}`);
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const code = (error as { code?: unknown }).code;
    const message = error instanceof Error ? error.message : String(error);
    console.error(`\nPackaging smoke check FAILED${typeof code === 'string' ? ` (${code})` : ''}:`);
    console.error(message);
    process.exitCode = 1;
  },
);
