// Looks inside a packaged app folder (resources/app.asar and app.asar.unpacked) and lists every way
// it differs from what we ship: missing built files, a native module left inside the archive,
// sources, source maps, tests, the fake Spotify, development-only packages, a wrong manifest.
// Boundary: reads a finished package; it never builds one (stand-in-electron-package.ts does).
import * as asar from '@electron/asar';
import type { Configuration } from 'app-builder-lib';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

export type PackagingProblemCode =
  | 'MISSING_EXECUTABLE'
  | 'MISSING_ASAR'
  | 'MISSING_FILE'
  | 'NOT_UNPACKED'
  | 'UNEXPECTED_TOP_LEVEL'
  | 'SOURCE_FILE'
  | 'SOURCE_MAP'
  | 'TEST_FILE'
  | 'DEV_DEPENDENCY'
  | 'BAD_MANIFEST';

export interface PackagingProblem {
  code: PackagingProblemCode;
  detail: string;
}

export interface PackagedAppExpectations {
  /** The Linux executable electron-builder renames the Electron binary to. */
  executableName: string;
  /** Paths inside app.asar (no leading slash) that must be there. */
  requiredFiles: readonly string[];
  /** Paths inside app.asar that must be marked unpacked and exist in app.asar.unpacked. */
  unpackedFiles: readonly string[];
  /** The only names allowed at the top of app.asar. */
  topLevel: readonly string[];
  /** Package names that only development needs (none may be packed). */
  devOnlyPackages: ReadonlySet<string>;
  /** Fields the packaged package.json must carry, with their values. */
  manifestFields: Readonly<Record<string, string>>;
  /** Fields the packaged package.json must not carry. */
  manifestAbsentFields: readonly string[];
}

const sourceFile = /\.(ts|tsx|mts|cts)$/;
const testFile = /\.(test|spec)\.[cm]?[jt]sx?$/;
const packageInPath = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)/g;

/** What this project ships, from its package.json, package-lock.json and builder config. */
export async function expectationsForProject(
  projectDir: string,
  config: Configuration,
): Promise<PackagedAppExpectations> {
  const manifest = JSON.parse(await readFile(path.join(projectDir, 'package.json'), 'utf8')) as {
    main?: string;
    devDependencies?: Record<string, string>;
  };
  const main = manifest.main ?? 'index.js';
  const desktopName = (config.extraMetadata as { desktopName?: unknown } | undefined)?.desktopName;
  return {
    executableName: config.linux?.executableName ?? config.executableName ?? 'electron',
    requiredFiles: [main, 'dist/electron/preload.cjs', 'dist/renderer/index.html', 'package.json'],
    unpackedFiles: ['node_modules/keytar/build/Release/keytar.node'],
    topLevel: ['dist', 'node_modules', 'package.json'],
    devOnlyPackages: new Set([
      ...Object.keys(manifest.devDependencies ?? {}),
      ...(await devOnlyPackagesInLockfile(projectDir)),
    ]),
    manifestFields: {
      main,
      ...(typeof desktopName === 'string' ? { desktopName } : {}),
    },
    manifestAbsentFields: ['scripts', 'devDependencies'],
  };
}

/** Names npm installed only for development (every copy of them is marked `dev`). */
async function devOnlyPackagesInLockfile(projectDir: string): Promise<string[]> {
  const lockPath = path.join(projectDir, 'package-lock.json');
  if (!existsSync(lockPath)) return [];
  const lock = JSON.parse(await readFile(lockPath, 'utf8')) as {
    packages?: Record<string, { dev?: boolean }>;
  };
  const devByName = new Map<string, boolean>();
  for (const [location, entry] of Object.entries(lock.packages ?? {})) {
    const at = location.lastIndexOf('node_modules/');
    if (at < 0) continue;
    const name = location.slice(at + 'node_modules/'.length);
    devByName.set(name, (devByName.get(name) ?? true) && entry.dev === true);
  }
  return [...devByName].filter(([, devOnly]) => devOnly).map(([name]) => name);
}

export function inspectPackagedApp(
  appOutDir: string,
  expected: PackagedAppExpectations,
): PackagingProblem[] {
  const problems: PackagingProblem[] = [];
  const report = (code: PackagingProblemCode, detail: string): void => {
    problems.push({ code, detail });
  };

  if (!existsSync(path.join(appOutDir, expected.executableName))) {
    report('MISSING_EXECUTABLE', expected.executableName);
  }
  const archive = path.join(appOutDir, 'resources', 'app.asar');
  if (!existsSync(archive)) {
    report('MISSING_ASAR', archive);
    return problems;
  }
  // @electron/asar caches headers by path; a rebuilt archive at the same path must be re-read.
  asar.uncache(archive);
  // listPackage answers with a leading separator; compare without it.
  const entries = asar.listPackage(archive, { isPack: false }).map((entry) => entry.slice(1));
  const present = new Set(entries);

  for (const file of expected.requiredFiles) {
    if (!present.has(file)) report('MISSING_FILE', file);
  }
  for (const file of expected.unpackedFiles) {
    const inArchive = present.has(file) && isMarkedUnpacked(archive, file);
    if (!inArchive || !existsSync(path.join(`${archive}.unpacked`, file))) {
      report('NOT_UNPACKED', file);
    }
  }
  for (const name of new Set(entries.map((entry) => entry.split('/')[0] ?? ''))) {
    if (!expected.topLevel.includes(name)) report('UNEXPECTED_TOP_LEVEL', name);
  }

  const devPackagesFound = new Set<string>();
  for (const entry of entries) {
    if (sourceFile.test(entry)) report('SOURCE_FILE', entry);
    if (entry.endsWith('.map')) report('SOURCE_MAP', entry);
    const ours = !entry.startsWith('node_modules/');
    if (entry.split('/').includes('fake-spotify') || (ours && testFile.test(entry))) {
      report('TEST_FILE', entry);
    }
    for (const match of entry.matchAll(packageInPath)) {
      const name = match[1];
      if (name !== undefined && expected.devOnlyPackages.has(name)) devPackagesFound.add(name);
    }
  }
  for (const name of devPackagesFound) report('DEV_DEPENDENCY', name);

  if (present.has('package.json')) {
    problems.push(...manifestProblems(archive, expected));
  }
  return problems;
}

function isMarkedUnpacked(archive: string, file: string): boolean {
  const entry = asar.statFile(archive, file);
  return 'unpacked' in entry && entry.unpacked === true;
}

function manifestProblems(archive: string, expected: PackagedAppExpectations): PackagingProblem[] {
  const problems: PackagingProblem[] = [];
  const manifest = JSON.parse(asar.extractFile(archive, 'package.json').toString('utf8')) as Record<
    string,
    unknown
  >;
  for (const [field, value] of Object.entries(expected.manifestFields)) {
    if (manifest[field] !== value) {
      const actual = JSON.stringify(manifest[field]);
      problems.push({ code: 'BAD_MANIFEST', detail: `${field} is ${actual}, expected "${value}"` });
    }
  }
  for (const field of expected.manifestAbsentFields) {
    if (field in manifest) problems.push({ code: 'BAD_MANIFEST', detail: `${field} is present` });
  }
  return problems;
}
