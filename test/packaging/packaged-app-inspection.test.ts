import * as asar from '@electron/asar';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  expectationsForProject,
  inspectPackagedApp,
  type PackagedAppExpectations,
} from './packaged-app-inspection.js';

let scratch: string;
let fixtureCount = 0;

beforeAll(async () => {
  scratch = await mkdtemp(path.join(os.tmpdir(), 'packaged-app-inspection-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

const expected: PackagedAppExpectations = {
  executableName: 'example-app',
  requiredFiles: [
    'dist/electron/main.js',
    'dist/electron/preload.cjs',
    'dist/renderer/index.html',
    'package.json',
  ],
  unpackedFiles: ['node_modules/keytar/build/Release/keytar.node'],
  topLevel: ['dist', 'node_modules', 'package.json'],
  devOnlyPackages: new Set(['vitest', 'electron', '@scope/dev-tool']),
  manifestFields: { main: 'dist/electron/main.js', desktopName: 'example-app.desktop' },
  manifestAbsentFields: ['scripts', 'devDependencies'],
};

const goodManifest = JSON.stringify({
  name: 'example',
  main: 'dist/electron/main.js',
  desktopName: 'example-app.desktop',
});

const goodApp: Record<string, string> = {
  'dist/electron/main.js': 'import "./core/index.js";',
  'dist/electron/core/index.js': 'export {};',
  'dist/electron/preload.cjs': '"use strict";',
  'dist/renderer/index.html': '<!doctype html>',
  'package.json': goodManifest,
  'node_modules/keytar/build/Release/keytar.node': 'binary',
  'node_modules/keytar/lib/keytar.js': 'module.exports = {};',
  'node_modules/zod/index.js': 'module.exports = {};',
};

/** Writes an unpacked app folder the way electron-builder lays it out on Linux. */
async function packagedApp(
  files: Record<string, string>,
  options: { unpack?: string; executable?: boolean } = {},
): Promise<string> {
  fixtureCount += 1;
  const source = path.join(scratch, `source-${fixtureCount}`);
  const appOutDir = path.join(scratch, `app-${fixtureCount}`);
  for (const [file, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(source, file)), { recursive: true });
    await writeFile(path.join(source, file), content);
  }
  await mkdir(path.join(appOutDir, 'resources'), { recursive: true });
  if (options.executable ?? true) await writeFile(path.join(appOutDir, 'example-app'), '');
  const archive = path.join(appOutDir, 'resources', 'app.asar');
  await asar.createPackageWithOptions(source, archive, { unpack: options.unpack ?? '*.node' });
  return appOutDir;
}

describe('inspectPackagedApp', () => {
  it('finds nothing wrong with exactly the built app, its manifest and production packages', async () => {
    expect(inspectPackagedApp(await packagedApp(goodApp), expected)).toEqual([]);
  });

  it('reports each missing built file and a missing executable', async () => {
    const files = { ...goodApp };
    delete files['dist/electron/preload.cjs'];
    delete files['dist/renderer/index.html'];
    const appOutDir = await packagedApp(files, { executable: false });
    expect(inspectPackagedApp(appOutDir, expected)).toEqual([
      { code: 'MISSING_EXECUTABLE', detail: 'example-app' },
      { code: 'MISSING_FILE', detail: 'dist/electron/preload.cjs' },
      { code: 'MISSING_FILE', detail: 'dist/renderer/index.html' },
    ]);
  });

  it('reports a package without app.asar', async () => {
    const appOutDir = path.join(scratch, 'no-asar');
    await mkdir(path.join(appOutDir, 'resources'), { recursive: true });
    await writeFile(path.join(appOutDir, 'example-app'), '');
    expect(inspectPackagedApp(appOutDir, expected).map((problem) => problem.code)).toEqual([
      'MISSING_ASAR',
    ]);
  });

  it('reports a native module packed inside app.asar, where the OS cannot load it', async () => {
    const appOutDir = await packagedApp(goodApp, { unpack: 'nothing-matches' });
    expect(inspectPackagedApp(appOutDir, expected)).toEqual([
      { code: 'NOT_UNPACKED', detail: 'node_modules/keytar/build/Release/keytar.node' },
    ]);
  });

  it('reports sources, source maps, tests and the fake Spotify', async () => {
    const appOutDir = await packagedApp({
      ...goodApp,
      'electron/main.ts': 'export {};',
      'dist/electron/main.js.map': '{}',
      'dist/electron/login-flow.test.js': '',
      'test/fake-spotify/server.js': '',
      'node_modules/some-lib/src/index.tsx': '',
    });
    expect(inspectPackagedApp(appOutDir, expected)).toEqual(
      expect.arrayContaining([
        { code: 'UNEXPECTED_TOP_LEVEL', detail: 'electron' },
        { code: 'UNEXPECTED_TOP_LEVEL', detail: 'test' },
        { code: 'SOURCE_FILE', detail: 'electron/main.ts' },
        { code: 'SOURCE_FILE', detail: 'node_modules/some-lib/src/index.tsx' },
        { code: 'SOURCE_MAP', detail: 'dist/electron/main.js.map' },
        { code: 'TEST_FILE', detail: 'dist/electron/login-flow.test.js' },
        { code: 'TEST_FILE', detail: 'test/fake-spotify/server.js' },
      ]),
    );
  });

  it('reports development packages, hoisted or nested, once each', async () => {
    const appOutDir = await packagedApp({
      ...goodApp,
      'node_modules/vitest/package.json': '{}',
      'node_modules/vitest/dist/index.js': '',
      'node_modules/zod/node_modules/@scope/dev-tool/index.js': '',
    });
    expect(inspectPackagedApp(appOutDir, expected)).toEqual([
      { code: 'DEV_DEPENDENCY', detail: 'vitest' },
      { code: 'DEV_DEPENDENCY', detail: '@scope/dev-tool' },
    ]);
  });

  it('reports a manifest that points Electron elsewhere or keeps development fields', async () => {
    const manifest = { name: 'example', main: 'main.js', scripts: { start: 'electron .' } };
    const appOutDir = await packagedApp({ ...goodApp, 'package.json': JSON.stringify(manifest) });
    expect(inspectPackagedApp(appOutDir, expected)).toEqual([
      { code: 'BAD_MANIFEST', detail: 'main is "main.js", expected "dist/electron/main.js"' },
      {
        code: 'BAD_MANIFEST',
        detail: 'desktopName is undefined, expected "example-app.desktop"',
      },
      { code: 'BAD_MANIFEST', detail: 'scripts is present' },
    ]);
  });
});

describe('expectationsForProject', () => {
  it('forbids packages npm installed only for development, not those production also uses', async () => {
    const projectDir = path.join(scratch, 'project');
    await mkdir(projectDir, { recursive: true });
    await writeFile(
      path.join(projectDir, 'package.json'),
      JSON.stringify({ main: 'dist/electron/main.js', devDependencies: { vite: '8.0.0' } }),
    );
    await writeFile(
      path.join(projectDir, 'package-lock.json'),
      JSON.stringify({
        packages: {
          '': {},
          'node_modules/vite': { dev: true },
          'node_modules/esbuild': { dev: true },
          'node_modules/semver': { dev: true },
          'node_modules/keytar/node_modules/semver': {},
          'node_modules/keytar': {},
        },
      }),
    );
    const expectations = await expectationsForProject(projectDir, {
      linux: { executableName: 'example-app' },
      extraMetadata: { desktopName: 'example-app.desktop' },
    });
    expect([...expectations.devOnlyPackages].sort()).toEqual(['esbuild', 'vite']);
    expect(expectations.executableName).toBe('example-app');
    expect(expectations.manifestFields).toEqual({
      main: 'dist/electron/main.js',
      desktopName: 'example-app.desktop',
    });
  });
});
