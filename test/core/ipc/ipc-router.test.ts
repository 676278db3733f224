// The router is the gate every renderer message passes: these tests send it what a compromised or
// buggy page could send, through the real handlers of a real core against the fake Spotify.
import { FolderFileHost } from '../../support/folder-file-host.js';
import os from 'node:os';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventChannel, EventPayloads } from '../../../electron/core/ipc/contract.js';
import { forwardCoreEvents } from '../../../electron/core/ipc/core-events.js';
import { createIpcHandlers } from '../../../electron/core/ipc/ipc-handlers.js';
import { createIpcRouter, type IpcRouter } from '../../../electron/core/ipc/ipc-router.js';
import { MemorySecretStore } from '../../../electron/core/vault/memory-secret-store.js';
import { startFakeSpotify, type FakeSpotify } from '../../../demo/fake-spotify/index.js';
import { openCore, user, type CoreUnderTest } from '../composition/support.js';

let fake: FakeSpotify;
let store: MemorySecretStore;
let subject: CoreUnderTest;
let router: IpcRouter;
let events: { event: EventChannel; payload: unknown }[];
let unexpected: unknown[];
let stopForwarding: () => void;

beforeEach(async () => {
  fake = await startFakeSpotify({ users: 2, tracks: 60 });
  store = new MemorySecretStore();
  subject = await openCore(fake, store);
  events = [];
  unexpected = [];
  const emit = <E extends EventChannel>(event: E, payload: EventPayloads[E]) =>
    events.push({ event, payload });
  router = createIpcRouter(
    createIpcHandlers(subject.core, {
      version: '1.2.3',
      files: new FolderFileHost(os.tmpdir()),
      demo: false,
      emit,
    }),
    { maxArgumentBytes: 4096, onUnexpectedError: (_channel, error) => unexpected.push(error) },
  );
  stopForwarding = forwardCoreEvents(subject.core, emit);
});

afterEach(async () => {
  stopForwarding();
  await subject.dispose();
  await fake.close();
});

describe('refusing bad messages', () => {
  it('answers an unknown channel with ipc_unknown_channel', async () => {
    for (const channel of ['accounts:steal', '__proto__', 'toString', 42, null]) {
      const result = await router.handle(channel, []);
      expect(result).toMatchObject({ ok: false, error: { code: 'ipc_unknown_channel' } });
    }
  });

  it('answers wrong argument types with ipc_invalid_arguments naming the argument', async () => {
    const cases: [string, unknown][] = [
      ['accounts:rename', [42, 'x']],
      ['accounts:rename', ['id']],
      ['accounts:recolour', ['id', 'chartreuse']],
      ['accounts:list', ['unexpected']],
      ['library:tracks', ['id', { offset: -1, limit: 50 }]],
      ['library:tracks', ['id', { offset: 0, limit: 51 }]],
      ['library:cached', ['id', { offset: 0, limit: 0 }]],
      ['library:cached', ['id', { offset: 0, limit: 5001 }]],
      ['library:cached', ['id', { offset: 0, limit: 2.5 }]],
      ['library:cached', ['id', { offset: -1, limit: 10 }]],
      ['library:cached', ['id', { offset: 0 }]],
      ['library:cached', ['id', { offset: 0, limit: 10, all: true }]],
      ['library:sync', []],
      ['library:sync', [42]],
      ['settings:update', [{ librarySyncMaxAgeMinutes: 'soon' }]],
      ['settings:update', [{ clientId: 'x', evil: true }]],
      ['accounts:remove', 'not-a-list'],
      ['library:setSaved', ['id', 'spotify:track:x', true]],
      ['library:setSaved', ['id', 'a'.repeat(22)]],
      ['library:changes', ['id', {}]],
      ['jobs:plan', [{ kind: 'copy', targetAccountId: 'b' }]],
      [
        'jobs:plan',
        [
          {
            kind: 'steal',
            targetAccountId: 'b',
            selection: { accountId: 'a', revision: 'r', positions: 'AQ==' },
          },
        ],
      ],
      [
        'jobs:plan',
        [
          {
            kind: 'copy',
            targetAccountId: 'b',
            selection: { accountId: 'a', revision: 'r', positions: '<not base64>' },
          },
        ],
      ],
      ['jobs:start', ['']],
      ['jobs:pause', [42]],
    ];
    for (const [channel, args] of cases) {
      const result = await router.handle(channel, args);
      expect(result, `${channel} ${JSON.stringify(args)}`).toMatchObject({
        ok: false,
        error: { code: 'ipc_invalid_arguments' },
      });
    }
    const named = await router.handle('accounts:rename', [42, 'x']);
    expect(named.ok ? '' : named.error.message).toContain('argument 0');
  });

  it('refuses oversized input before looking at it', async () => {
    const result = await router.handle('accounts:rename', ['id', 'x'.repeat(10_000)]);
    expect(result).toMatchObject({ ok: false, error: { code: 'ipc_payload_too_large' } });
    const cyclic: unknown[] = [];
    cyclic.push(cyclic);
    expect(await router.handle('accounts:reorder', cyclic)).toMatchObject({
      ok: false,
      error: { code: 'ipc_payload_too_large' },
    });
  });

  it('answers an unknown account id with account_not_found', async () => {
    for (const [channel, args] of [
      ['accounts:remove', ['nobody']],
      ['accounts:rename', ['nobody', 'Name']],
      ['accounts:setActive', ['nobody']],
      ['profile:get', ['nobody']],
      ['library:tracks', ['nobody', { offset: 0, limit: 50 }]],
      ['library:sync', ['nobody']],
      ['library:cached', ['nobody', { offset: 0, limit: 50 }]],
    ] as const) {
      expect(await router.handle(channel, args)).toMatchObject({
        ok: false,
        error: { code: 'account_not_found' },
      });
    }
  });

  it('reports a handler’s unexpected error as internal_error without its details', async () => {
    const failing = createIpcRouter(
      {
        ...createIpcHandlers(subject.core, {
          version: '1',
          files: new FolderFileHost(os.tmpdir()),
          demo: false,
          emit: () => undefined,
        }),
        'accounts:list': async () => {
          throw new Error('refresh_token=secret-value leaked into a message');
        },
      },
      { onUnexpectedError: (_c, error) => unexpected.push(error) },
    );
    const result = await failing.handle('accounts:list', []);
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'internal_error',
        message: 'Something went wrong while handling accounts:list.',
      },
    });
    expect(unexpected).toHaveLength(1);
  });
});

