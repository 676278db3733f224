// The router is the gate every renderer message passes: these tests send it what a compromised or
// buggy page could send, through the real handlers of a real core against the fake Spotify.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventChannel, EventPayloads } from '../../../electron/core/ipc/contract.js';
import { createAppHandlers } from '../../../electron/core/ipc/app-handlers.js';
import { createIpcRouter, type IpcRouter } from '../../../electron/core/ipc/ipc-router.js';
import { MemorySecretStore } from '../../../electron/core/vault/memory-secret-store.js';
import { startFakeSpotify, type FakeSpotify } from '../../fake-spotify/index.js';
import { openCore, user, type CoreUnderTest } from '../app/support.js';

let fake: FakeSpotify;
let store: MemorySecretStore;
let subject: CoreUnderTest;
let router: IpcRouter;
let events: { event: EventChannel; payload: unknown }[];
let unexpected: unknown[];

beforeEach(async () => {
  fake = await startFakeSpotify({ users: 2, tracks: 60 });
  store = new MemorySecretStore();
  subject = await openCore(fake, store);
  events = [];
  unexpected = [];
  const emit = <E extends EventChannel>(event: E, payload: EventPayloads[E]) =>
    events.push({ event, payload });
  router = createIpcRouter(
    createAppHandlers(subject.core, { version: '1.2.3', demo: false, emit }),
    { maxArgumentBytes: 4096, onUnexpectedError: (_channel, error) => unexpected.push(error) },
  );
});

afterEach(async () => {
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
      ['settings:update', [{ clientId: 'x', evil: true }]],
      ['accounts:remove', 'not-a-list'],
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
        ...createAppHandlers(subject.core, { version: '1', demo: false, emit: () => undefined }),
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
    ];
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
