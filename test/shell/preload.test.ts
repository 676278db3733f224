// The preload is CommonJS (`import x = require(...)`), which vitest's transform does not load, so
// the test compiles the real source with TypeScript and runs it with a `require` that answers
// `electron` with a fake and its two local imports with the modules vitest loaded.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import * as contract from '../../electron/core/ipc/contract.js';
import * as bridge from '../../electron/shell/bridge-api.js';

const preloadSource = fileURLToPath(new URL('../../electron/preload.cts', import.meta.url));

const exposed = new Map<string, unknown>();
const invoked: unknown[][] = [];
const fakeElectron = {
  contextBridge: {
    exposeInMainWorld: (name: string, value: unknown) => exposed.set(name, value),
  },
  ipcRenderer: {
    invoke: async (...args: unknown[]) => {
      invoked.push(args);
      return { ok: true, value: null };
    },
    on: () => {},
    removeListener: () => {},
  },
};
const modules: Record<string, unknown> = {
  electron: fakeElectron,
  './core/ipc/contract.js': contract,
  './shell/bridge-api.js': bridge,
};

async function runPreload(): Promise<void> {
  const source = await readFile(preloadSource, 'utf8');
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
    fileName: path.basename(preloadSource),
  });
  const required: string[] = [];
  const fakeRequire = (id: string) => {
    required.push(id);
    if (!(id in modules)) throw new Error(`a sandboxed preload cannot require ${id}`);
    return modules[id];
  };
  const module = { exports: {} };
  new Function('require', 'module', 'exports', outputText)(fakeRequire, module, module.exports);
  expect(required.sort()).toEqual(Object.keys(modules).sort());
}

describe('preload', () => {
  beforeAll(runPreload);

  it('exposes the bridge under the contract name, and nothing else', () => {
    expect([...exposed.keys()]).toEqual([contract.bridgeGlobalName]);
  });

  it('exposes one function per contract channel and never ipcRenderer itself', async () => {
    const api = exposed.get(contract.bridgeGlobalName) as Record<string, Record<string, unknown>>;
    const count = Object.entries(api)
      .filter(([domain]) => domain !== 'events' && domain !== 'images')
      .reduce((sum, [, group]) => sum + Object.keys(group).length, 0);
    expect(count).toBe(contract.requestChannels.length);
    expect(Object.values(api)).not.toContain(fakeElectron.ipcRenderer);
    await (api.app?.info as () => Promise<unknown>)();
    expect(invoked).toEqual([['ipc:request', 'app:info', []]]);
  });

  it('refuses unknown events', () => {
    const api = exposed.get(contract.bridgeGlobalName) as {
      events: { on: (...a: unknown[]) => unknown };
    };
    expect(() => api.events.on('not:an-event', () => {})).toThrow(
      expect.objectContaining({ code: 'ipc_unknown_event' }),
    );
  });
});
