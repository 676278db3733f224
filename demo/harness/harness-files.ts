// The harness's FileHost: what native dialogs do in the app, done the browser's way. An export is
// held for a short while at an unguessable URL the page turns into a download; an import is the
// file the page's own file picker uploads (the bridge opens the picker in the click that asked
// for it, then posts the file here); backups go to the harness's folder, made on first use.
import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import type http from 'node:http';
import type { FileHost } from '../../electron/core/ipc/handlers/file-handlers.js';
import type { ChosenFile } from '../../electron/core/library-files/chosen-file.js';
import { MAX_IMPORT_BYTES } from '../../electron/core/library-files/read-import-file.js';

export const downloadPath = '/downloads/';
export const uploadPath = '/upload';

/** A download waits this long to be fetched; an upload this long for the request it answers. */
const heldMs = 5 * 60_000;
const uploadWaitMs = 10_000;

const contentTypes = { csv: 'text/csv; charset=utf-8', json: 'application/json' } as const;

interface HeldDownload {
  readonly bytes: Uint8Array;
  readonly name: string;
  readonly contentType: string;
  readonly timer: NodeJS.Timeout;
}

export interface HarnessFiles extends FileHost {
  /** Answers the harness's download and upload routes; false for any other request. */
  route(req: http.IncomingMessage, res: http.ServerResponse, pathname: string): boolean;
  close(): void;
}

export function createHarnessFiles(options: {
  readonly backupFolder: string;
  /** The run's capability token: an upload must carry it. */
  readonly token: string;
}): HarnessFiles {
  const downloads = new Map<string, HeldDownload>();
  // The import request waiting for the page's upload, or an upload that came first.
  let waiting: ((file: ChosenFile | null) => void) | null = null;
  let early: { file: ChosenFile | null; timer: NodeJS.Timeout } | null = null;

  const deliver = (file: ChosenFile | null) => {
    if (waiting !== null) {
      const resolve = waiting;
      waiting = null;
      resolve(file);
      return;
    }
    if (early !== null) clearTimeout(early.timer);
    early = { file, timer: setTimeout(() => (early = null), uploadWaitMs) };
  };

  return {
    async saveExport({ defaultName, format, produce }) {
      const bytes = await produce();
      const id = randomBytes(16).toString('hex');
      const timer = setTimeout(() => downloads.delete(id), heldMs);
      downloads.set(id, { bytes, name: defaultName, contentType: contentTypes[format], timer });
      return {
        outcome: 'download',
        fileName: defaultName,
        downloadUrl: `${downloadPath}${id}/${encodeURIComponent(defaultName)}`,
      };
    },
    chooseImportFile() {
      if (early !== null) {
        const { file, timer } = early;
        clearTimeout(timer);
        early = null;
        return Promise.resolve(file);
      }
      // A second request replaces the first, as a second dialog would not open over the first.
      waiting?.(null);
      return new Promise((resolve) => (waiting = resolve));
    },
    async chooseFolder() {
      await mkdir(options.backupFolder, { recursive: true });
      return options.backupFolder;
    },
    route(req, res, pathname) {
      if (pathname.startsWith(downloadPath) && (req.method === 'GET' || req.method === 'HEAD')) {
        const id = pathname.slice(downloadPath.length).split('/')[0] ?? '';
        const held = downloads.get(id);
        if (held === undefined) {
          res.writeHead(404, { 'content-type': 'text/plain' }).end('This export has expired.');
          return true;
        }
        res.writeHead(200, {
          'content-type': held.contentType,
          'content-length': held.bytes.byteLength,
          'content-disposition': `attachment; filename="${held.name.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(held.name)}`,
          'cache-control': 'no-store',
        });
        res.end(req.method === 'HEAD' ? undefined : Buffer.from(held.bytes));
        return true;
      }
      if (pathname !== uploadPath || req.method !== 'POST') return false;
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      if (url.searchParams.get('token') !== options.token) {
        res.writeHead(403).end();
        return true;
      }
      if (url.searchParams.get('cancel') === '1') {
        deliver(null);
        res.writeHead(204).end();
        return true;
      }
      receiveUpload(req, res, url.searchParams.get('name') ?? 'upload', deliver);
      return true;
    },
    close() {
      for (const held of downloads.values()) clearTimeout(held.timer);
      downloads.clear();
      if (early !== null) clearTimeout(early.timer);
      waiting?.(null);
    },
  };
}

// The upload's size is known from its header before its body is read: a file over the cap is
// handed on unread (the core refuses it, naming its size) and its body is not taken in.
function receiveUpload(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  name: string,
  deliver: (file: ChosenFile) => void,
): void {
  const size = Number(req.headers['content-length'] ?? Number.NaN);
  if (!Number.isSafeInteger(size) || size < 0) {
    res.writeHead(411).end();
    return;
  }
  if (size > MAX_IMPORT_BYTES) {
    deliver({ name, size, read: () => Promise.reject(new Error('not read: over the size cap')) });
    res.writeHead(413).end();
    req.destroy();
    return;
  }
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    const bytes = Buffer.concat(chunks);
    deliver({ name, size: bytes.byteLength, read: () => Promise.resolve(bytes) });
    res.writeHead(204).end();
  });
}
