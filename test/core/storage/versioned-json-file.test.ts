// One versioned JSON file on a real temporary directory: atomic, serialised writes, and every kind
// of unusable file set aside with a notice instead of crashing.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Clock } from '../../../electron/core/clock.js';
import { VersionedJsonFile } from '../../../electron/core/storage/versioned-json-file.js';

const schema = z.object({ count: z.number().int(), label: z.string() });
type Data = z.infer<typeof schema>;

let dir: string;
let filePath: string;
const fixedClock: Clock = { now: () => Date.UTC(2026, 10, 26, 8, 30, 0, 123) };

function openFile(version = 1) {
  return new VersionedJsonFile<Data>({
    filePath,
    version,
    schema,
    defaultValue: () => ({ count: 0, label: 'default' }),
    clock: fixedClock,
  });
}

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'versioned-json-'));
  filePath = path.join(dir, 'data.json');
});

afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('VersionedJsonFile', () => {
  it('reads a missing file as the default value without creating it', async () => {
    const read = await openFile().read();
    expect(read).toEqual({
      value: { count: 0, label: 'default' },
      source: 'missing',
      notice: null,
    });
    expect(await fs.readdir(dir)).toEqual([]);
  });

  it('writes the data in a {version, data} envelope and reads it back', async () => {
    await openFile().write({ count: 3, label: 'three' });
    expect(JSON.parse(await fs.readFile(filePath, 'utf8'))).toEqual({
      version: 1,
      data: { count: 3, label: 'three' },
    });
    expect(await openFile().read()).toEqual({
      value: { count: 3, label: 'three' },
      source: 'file',
      notice: null,
    });
  });

  it('creates the data directory when it does not exist yet', async () => {
    filePath = path.join(dir, 'nested', 'deeper', 'data.json');
    await openFile().write({ count: 1, label: 'x' });
    expect((await openFile().read()).value.count).toBe(1);
  });

  it('keeps the file whole and leaves no temp files while many writes race with reads', async () => {
    const file = openFile();
    await file.write({ count: -1, label: 'start' });
    let reading = true;
    const seen: number[] = [];
    const reader = (async () => {
      while (reading) {
        // Straight from disk, not through the class: what another process would see.
        const text = await fs.readFile(filePath, 'utf8');
        seen.push((JSON.parse(text) as { data: Data }).data.count);
      }
    })();
    await Promise.all(
      Array.from({ length: 40 }, (_, i) => file.write({ count: i, label: 'x'.repeat(i * 500) })),
    );
    reading = false;
    await reader;
    expect(seen.length).toBeGreaterThan(0);
    expect((await file.read()).value.count).toBe(39);
    expect(await fs.readdir(dir)).toEqual(['data.json']);
  });

  it('serialises updates so none is lost', async () => {
    const file = openFile();
    await Promise.all(
      Array.from({ length: 30 }, () =>
        file.update(async (current) => {
          await new Promise((resolve) => setTimeout(resolve, 1));
          return { ...current, count: current.count + 1 };
        }),
      ),
    );
    expect((await file.read()).value.count).toBe(30);
  });

  it('leaves the file untouched when an update throws', async () => {
    const file = openFile();
    await file.write({ count: 5, label: 'five' });
    await expect(
      file.update(() => {
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect((await file.read()).value.count).toBe(5);
  });

  it('refuses to write data that fails the schema, keeping the old file', async () => {
    const file = openFile();
    await file.write({ count: 5, label: 'five' });
    await expect(file.write({ count: 1.5, label: 'half' })).rejects.toMatchObject({
      code: 'storage_invalid_data',
    });
    expect((await file.read()).value.count).toBe(5);
  });

  it('sets a half-written file aside with its bytes intact and reads the default', async () => {
    const truncated = '{"version":1,"data":{"count":7,"lab';
    await fs.writeFile(filePath, truncated);
    const read = await openFile().read();
    const setAsidePath = `${filePath}.corrupt-2026-11-26T08-30-00-123Z`;
    expect(read).toEqual({
      value: { count: 0, label: 'default' },
      source: 'set_aside',
      notice: { code: 'file_corrupt', file: filePath, setAsidePath, detail: expect.any(String) },
    });
    expect(await fs.readFile(setAsidePath, 'utf8')).toBe(truncated);
    await expect(fs.access(filePath)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('sets aside a file whose data fails the schema, naming the bad field', async () => {
    await fs.writeFile(
      filePath,
      JSON.stringify({ version: 1, data: { count: 'seven', label: 'x' } }),
    );
    const read = await openFile().read();
    expect(read.notice).toMatchObject({ code: 'file_corrupt' });
    expect(read.notice?.detail).toContain('count');
    expect(read.notice?.detail).not.toContain('seven');
  });

  it('sets aside JSON without the envelope', async () => {
    await fs.writeFile(filePath, JSON.stringify([1, 2, 3]));
    expect((await openFile().read()).notice).toMatchObject({ code: 'file_corrupt' });
  });

  it('sets aside a file from a newer version of the app instead of misreading it', async () => {
    await fs.writeFile(filePath, JSON.stringify({ version: 2, data: { count: 1, label: 'new' } }));
    const read = await openFile(1).read();
    expect(read.source).toBe('set_aside');
    expect(read.notice).toMatchObject({ code: 'file_unsupported_version' });
    expect(read.notice?.detail).toContain('version 2');
  });

  it('never replaces an earlier set-aside file with a later one', async () => {
    await fs.writeFile(filePath, 'first broken');
    const first = await openFile().read();
    await fs.writeFile(filePath, 'second broken');
    const second = await openFile().read();
    expect(second.notice?.setAsidePath).not.toBe(first.notice?.setAsidePath);
    expect(await fs.readFile(first.notice?.setAsidePath ?? '', 'utf8')).toBe('first broken');
    expect(await fs.readFile(second.notice?.setAsidePath ?? '', 'utf8')).toBe('second broken');
  });

  it('reports a file it cannot read at all as storage_read_failed', async () => {
    await fs.mkdir(filePath);
    await expect(openFile().read()).rejects.toMatchObject({ code: 'storage_read_failed' });
  });
});
