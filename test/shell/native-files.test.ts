// The app's file dialogs around real files: an export is written where the person chose, under
// the name offered in the person's Documents folder, and nothing is made when they cancel; an
// import reads the file they picked; the backup folder dialog starts at the current folder.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Dialog } from 'electron';
import { createNativeFiles } from '../../electron/shell/native-files.js';

type FakeDialog = Pick<Dialog, 'showSaveDialog' | 'showOpenDialog'>;

let dir: string;
const asked: unknown[] = [];

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'native-files-'));
  asked.length = 0;
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function filesWith(answer: { filePath?: string; filePaths?: string[]; canceled: boolean }) {
  const dialog = {
    showSaveDialog: async (...args: unknown[]) => {
      asked.push(args.at(-1));
      return { canceled: answer.canceled, filePath: answer.filePath ?? '' };
    },
    showOpenDialog: async (...args: unknown[]) => {
      asked.push(args.at(-1));
      return { canceled: answer.canceled, filePaths: answer.filePaths ?? [] };
    },
  } as unknown as FakeDialog;
  return createNativeFiles({ dialog, window: () => null, documentsDir: '/home/zoe/Documents' });
}

it('writes the export where the person chose, offering the name in Documents', async () => {
  const target = path.join(dir, 'mine.csv');
  const delivery = await filesWith({ canceled: false, filePath: target }).saveExport({
    defaultName: 'Liked Songs - Zoë - 2026-12-04.csv',
    format: 'csv',
    produce: async () => new TextEncoder().encode('Track URI\n'),
  });

  expect(delivery).toEqual({ outcome: 'saved', fileName: target, downloadUrl: null });
  expect(await readFile(target, 'utf8')).toBe('Track URI\n');
  expect(asked[0]).toMatchObject({
    defaultPath: path.join('/home/zoe/Documents', 'Liked Songs - Zoë - 2026-12-04.csv'),
    filters: [{ extensions: ['csv'] }],
  });
});

it('makes nothing when the person cancels the save dialog', async () => {
  let produced = false;
  const delivery = await filesWith({ canceled: true }).saveExport({
    defaultName: 'x.json',
    format: 'json',
    produce: async () => {
      produced = true;
      return new Uint8Array();
    },
  });
  expect(delivery.outcome).toBe('cancelled');
  expect(produced).toBe(false);
});

it('reads the file picked for an import, and answers a cancelled pick with null', async () => {
  const picked = path.join(dir, 'backup.json');
  await writeFile(picked, '{"format":"x"}');
  const chosen = await filesWith({ canceled: false, filePaths: [picked] }).chooseImportFile();
  expect(chosen).toMatchObject({ name: 'backup.json', size: 14 });
  expect(Buffer.from((await chosen?.read()) ?? []).toString()).toBe('{"format":"x"}');
  expect(await filesWith({ canceled: true }).chooseImportFile()).toBeNull();
});

it('starts the folder dialog at the current backup folder', async () => {
  const folder = await filesWith({ canceled: false, filePaths: [dir] }).chooseFolder('/backups');
  expect(folder).toBe(dir);
  expect(asked[0]).toMatchObject({
    defaultPath: '/backups',
    properties: ['openDirectory', 'createDirectory'],
  });
});
