// added_at of library saves: one-second resolution as the Web API sends it, and the order of saves
// made within one second (later saved = nearer the top). The fake runs in this process, so
// freezing Date puts every save of a test in the same second until advanceTime moves the clock.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startFakeSpotify, type FakeSpotify } from '../../demo/fake-spotify/index.js';

const NOW = Date.parse('2026-12-04T10:00:00.750Z');

let fake: FakeSpotify;
let alice: string;
let token: string;
let unsaved: string[];

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'], now: NOW });
  fake = await startFakeSpotify({ users: 2, tracks: 40 });
  alice = fake.users[0]?.id ?? '';
  token = (await fake.control.mintTokens(alice)).accessToken;
  const alices = new Set(await fake.control.savedTrackIds(alice));
  unsaved = (await fake.control.savedTrackIds(fake.users[1]?.id ?? '')).filter(
    (id): id is string => id !== null && !alices.has(id),
  );
});
afterAll(async () => {
  await fake.close();
  vi.useRealTimers();
});

async function put(ids: readonly string[]): Promise<void> {
  const uris = ids.map((id) => `spotify:track:${id}`).join(',');
  const res = await fetch(`${fake.baseUrl}/v1/me/library?uris=${uris}`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${token}` },
  });
  expect(res.status).toBe(200);
}

async function newest(count: number): Promise<{ id: string | null; addedAt: string }[]> {
  const res = await fetch(`${fake.baseUrl}/v1/me/tracks?limit=${count}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const page = (await res.json()) as { items: { added_at: string; track: { id: string } }[] };
  return page.items.map((item) => ({ id: item.track.id, addedAt: item.added_at }));
}

describe('saves within one second and after it', () => {
  it('dates saves to the whole second and puts each later save above the earlier ones', async () => {
    const [a1, a2, b1, b2, c1] = unsaved as [string, string, string, string, string];
    const seededNewest = (await newest(1))[0];
    await put([a1, a2]);
    await put([b1, b2]);
    await fake.control.advanceTime(1);
    await put([c1]);
    const second = '2026-12-04T10:00:00Z';
    expect(await newest(6)).toEqual([
      { id: c1, addedAt: '2026-12-04T10:00:01Z' },
      { id: b2, addedAt: second },
      { id: b1, addedAt: second },
      { id: a2, addedAt: second },
      { id: a1, addedAt: second },
      seededNewest,
    ]);
  });

  it('leaves a track saved again in the same second where it was, with its date', async () => {
    const before = await newest(3);
    const [top, middle] = before;
    const fresh = unsaved[5] ?? '';
    await put([middle?.id ?? '', fresh]);
    expect(await newest(4)).toEqual([{ id: fresh, addedAt: top?.addedAt }, ...before]);
  });
});
