// The heart of a row against the fake Spotify, over real sockets: removals of the same account at
// once each reach the app's copy of its library.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { libraryOf, openJobsFixture, spotifyIds, type JobsFixture } from './support.js';

let fixture: JobsFixture;

beforeEach(async () => {
  fixture = await openJobsFixture({ users: 1, tracks: 300 });
});

afterEach(async () => {
  await fixture.close();
});

it('keeps every removal in the library when several hearts of one account are undone at once', async () => {
  const { core, fake } = fixture;
  const alice = fixture.account(0);
  const gone = (await libraryOf(core, alice.id)).tracks
    .flatMap((track) => track.id ?? [])
    .slice(5, 11);
  await Promise.all(gone.map((id) => core.jobs.setSaved(alice.id, id, false)));

  const onSpotify = await spotifyIds(fake, 0);
  for (const id of gone) expect(onSpotify).not.toContain(id);
  expect((await libraryOf(core, alice.id)).tracks.map((t) => t.id)).toEqual(onSpotify);
});
