import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const script = fileURLToPath(new URL('../../scripts/require-node.mjs', import.meta.url));
const run = (wanted: string) =>
  spawnSync(process.execPath, [script, wanted, 'npm start'], { encoding: 'utf8' });

describe('require-node', () => {
  it('stops a command with a sentence naming both versions when Node is too old', () => {
    const result = run('99.0');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('npm start needs Node.js 99.0 or later');
    expect(result.stderr).toContain(`this is Node.js ${process.version}`);
  });

  it('lets the command go on when Node is new enough', () => {
    const result = run('18.0');
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
  });

  it('compares minor versions within the same major', () => {
    const [major = '0', minor = '0'] = process.version.slice(1).split('.');
    expect(run(`${major}.${Number(minor) + 1}`).status).toBe(1);
    expect(run(`${major}.${minor}`).status).toBe(0);
  });
});
