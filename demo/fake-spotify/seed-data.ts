// Deterministic users and libraries for the fake Spotify, fixed by the seed: who can sign in,
// what /v1/me says about them and which tracks each has saved. Libraries are built as plain
// number arrays (no track JSON), so 3 users x 100,000 tracks take a few milliseconds.
import { SavedLibrary } from './saved-library.js';
import { base62String, hexString, mix32 } from './seeded-random.js';
import type { ImageJson } from './track-catalogue.js';
import { LAST_NAMES } from './word-lists.js';

export interface SeededUser {
  username: string;
  password: string;
  id: string;
  accountId: string;
  displayName: string | null;
}

export interface SeededProfile extends SeededUser {
  images: ImageJson[];
}

const USERNAMES = [
  'alice',
  'bob',
  'carol',
  'dave',
  'erin',
  'frank',
  'grace',
  'heidi',
  'ivan',
  'judy',
];

/** The newest seeded save of user 0; everything else is older. */
const NEWEST_SEEDED_SAVE = Date.UTC(2026, 5, 1, 12, 0, 0) / 1000;
const FIFTEEN_YEARS = 15 * 365 * 24 * 3600;
const THREE_DAYS = 3 * 24 * 3600;

export function seedProfiles(seed: number, count: number): SeededProfile[] {
  return Array.from({ length: count }, (_, i) => seedProfile(seed, i));
}

function seedProfile(seed: number, index: number): SeededProfile {
  const username = USERNAMES[index] ?? `user${index + 1}`;
  const capitalised = username.charAt(0).toUpperCase() + username.slice(1);
  const surname = LAST_NAMES[mix32(seed, index, 1) % LAST_NAMES.length] ?? 'Smith';
  // User 1 shows the Development Mode edge cases a UI must survive: no name and no picture.
  // User 2 has a Facebook-hosted avatar without dimensions, as accounts linked to Facebook do.
  const displayName = index === 1 ? null : `${capitalised} ${surname}`;
  const avatar = hexString(24, seed, index, 2);
  const images: ImageJson[] =
    index === 1
      ? []
      : index === 2
        ? [
            {
              url: facebookAvatarUrl(seed, index),
              height: null,
              width: null,
            },
          ]
        : [
            { url: `https://i.scdn.co/image/ab6775700000ee85${avatar}`, height: 300, width: 300 },
            { url: `https://i.scdn.co/image/ab67757000003b82${avatar}`, height: 64, width: 64 },
          ];
  return {
    username,
    password: `${username}-password`,
    id: base62String(25, seed, index, 4).toLowerCase(),
    accountId: base62String(16, seed, index, 5),
    displayName,
    images,
  };
}

/** Spotify passes Facebook's signed profile-picture link through as is: ext is an expiry time. */
function facebookAvatarUrl(seed: number, index: number): string {
  const asid = `10${String(mix32(seed, index, 3)).padStart(10, '0')}`;
  const ext = 1_780_000_000 + (mix32(seed, index, 6) % 10_000_000);
  const hash = `Ab${base62String(22, seed, index, 7)}`;
  return `https://platform-lookaside.fbsbx.com/platform/profilepic/?asid=${asid}&height=300&width=300&ext=${ext}&hash=${hash}`;
}

/** Whether oldest-first position k of a seeded library is a local file (about 1 in 100). */
export function isSeededLocalFile(position: number): boolean {
  return position % 97 === 13;
}

/**
 * Seeded libraries. Neighbouring users share about half their tracks (useful for compare and
 * copy), local files are sprinkled in, added_at falls back from a fixed date over at most 15 years.
 */
export function seedLibraries(seed: number, trackCounts: readonly number[]): SavedLibrary[] {
  let start = 0;
  return trackCounts.map((count, userIndex) => {
    const keys = new Array<number>(count);
    const addedAt = new Array<number>(count);
    const averageGap = Math.max(
      1,
      Math.floor(Math.min(count * THREE_DAYS, FIFTEEN_YEARS) / Math.max(count, 1)),
    );
    let at = NEWEST_SEEDED_SAVE - userIndex * 3600;
    for (let k = count - 1; k >= 0; k--) {
      keys[k] = isSeededLocalFile(k) ? -(k + 1) : start + k;
      addedAt[k] = at;
      at -= 1 + Math.floor(averageGap * (0.5 + (mix32(seed, userIndex, k) % 1000) / 1000));
    }
    start += Math.ceil(count / 2);
    return new SavedLibrary(keys, addedAt);
  });
}
