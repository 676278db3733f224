// Serves the built renderer (vite's dist/renderer) to the browser, exactly as built, except that
// index.html gets one extra classic <script> that loads the harness bridge before the app bundle:
// the bridge defines `window.spotifyAccounts` as the preload does in Electron. Only files inside
// the renderer directory are served; everything else is a 404.
import { readFile, stat } from 'node:fs/promises';
import type http from 'node:http';
import path from 'node:path';
import { AppError } from '../../electron/core/errors/app-error.js';

export type HarnessErrorCode = 'harness_renderer_missing';

export const bridgeScriptPath = '/harness/bridge.js';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/** Fails with `harness_renderer_missing` when the renderer has not been built into `dir`. */
export async function assertRendererBuilt(dir: string): Promise<void> {
  const index = path.join(dir, 'index.html');
  const found = await stat(index).catch(() => null);
  if (!found?.isFile()) {
    throw new AppError<HarnessErrorCode>(
      'harness_renderer_missing',
      `The renderer is not built (no ${index}). Run npm run build:renderer first.`,
    );
  }
}

/** index.html with the bridge loaded first: a classic script runs before any module script. */
export function withBridgeScript(indexHtml: string): string {
  const tag = `<script src="${bridgeScriptPath}"></script>`;
  const firstScript = indexHtml.search(/<script\b/i);
  if (firstScript >= 0) {
    return indexHtml.slice(0, firstScript) + tag + '\n    ' + indexHtml.slice(firstScript);
  }
  return indexHtml.replace(/<\/head>/i, `  ${tag}\n  </head>`);
}

export async function serveRendererFile(
  dir: string,
  pathname: string,
  res: http.ServerResponse,
): Promise<void> {
  const root = path.resolve(dir);
  let relative: string;
  try {
    relative = decodeURIComponent(pathname === '/' ? '/index.html' : pathname);
  } catch {
    return notFound(res);
  }
  const file = path.resolve(root, '.' + relative);
  if (file !== root && !file.startsWith(root + path.sep)) return notFound(res);
  let body: Buffer;
  try {
    body = await readFile(file);
  } catch {
    return notFound(res);
  }
  const type = contentTypes[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
  const content = file === path.join(root, 'index.html') ? withBridgeScript(body.toString()) : body;
  res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(content);
}

function notFound(res: http.ServerResponse): void {
  res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
  res.end('Not found');
}
