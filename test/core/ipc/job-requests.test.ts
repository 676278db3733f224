// A copy as the page does it, through the router and the real handlers of a real core: the page's
// selection as a bitmap of positions at its revision, the plan, the start, `jobs:changed` while it
// runs, `library:changed` for the target, and `library:changes` answering with the step to apply.
import { FolderFileHost } from '../../support/folder-file-host.js';
import os from 'node:os';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type {
  CachedTracksView,
  EventChannel,
  EventPayloads,
  JobPlanView,
  JobView,
  LibraryAtRevisionView,
} from '../../../electron/core/ipc/contract.js';
import { forwardCoreEvents } from '../../../electron/core/ipc/core-events.js';
import { createIpcHandlers } from '../../../electron/core/ipc/ipc-handlers.js';
import { createIpcRouter, type IpcRouter } from '../../../electron/core/ipc/ipc-router.js';
import { decodePositions, encodePositions } from '../../../electron/core/ipc/job-views.js';
import { MemorySecretStore } from '../../../electron/core/vault/memory-secret-store.js';
import { startFakeSpotify, type FakeSpotify } from '../../../demo/fake-spotify/index.js';
import { openCore, user, type CoreUnderTest } from '../composition/support.js';

let fake: FakeSpotify;
let subject: CoreUnderTest;
let router: IpcRouter;
let events: { event: EventChannel; payload: unknown }[];
let stopForwarding: () => void;

beforeEach(async () => {
  fake = await startFakeSpotify({ users: 2, tracks: 200 });
  subject = await openCore(fake, new MemorySecretStore());
  events = [];
  const emit = <E extends EventChannel>(event: E, payload: EventPayloads[E]) =>
    events.push({ event, payload });
  router = createIpcRouter(
    createIpcHandlers(subject.core, {
      version: '1',
      files: new FolderFileHost(os.tmpdir()),
      demo: false,
      emit,
    }),
  );
  stopForwarding = forwardCoreEvents(subject.core, emit);
  subject.logins.push({ user: user(fake, 0) }, { user: user(fake, 1) });
  for (let i = 0; i < 2; i += 1)
    await subject.core.syncLibrary((await subject.core.addAccount()).id);
});

afterEach(async () => {
  stopForwarding();
  await subject.dispose();
  await fake.close();
});

async function ask<T>(channel: string, args: unknown[]): Promise<T> {
  const result = await router.handle(channel, args);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

it('round-trips a selection bitmap', () => {
  const positions = [0, 1, 7, 8, 9, 4999, 50_000];
  expect(decodePositions(encodePositions(positions, 50_001))).toEqual(positions);
  expect(decodePositions(encodePositions([], 10))).toEqual([]);
  expect(decodePositions('***')).toBeNull();
});

it('copies what the page selected and tells the page what changed in the target', async () => {
  const alice = user(fake, 0).accountId;
  const bob = user(fake, 1).accountId;
  const aliceView = await ask<CachedTracksView>('library:cached', [
    alice,
    { offset: 0, limit: 5000 },
  ]);
  const bobView = await ask<CachedTracksView>('library:cached', [bob, { offset: 0, limit: 5000 }]);
  const inBob = new Set(bobView.items.map((t) => t.id));
  const positions = aliceView.items
    .flatMap((t, i) => (t.id && !inBob.has(t.id) ? [i] : []))
    .slice(0, 45);
  const selection = {
    accountId: alice,
    revision: aliceView.revision,
    positions: encodePositions(positions, aliceView.items.length),
  };

  const plan = await ask<JobPlanView>('jobs:plan', [
    { kind: 'copy', targetAccountId: bob, selection },
  ]);
  expect(plan).toMatchObject({
    toAdd: 45,
    alreadyInTarget: 0,
    writeRequests: 2,
    missingScopes: [],
  });
  const job = await ask<JobView>('jobs:start', [plan.planId]);
  expect(job.state).toMatch(/queued|running/);
  await new Promise<void>((resolve) => {
    const check = setInterval(() => {
      const done = events.some(
        (e) => e.event === 'jobs:changed' && (e.payload as JobView).state === 'finished',
      );
      if (done) {
        clearInterval(check);
        resolve();
      }
    }, 10);
  });
  const progress = events
    .filter((e) => e.event === 'jobs:changed')
    .map((e) => e.payload as JobView);
  expect(progress.map((view) => view.counts.added)).toContain(40);
  expect(progress.at(-1)).toMatchObject({ state: 'finished', canUndo: true, phase: 'done' });
  const changed = events.find(
    (e) => e.event === 'library:changed' && (e.payload as { accountId: string }).accountId === bob,
  );
  expect(changed).toBeDefined();

  const changes = await ask<LibraryAtRevisionView>('library:changes', [
    bob,
    { since: bobView.revision },
  ]);
  expect(changes.changes.kind).toBe('delta');
  if (changes.changes.kind !== 'delta') return;
  const added = changes.changes.steps.flatMap((step) => step.added.map((t) => t.id));
  expect(added).toEqual(positions.map((p) => aliceView.items[p]?.id));
  const list = await ask<JobView[]>('jobs:list', []);
  expect(list[0]?.id).toBe(job.id);
  // Views never carry the job's track list.
  expect(JSON.stringify(list)).not.toContain(aliceView.items[positions[0] ?? 0]?.id ?? '-');
});