describe('serving the renderer', () => {
  it('adds an account, reports login progress, and returns views without tokens', async () => {
    subject.logins.push({ user: user(fake, 0) });
    const added = await router.handle('accounts:add', []);
    expect(added).toMatchObject({ ok: true, value: { id: user(fake, 0).accountId, status: 'ok' } });
    expect(events.filter((e) => e.event === 'login:progress').map((e) => e.payload)).toMatchObject([
      { state: 'waiting' },
      { state: 'signed_in', accountId: user(fake, 0).accountId },
    ]);

    const answers = [
      added,
      await router.handle('accounts:list', []),
      await router.handle('profile:get', [user(fake, 0).accountId]),
      await router.handle('library:tracks', [user(fake, 0).accountId, { offset: 0, limit: 50 }]),
      await router.handle('app:info', []),
      await router.handle('library:sync', [user(fake, 0).accountId]),
      await router.handle('library:cached', [user(fake, 0).accountId, { offset: 0, limit: 5000 }]),
    ];
    expect(events.some((e) => e.event === 'sync:progress')).toBe(true);
    const sent = JSON.stringify([answers, events]);
    const tokens = (await store.list()).flatMap((entry) => {
      const t = JSON.parse(entry.value) as { accessToken: string; refreshToken: string };
      return [t.accessToken, t.refreshToken];
    });
    for (const token of tokens) expect(sent).not.toContain(token);
    expect(answers.every((a) => a.ok)).toBe(true);
  });

  it('reports a cancelled login as its own state', async () => {
    subject.logins.push({ close: true });
    const result = await router.handle('accounts:add', []);
    expect(result).toMatchObject({ ok: false, error: { code: 'login_cancelled' } });
    expect(events.at(-1)?.payload).toMatchObject({ state: 'cancelled' });
  });

  it('renames, recolours, reorders and activates accounts', async () => {
    subject.logins.push({ user: user(fake, 0) }, { user: user(fake, 1) });
    await router.handle('accounts:add', []);
    await router.handle('accounts:add', []);
    const [a, b] = [user(fake, 0).accountId, user(fake, 1).accountId];
    expect(await router.handle('accounts:rename', [a, 'Work'])).toMatchObject({
      ok: true,
      value: { label: 'Work', nickname: 'Work' },
    });
    expect(await router.handle('accounts:recolour', [a, 'purple'])).toMatchObject({
      ok: true,
      value: { color: 'purple' },
    });
    expect(await router.handle('accounts:reorder', [[b, a]])).toMatchObject({
      ok: true,
      value: { accounts: [{ id: b }, { id: a }] },
    });
    expect(await router.handle('accounts:setActive', [b])).toMatchObject({
      ok: true,
      value: { activeAccountId: b },
    });
  });

  it('validates the library sync age in settings with a specific error', async () => {
    expect(await router.handle('settings:get', [])).toMatchObject({
      ok: true,
      value: { librarySyncMaxAgeMinutes: 30 },
    });
    expect(
      await router.handle('settings:update', [{ librarySyncMaxAgeMinutes: -5 }]),
    ).toMatchObject({ ok: false, error: { code: 'invalid_library_sync_max_age' } });
    expect(await router.handle('settings:update', [{ librarySyncMaxAgeMinutes: 0 }])).toMatchObject(
      {
        ok: true,
        value: { librarySyncMaxAgeMinutes: 0 },
      },
    );
    expect(events.at(-1)).toMatchObject({
      event: 'settings:changed',
      payload: { librarySyncMaxAgeMinutes: 0 },
    });
  });

  it('validates the Client ID in settings with a specific error', async () => {
    expect(await router.handle('settings:update', [{ clientId: 'not-hex' }])).toMatchObject({
      ok: false,
      error: { code: 'invalid_client_id' },
    });
    expect(await router.handle('settings:update', [{ redirectPort: 8888 }])).toMatchObject({
      ok: true,
      value: { redirectPort: 8888 },
    });
    expect(await router.handle('app:info', [])).toMatchObject({
      ok: true,
      value: { redirectUriToRegister: 'http://127.0.0.1:8888/callback' },
    });
  });
});

