import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { AppError } from '../../electron/core/errors/app-error.js';
import { buildStagedApp } from './staged-app-build.js';

let scratch: string;

beforeAll(async () => {
  scratch = await mkdtemp(path.join(os.tmpdir(), 'staged-app-build-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

/** A tiny project whose `build` script is plain Node, so the test needs no vite or tsc. */
async function project(name: string, build: string): Promise<string> {
  const dir = path.join(scratch, name);
  await mkdir(path.join(dir, 'node_modules'), { recursive: true });
  await mkdir(path.join(dir, 'dist'), { recursive: true });
  await writeFile(path.join(dir, 'dist', 'stale.txt'), 'from an earlier build');
  await writeFile(path.join(dir, 'source.txt'), 'source');
  await writeFile(path.join(dir, 'package.json'), JSON.stringify({ scripts: { build } }));
  return dir;
}

describe('buildStagedApp', () => {
  it('runs npm run build in a copy, leaving the checkout’s dist/ alone', async () => {
    const dir = await project(
      'builds',
      `node -e "require('fs').mkdirSync('dist',{recursive:true});require('fs').copyFileSync('source.txt','dist/built.txt')"`,
    );
    const stage = path.join(scratch, 'builds-stage');
    await buildStagedApp(dir, stage);
    expect(await readFile(path.join(stage, 'dist', 'built.txt'), 'utf8')).toBe('source');
    // The checkout's own build output is neither copied into the stage nor touched.
    await expect(readFile(path.join(stage, 'dist', 'stale.txt'))).rejects.toThrow();
    await expect(readFile(path.join(dir, 'dist', 'built.txt'))).rejects.toThrow();
  });

  it('fails with the build’s own error when npm run build fails', async () => {
    const dir = await project(
      'fails',
      `node -e "console.error('renderer: syntax error'); process.exit(3)"`,
    );
    const error = await buildStagedApp(dir, path.join(scratch, 'fails-stage')).then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('PACKAGING_APP_BUILD_FAILED');
    expect((error as AppError).message).toContain('renderer: syntax error');
  });
});
