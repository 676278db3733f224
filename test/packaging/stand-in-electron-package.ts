// Packages the app for Linux (`--linux dir`) with electron-builder's real CLI, but with a stand-in
// Electron folder instead of the downloaded Electron zip, which this machine cannot fetch. What it
// proves: the files, asar, unpacking and Linux naming rules produce the app.asar we expect. What it
// cannot prove: that the app runs, or that the fuses flip — the stand-in has no fuse wire, so the
// smoke run turns fuses off; they are flipped and checked only by a real `npm run dist`.
// Boundary: produces an unpacked app folder; inspecting it is packaged-app-inspection.ts.
import type { Configuration } from 'app-builder-lib';
import { spawn } from 'node:child_process';
import { chmod, mkdir, open, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { AppError } from '../../electron/core/errors/app-error.js';
import { outputTail } from './command-output-tail.js';

export type StandInPackageErrorCode = 'PACKAGING_BUILD_FAILED';

export interface StandInPackageOptions {
  /** The checkout whose electron-builder and electron version are used. */
  projectDir: string;
  /** The app folder to package (package.json, dist/, node_modules/): see staged-app-build.ts. */
  appDir: string;
  /** The validated config from electron-builder.yml. */
  config: Configuration;
  /** A scratch folder: the stand-in Electron, the smoke config, the log and the output go here. */
  workDir: string;
  timeoutMs?: number;
}

export interface StandInPackage {
  /** The unpacked app: the renamed stand-in executable and resources/app.asar(.unpacked). */
  appOutDir: string;
  /** The config electron-builder actually ran with (the project's, plus the smoke overrides). */
  smokeConfig: Configuration;
  /** Always false: a stand-in binary cannot carry fuses. */
  fusesVerified: false;
}

/** What the smoke run changes in the project's config, and why (printed by the smoke check). */
export const smokeOverrides = [
  'electronDist → a stand-in folder (the Electron zip cannot be downloaded here)',
  'electronFuses → off (a stand-in binary has no fuse wire; fuses are verified on a real build only)',
  'npmRebuild → off (rebuilding keytar for Electron downloads Electron headers and rewrites node_modules)',
  'directories.output → a temporary folder',
] as const;

export async function installedElectronVersion(projectDir: string): Promise<string> {
  const manifest = JSON.parse(
    await readFile(path.join(projectDir, 'node_modules', 'electron', 'package.json'), 'utf8'),
  ) as { version?: unknown };
  if (typeof manifest.version !== 'string') {
    throw new AppError<StandInPackageErrorCode>(
      'PACKAGING_BUILD_FAILED',
      'node_modules/electron/package.json has no version',
    );
  }
  return manifest.version;
}

/** The minimum electron-builder copies and renames for Linux: an `electron` file and resources/. */
export async function createStandInElectronDist(dir: string, version: string): Promise<void> {
  await mkdir(path.join(dir, 'resources'), { recursive: true });
  const executable = path.join(dir, 'electron');
  await writeFile(
    executable,
    '#!/bin/sh\necho "stand-in for Electron: this package is a smoke-check artefact" >&2\nexit 1\n',
  );
  await chmod(executable, 0o755);
  await writeFile(path.join(dir, 'version'), version);
  await writeFile(path.join(dir, 'LICENSE'), 'Stand-in for the Electron license file.\n');
}

export async function packageWithStandInElectron(
  options: StandInPackageOptions,
): Promise<StandInPackage> {
  const { projectDir, appDir, config, workDir } = options;
  const electronDist = path.join(workDir, 'electron-stand-in');
  const outputDir = path.join(workDir, 'out');
  const configPath = path.join(workDir, 'electron-builder.smoke.json');
  await createStandInElectronDist(electronDist, await installedElectronVersion(projectDir));

  const smokeConfig: Configuration = {
    ...config,
    electronDist,
    electronFuses: null,
    npmRebuild: false,
    directories: { ...config.directories, output: outputDir },
  };
  await writeFile(configPath, JSON.stringify(smokeConfig, null, 2));

  const cli = path.join(projectDir, 'node_modules', 'electron-builder', 'cli.js');
  const args = [cli, '--linux', 'dir', '--publish', 'never'];
  args.push('--projectDir', appDir, '--config', configPath);
  const logPath = path.join(workDir, 'electron-builder.log');
  const outcome = await runToLog(args, appDir, logPath, options.timeoutMs ?? 120_000);
  if (outcome !== 'exit 0') {
    const log = outputTail(await readFile(logPath, 'utf8'));
    throw new AppError<StandInPackageErrorCode>(
      'PACKAGING_BUILD_FAILED',
      `electron-builder --linux dir failed (${outcome}):\n${log}`,
    );
  }

  // `linux-unpacked` on x64, `linux-<arch>-unpacked` elsewhere.
  const unpacked = (await readdir(outputDir)).filter((name) =>
    /^linux(-\w+)?-unpacked$/.test(name),
  );
  const [folder] = unpacked;
  if (unpacked.length !== 1 || folder === undefined) {
    throw new AppError<StandInPackageErrorCode>(
      'PACKAGING_BUILD_FAILED',
      `expected one linux*-unpacked folder in ${outputDir}, found ${JSON.stringify(unpacked)}`,
    );
  }
  return { appOutDir: path.join(outputDir, folder), smokeConfig, fusesVerified: false };
}

/**
 * Runs electron-builder with its output going straight to a file: a pipe can lose the last lines
 * (its error) when it exits, a file cannot. Resolves to "exit <code>", "signal <name>" or
 * "timed out …".
 */
async function runToLog(
  args: string[],
  cwd: string,
  logPath: string,
  timeoutMs: number,
): Promise<string> {
  const log = await open(logPath, 'w');
  try {
    return await new Promise<string>((resolve, reject) => {
      const child = spawn(process.execPath, args, {
        cwd,
        env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' },
        stdio: ['ignore', log.fd, log.fd],
      });
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        child.kill('SIGKILL');
      }, timeoutMs);
      child.once('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        if (timedOut) resolve(`timed out after ${timeoutMs} ms`);
        else resolve(signal === null ? `exit ${code ?? 'unknown'}` : `signal ${signal}`);
      });
    });
  } finally {
    await log.close();
  }
}
