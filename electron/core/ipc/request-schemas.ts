// The run-time checks of every request's arguments, one zod schema per channel of the contract,
// applied by the router before any handler runs: the renderer is never trusted. The compiler holds
// each schema to the contract's argument types both ways, so a handler gets exactly what the
// bridge's types let the page send. Main process only: the renderer never loads zod.
import { z } from 'zod';
import { accountColourNames } from '../accounts/account-colours.js';
import { loginModes } from '../settings/setting-rules.js';
import { maxCachedTracksPerRequest, type RequestArgs, type RequestChannel } from './contract.js';

const accountId = z.string().min(1).max(200);
const nickname = z.string().max(64).nullable();
const revision = z.string().max(100);
/** Spotify's track IDs: 22 base62 characters. */
const trackId = z.string().regex(/^[A-Za-z0-9]{22}$/, 'not a Spotify track ID');
/** Plan and job IDs the core hands out. */
const jobId = z.string().min(1).max(100);

const jobSelection = z
  .object({
    accountId,
    revision,
    // A bitmap of up to 240,000 positions: far more than any library Spotify keeps.
    positions: z
      .string()
      .max(40_000)
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'not base64'),
  })
  .strict();

/** Arguments of each request channel, as a tuple. */
export const requestArgs = {
  'app:info': z.tuple([]),
  'app:startDemo': z.tuple([]),
  'settings:get': z.tuple([]),
  'settings:update': z.tuple([
    z
      .object({
        clientId: z.string().max(64).nullable(),
        redirectPort: z.number().int().nullable(),
        loginMode: z.enum(loginModes),
        // Ranges are the settings store's to check, with an error that names the setting.
        librarySyncMaxAgeMinutes: z.number().int(),
      })
      .partial()
      .strict(),
  ]),
  'accounts:list': z.tuple([]),
  'accounts:add': z.tuple([]),
  'accounts:cancelLogins': z.tuple([]),
  'accounts:remove': z.tuple([accountId]),
  'accounts:rename': z.tuple([accountId, nickname]),
  'accounts:recolour': z.tuple([accountId, z.enum(accountColourNames)]),
  'accounts:reorder': z.tuple([z.array(accountId).max(500)]),
  'accounts:setActive': z.tuple([accountId]),
  'profile:get': z.tuple([accountId]),
  'library:tracks': z.tuple([
    accountId,
    z.object({ offset: z.number().int().min(0), limit: z.number().int().min(1).max(50) }).strict(),
  ]),
  'library:sync': z.tuple([
    accountId,
    z.object({ since: revision.nullable() }).strict().optional(),
  ]),
  'library:cached': z.tuple([
    accountId,
    z
      .object({
        offset: z.number().int().min(0),
        limit: z.number().int().min(1).max(maxCachedTracksPerRequest),
      })
      .strict(),
  ]),
  'library:changes': z.tuple([accountId, z.object({ since: revision.nullable() }).strict()]),
  'library:setSaved': z.tuple([accountId, trackId, z.boolean()]),
  'jobs:list': z.tuple([]),
  'jobs:plan': z.tuple([
    z
      .object({
        kind: z.enum(['copy', 'move']),
        targetAccountId: accountId,
        selection: jobSelection,
      })
      .strict(),
  ]),
  'jobs:planUndo': z.tuple([jobId]),
  'jobs:start': z.tuple([jobId]),
  'jobs:pause': z.tuple([jobId]),
  'jobs:resume': z.tuple([jobId]),
  'jobs:cancel': z.tuple([jobId]),
  'library:export': z.tuple([
    z
      .object({
        format: z.enum(['csv', 'json']),
        excelBom: z.boolean(),
        sources: z
          .array(
            z.discriminatedUnion('kind', [
              z.object({ kind: z.literal('library'), accountId }).strict(),
              z.object({ kind: z.literal('selection'), selection: jobSelection }).strict(),
            ]),
          )
          .min(1)
          .max(500)
          .readonly(),
        title: z.string().max(200).nullable(),
      })
      .strict(),
  ]),
  'imports:choose': z.tuple([]),
  'imports:plan': z.tuple([
    z
      .object({
        fileId: jobId,
        targetAccountId: accountId,
        section: z.number().int().min(0).nullable(),
      })
      .strict(),
  ]),
  'backups:status': z.tuple([]),
  'backups:update': z.tuple([
    z
      .object({
        frequency: z.enum(['off', 'daily', 'weekly']),
        // The range is the settings store's to check, with an error that names it.
        keep: z.number().int(),
      })
      .partial()
      .strict(),
  ]),
  'backups:chooseFolder': z.tuple([]),
  'backups:runNow': z.tuple([]),
} as const satisfies { readonly [C in RequestChannel]: z.ZodType };

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Mismatched = {
  [C in RequestChannel]: Same<z.output<(typeof requestArgs)[C]>, RequestArgs<C>> extends true
    ? never
    : C;
}[RequestChannel];
// Fails to compile, naming the channel, when a schema and the contract disagree.
const schemasMatchContract: [Mismatched] extends [never] ? true : Mismatched = true;
void schemasMatchContract;
