// The harness's stand-ins for the app's file dialogs, over a real HTTP server: an export becomes a
// download at an unguessable URL with the offered name; an import is the file the page uploads
// with the run's token (before or after the request that asks for it), a cancelled picker answers
// null, and a file over the size cap is handed on by its size without its body being read.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { MAX_IMPORT_BYTES } from '../../electron/core/library-files/read-import-file.js';
import {
  createHarnessFiles,
  uploadPath,
  type HarnessFiles,
} from '../../demo/harness/harness-files.js';

let files: HarnessFiles;
let server: http.Server;
let origin: string;

beforeEach(async () => {
  files = createHarnessFiles({ backupFolder: os.tmpdir(), token: 'run-token' });
  server = http.createServer((req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    if (!files.route(req, res, pathname)) res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterEach(async () => {
  files.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const upload = (query: string, body?: Uint8Array) =>
  fetch(`${origin}${uploadPath}?${query}`, { method: 'POST', body: body ?? new Uint8Array() });

it('offers an export as a download under the name the core chose', async () => {
  let produced = 0;
  const delivery = await files.saveExport({
    defaultName: 'Liked Songs - Zoë - 2026-12-04.csv',
    format: 'csv',
    produce: async () => {
      produced += 1;
      return new TextEncoder().encode('Track URI\nspotify:track:x\n');
    },
  });

  expect(delivery.outcome).toBe('download');
  expect(produced).toBe(1);
  const response = await fetch(`${origin}${delivery.downloadUrl ?? ''}`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
  expect(response.headers.get('content-disposition')).toContain(
    `filename*=UTF-8''${encodeURIComponent('Liked Songs - Zoë - 2026-12-04.csv')}`,
  );
  expect(await response.text()).toBe('Track URI\nspotify:track:x\n');
  // Only the URL the core handed out leads to it.
  expect((await fetch(`${origin}/downloads/0123456789abcdef0123456789abcdef/x.csv`)).status).toBe(
    404,
  );
});

it('answers an import request with the file the page uploads, before or after it asks', async () => {
  const asked = files.chooseImportFile();
  expect((await upload('token=run-token&name=backup.json', Buffer.from('{"a":1}'))).status).toBe(
    204,
  );
  const chosen = await asked;
  expect(chosen?.name).toBe('backup.json');
  expect(Buffer.from((await chosen?.read()) ?? []).toString()).toBe('{"a":1}');

  // The upload can reach the harness before the request that asks for it.
  await upload('token=run-token&name=early.csv', Buffer.from('Track URI\n'));
  expect((await files.chooseImportFile())?.name).toBe('early.csv');
});

it('refuses an upload without the run token, and answers a cancelled picker with null', async () => {
  const asked = files.chooseImportFile();
  expect((await upload('token=wrong&name=x.csv', Buffer.from('x'))).status).toBe(403);
  expect((await upload('token=run-token&cancel=1')).status).toBe(204);
  expect(await asked).toBeNull();
});

it('hands a file over the size cap on by its size, without reading its body', async () => {
  const asked = files.chooseImportFile();
  const { port } = new URL(origin);
  const status = await new Promise<number>((resolve) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path: `${uploadPath}?token=run-token&name=huge.csv`,
        method: 'POST',
        headers: { 'content-length': MAX_IMPORT_BYTES + 1 },
      },
      (res) => resolve(res.statusCode ?? 0),
    );
    req.on('error', () => resolve(-1));
    req.write(Buffer.alloc(1024));
  });
  expect([413, -1]).toContain(status);
  const chosen = await asked;
  expect(chosen).toMatchObject({ name: 'huge.csv', size: MAX_IMPORT_BYTES + 1 });
  await expect(chosen?.read()).rejects.toThrow();
});