describe('the synced library', () => {
  async function addAccount(): Promise<string> {
    subject.logins.push({ user: user(fake, 0) });
    const added = await router.handle('accounts:add', []);
    if (!added.ok) throw new Error(added.error.message);
    return user(fake, 0).accountId;
  }

  async function cachedIds(id: string, limit: number): Promise<(string | null)[]> {
    const ids: (string | null)[] = [];
    let offset: number | null = 0;
    while (offset !== null) {
      const answer = await router.handle('library:cached', [id, { offset, limit }]);
      if (!answer.ok) throw new Error(answer.error.message);
      const page = answer.value as { items: { id: string | null }[]; nextOffset: number | null };
      ids.push(...page.items.map((item) => item.id));
      offset = page.nextOffset;
    }
    return ids;
  }

  it('answers library:cached before any sync with no tracks and no request to Spotify', async () => {
    const id = await addAccount();
    await fake.control.resetCounts();
    expect(await router.handle('library:cached', [id, { offset: 0, limit: 5000 }])).toEqual({
      ok: true,
      value: {
        items: [],
        total: 0,
        offset: 0,
        nextOffset: null,
        lastSyncedAt: null,
        cached: false,
        cachedCount: 0,
        revision: null,
      },
    });
    expect((await fake.control.requestCounts()).total).toBe(0);
  });

  it('syncs, then pages through the cache in Spotify’s order without the network', async () => {
    const id = await addAccount();
    const synced = await router.handle('library:sync', [id]);
    expect(synced).toMatchObject({ ok: true, value: { kind: 'full', total: 60 } });
    const lastSyncedAt = synced.ok ? (synced.value as { lastSyncedAt: number }).lastSyncedAt : 0;
    expect(lastSyncedAt).toBeGreaterThan(0);

    await fake.control.resetCounts();
    expect(await cachedIds(id, 25)).toEqual(await fake.control.savedTrackIds(user(fake, 0).id));
    await fake.control.resetCounts(); // the line above asked the fake's control API once
    expect(await router.handle('library:cached', [id, { offset: 50, limit: 25 }])).toMatchObject({
      ok: true,
      value: { offset: 50, nextOffset: null, total: 60, lastSyncedAt, cached: true },
    });
    expect(await router.handle('library:cached', [id, { offset: 60, limit: 25 }])).toMatchObject({
      ok: true,
      value: { items: [], nextOffset: null, cached: true },
    });
    expect((await fake.control.requestCounts()).total).toBe(0);

    const again = await router.handle('library:sync', [id]);
    expect(again).toMatchObject({ ok: true, value: { kind: 'unchanged', total: 60 } });
  });

  it('forwards the progress of a sync as sync:progress events for the account', async () => {
    const id = await addAccount();
    await router.handle('library:sync', [id]);
    const progress = events.filter((e) => e.event === 'sync:progress').map((e) => e.payload);
    expect(progress[0]).toMatchObject({ accountId: id, phase: 'checking' });
    expect(progress).toContainEqual({ accountId: id, loaded: 60, total: 60, phase: 'done' });
    for (const payload of progress) {
      expect(Object.keys(payload as object).sort()).toEqual([
        'accountId',
        'loaded',
        'phase',
        'total',
      ]);
    }
  });
});
