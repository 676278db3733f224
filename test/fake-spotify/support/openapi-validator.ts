// Validates fake responses against Spotify's OpenAPI spec (the project's copy in ../spec/).
// OpenAPI 3.0 schemas are not plain JSON Schema, so the document is adapted once: `nullable: true`
// becomes a null-allowing type, deprecated properties stop being required (they
// are gone in Development Mode), and the few places where Spotify really sends null although
// the spec says string are listed below, each with its reason.
import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';

export const SPEC_URL = new URL('../spec/spotify-openapi.yml', import.meta.url);

/** [schema, property] pairs Spotify sends as null in practice. */
const KNOWN_NULLS: readonly [string, string][] = [
  // The spec's own description says "`null` if not available"; Spotify sends null for it.
  ['PrivateUserObject', 'display_name'],
  // Local files have no Spotify IDs or links (Spotify's docs: `id` may be null).
  ['TrackObject', 'id'],
  ['TrackObject', 'href'],
  ['AlbumBase', 'album_type'],
  ['AlbumBase', 'id'],
  ['AlbumBase', 'href'],
  ['AlbumBase', 'uri'],
  ['AlbumBase', 'release_date'],
  ['AlbumBase', 'release_date_precision'],
  ['SimplifiedArtistObject', 'id'],
  ['SimplifiedArtistObject', 'href'],
  ['SimplifiedArtistObject', 'uri'],
];

type Json = Record<string, unknown>;

export interface SpecValidators {
  me: ValidateFunction;
  savedTracksPage: ValidateFunction;
  errorBody: ValidateFunction;
  /**
   * The validator of one operation's answer, e.g. `('/me/library/contains', 'get', 200)`, or null
   * when the spec declares that answer without a body. Throws for an answer the spec lacks.
   */
  response(path: string, method: string, status: number): ValidateFunction | null;
}

export function loadSpecValidators(): SpecValidators {
  const doc = parse(readFileSync(SPEC_URL, 'utf8')) as Json;
  const schemas = (doc['components'] as Json)['schemas'] as Record<string, Json>;
  for (const [schema, property] of KNOWN_NULLS) {
    const props = schemas[schema]?.['properties'] as Record<string, Json> | undefined;
    const prop = props?.[property];
    if (!prop) throw new Error(`spec has no ${schema}.${property}; update KNOWN_NULLS`);
    prop['nullable'] = true;
  }
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addSchema(adapt(doc) as Json, 'spotify');
  const responseSchema = (name: string) => ({
    $ref: `spotify#/components/responses/${name}/content/application~1json/schema`,
  });
  const paths = doc['paths'] as Record<string, Record<string, Json>>;
  return {
    me: ajv.compile(responseSchema('OnePrivateUser')),
    savedTracksPage: ajv.compile(responseSchema('PagingSavedTrackObject')),
    errorBody: ajv.compile(responseSchema('Unauthorized')),
    response: (path, method, status) => {
      const responses = paths[path]?.[method]?.['responses'] as Record<string, Json> | undefined;
      const answer = responses?.[String(status)];
      if (!answer) throw new Error(`spec has no ${status} answer for ${method} ${path}`);
      const ref = answer['$ref'];
      if (typeof ref === 'string') {
        return ajv.compile(responseSchema(ref.replace('#/components/responses/', '')));
      }
      if (answer['content'] === undefined) return null;
      const pointer = ['paths', path, method, 'responses', String(status), 'content']
        .map((part) => part.replace(/~/g, '~0').replace(/\//g, '~1'))
        .join('/');
      return ajv.compile({ $ref: `spotify#/${pointer}/application~1json/schema` });
    },
  };
}

// Rewrites OpenAPI-only keywords into JSON Schema, depth first, returning a new tree.
function adapt(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(adapt);
  if (node === null || typeof node !== 'object') return node;
  const { nullable, ...rest } = Object.fromEntries(
    Object.entries(node as Json).map(([key, value]) => [key, adapt(value)]),
  );
  const props = rest['properties'] as Record<string, Json> | undefined;
  if (props && Array.isArray(rest['required'])) {
    rest['required'] = (rest['required'] as string[]).filter(
      (name) => props[name]?.['deprecated'] !== true,
    );
  }
  if (nullable !== true) return rest;
  if (Array.isArray(rest['enum'])) rest['enum'] = [...(rest['enum'] as unknown[]), null];
  if (typeof rest['type'] === 'string') return { ...rest, type: [rest['type'], 'null'] };
  // A nullable property typed only through allOf/$ref gets the null alternative around it.
  return { anyOf: [rest, { type: 'null' }] };
}
