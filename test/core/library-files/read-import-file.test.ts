// Import files as people bring them: each kind of bad file is refused whole with a message that
// names what is wrong and where, and the usable ones yield their tracks in file order, each once,
// with the rows that cannot be saved listed by line and reason.
import { describe, expect, it } from 'vitest';
import { ImportFileError } from '../../../electron/core/library-files/import-file-error.js';
import { encodeLibraryCsv } from '../../../electron/core/library-files/library-file-csv.js';
import { encodeLibraryJson } from '../../../electron/core/library-files/library-file-json.js';
import {
  MAX_IMPORT_BYTES,
  MAX_IMPORT_ROWS,
  readImportFile,
} from '../../../electron/core/library-files/read-import-file.js';
import type { SavedTrack } from '../../../electron/core/spotify/models.js';
import { exportifyHeaderLine, exportifyLine } from '../../support/exportify-csv.js';

const encode = (text: string) => new TextEncoder().encode(text);
const idOf = (n: number) => `${String(n).padStart(4, '0')}${'x'.repeat(18)}`;

function refusal(bytes: Uint8Array | string): ImportFileError {
  try {
    readImportFile(typeof bytes === 'string' ? encode(bytes) : bytes);
  } catch (error) {
    if (error instanceof ImportFileError) return error;
    throw error;
  }
  throw new Error('the file was read');
}

function track(n: number, overrides: Partial<SavedTrack> = {}): SavedTrack {
  return {
    id: idOf(n),
    uri: `spotify:track:${idOf(n)}`,
    name: `Song "${n}", part 1\nof 2`,
    artists: [
      { id: 'a'.repeat(22), name: 'Tyler, The Creator' },
      { id: null, name: 'Zoë' },
    ],
    album: 'Album',
    albumImageUrl: 'https://i.scdn.co/image/x',
    durationMs: 200_000 + n,
    explicit: n % 2 === 0,
    isLocal: false,
    addedAt: Date.UTC(2024, 0, 1) - n * 60_000,
    spotifyUrl: `https://open.spotify.com/track/${idOf(n)}`,
    ...overrides,
  };
}

const localTrack = track(99, {
  id: null,
  uri: 'spotify:local:Artist:Album:Home+demo:180',
  isLocal: true,
  spotifyUrl: null,
});

const exportifyHeader = exportifyHeaderLine;

function exportifyRow(uri: string, addedAt: string): string {
  return exportifyLine({ uri, addedAt });
}

describe('refused files', () => {
  it('refuses an empty file, and a header with no rows', () => {
    expect(refusal('')).toMatchObject({
      code: 'import_file_empty',
      message: 'This file is empty.',
    });
    expect(refusal(' \n\n')).toMatchObject({ code: 'import_file_empty' });
    expect(refusal(`${exportifyHeader}\n`).message).toMatch(/header but no tracks/);
  });

  it('refuses a file over the size cap, saying its size and the cap', () => {
    const error = refusal(new Uint8Array(MAX_IMPORT_BYTES + 1));
    expect(error.code).toBe('import_file_too_large');
    expect(error.message).toBe(
      'This file is 64.0 MB; the app imports files of at most 64.0 MB. Split it into smaller files.',
    );
    expect(refusal(new Uint8Array(70 * 1024 * 1024)).message).toMatch(/^This file is 70\.0 MB;/);
  });

  it('refuses a file that is not UTF-8, naming the line and column of the first bad byte', () => {
    // "Track URI\nCafé" saved as Latin-1: é is the single byte E9.
    const latin1 = new Uint8Array([...encode('Track URI\nCaf'), 0xe9, 0x0a]);
    expect(refusal(latin1)).toMatchObject({
      code: 'import_file_encoding',
      message: expect.stringContaining('(line 2, column 4)'),
    });
    // A real U+FFFD before the bad byte is text, not the error.
    const withReplacement = new Uint8Array([...encode('Track URI\n\uFFFD\uFFFDx'), 0xff]);
    expect(refusal(withReplacement).message).toContain('(line 2, column 4)');
    // Behind a byte-order mark, the place is still counted from the text.
    const afterBom = new Uint8Array([0xef, 0xbb, 0xbf, ...encode('ab\ncd'), 0xc3, 0x28]);
    expect(refusal(afterBom).message).toContain('(line 2, column 3)');
  });

  it('refuses binary data and text that is not CSV, with the line and column', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
    expect(refusal(png)).toMatchObject({
      code: 'import_file_encoding',
      message: expect.stringContaining('binary data'),
    });
    expect(refusal(`Track URI,Added At\n"spotify:track:${idOf(1)},x\n`)).toMatchObject({
      code: 'import_file_not_csv',
      message:
        'This file cannot be read as CSV: a quoted value is never closed (line 2, column 1).',
    });
    expect(
      refusal(`Track URI,Added At\nspotify:track:${idOf(1)},2020\nab,c"d"e,f\n`),
    ).toMatchObject({ code: 'import_file_not_csv' });
    expect(refusal(`Track URI,Added At\r\n"a\r\nb",1\r\nx,y,z\r\n`).message).toBe(
      'This file cannot be read as CSV: line 4 has 3 values where the header has 2.',
    );
  });

  it('refuses a CSV without a track URI column, listing the columns it has', () => {
    expect(refusal('Title,Artist,Album\nSong,Someone,Record\n')).toMatchObject({
      code: 'import_file_columns',
      message: expect.stringContaining('Line 1 has no "Track URI" column'),
    });
    expect(refusal('Title,Artist\nSong,Someone\n').message).toContain('"Title", "Artist"');
  });

  it('refuses JSON that is cut off, of another shape, or of another version', () => {
    expect(
      refusal('{\n  "format": "multi-account-for-spotify/liked-songs",\n  "version": 1,\n'),
    ).toMatchObject({
      code: 'import_file_json_syntax',
      message: expect.stringMatching(/^This file is not valid JSON \(line 4, column 1\)/),
    });
    expect(refusal('{"tracks": []}')).toMatchObject({
      code: 'import_file_json_shape',
      message: expect.stringContaining('not a Liked Songs file of this app'),
    });
    expect(refusal('{"format":"multi-account-for-spotify/liked-songs","version":2}')).toMatchObject(
      {
        code: 'import_file_version',
        message: expect.stringContaining(
          "version 2 of the app's format; this version of the app reads version 1",
        ),
      },
    );
    const file = JSON.parse(
      encodeLibraryJson(
        [
          {
            account: { label: 'Alice', spotifyUserId: 'alice' },
            syncedAt: 0,
            tracks: [track(1), track(2)],
          },
        ],
        { appName: 'App', appVersion: '1', exportedAt: 0 },
      ),
    ) as { accounts: { tracks: { addedAt: string }[] }[] };
    const second = file.accounts[0]?.tracks[1];
    if (second !== undefined) second.addedAt = 'last Tuesday';
    expect(refusal(JSON.stringify(file))).toMatchObject({
      code: 'import_file_json_shape',
      message: expect.stringContaining(
        "This file's accounts[0].tracks[1].addedAt is not what the format allows",
      ),
    });
  });

  it('refuses a CSV of 200,000 rows, and reads one at the cap', () => {
    const rows = (count: number) =>
      `Track URI\n${Array.from({ length: count }, (_, i) => `spotify:track:${idOf(i % 9_999)}`).join('\n')}\n`;
    expect(refusal(rows(200_000))).toMatchObject({
      code: 'import_file_too_many_rows',
      message: expect.stringContaining('more than 100,000 rows'),
    });
    expect(readImportFile(encode(rows(MAX_IMPORT_ROWS))).rows).toBe(MAX_IMPORT_ROWS);
  });
});

describe('files that import', () => {
  it('reads an Exportify CSV: tracks in file order, duplicates once, unusable rows by line and reason', () => {
    const csv = [
      exportifyHeader,
      exportifyRow(`spotify:track:${idOf(1)}`, '2024-03-01T10:00:00Z'),
      exportifyRow('spotify:local:Artist:Album:Demo:180', '2024-02-01T10:00:00Z'),
      exportifyRow(`spotify:track:${idOf(2)}`, '2024-01-01T10:00:00Z'),
      exportifyRow(`spotify:track:${idOf(1)}`, '2023-12-01T10:00:00Z'),
      exportifyRow('', '2023-11-01T10:00:00Z'),
      exportifyRow('spotify:episode:4rOoJ6Egrf8K2IrywzwOMk', '2023-10-01T10:00:00Z'),
      exportifyRow(`spotify:track:${idOf(3).slice(0, 10)}`, '2023-09-01T10:00:00Z'),
    ].join('\r\n');
    const file = readImportFile(encode(`\uFEFF${csv}\r\n`));
    expect(file).toMatchObject({ format: 'exportify_csv', rows: 7, duplicates: 1 });
    expect(file.sections).toHaveLength(1);
    expect(file.sections[0]?.tracks).toEqual([
      { id: idOf(1), addedAt: Date.parse('2024-03-01T10:00:00Z'), line: 2 },
      { id: idOf(2), addedAt: Date.parse('2024-01-01T10:00:00Z'), line: 4 },
    ]);
    expect(file.rejected).toEqual([
      { line: 3, reason: 'local_file', value: 'spotify:local:Artist:Album:Demo:180' },
      { line: 6, reason: 'no_track_uri', value: '' },
      { line: 7, reason: 'malformed_uri', value: 'spotify:episode:4rOoJ6Egrf8K2IrywzwOMk' },
      { line: 8, reason: 'malformed_uri', value: `spotify:track:${idOf(3).slice(0, 10)}` },
    ]);
  });

  it("reads an older Exportify's Spotify ID column and open.spotify.com links, without dates", () => {
    const csv = [
      '"Spotify ID","Artist IDs","Track Name","Album Name","Artist Name(s)","Release Date","Duration (ms)","Popularity","Added By","Added At"',
      `"${idOf(5)}","x","A","B","C","2001","1000","1","",""`,
      `"https://open.spotify.com/intl-de/track/${idOf(6)}?si=abc","x","A","B","C","2001","1000","1","",""`,
    ].join('\n');
    const file = readImportFile(encode(csv));
    expect(file.sections[0]?.tracks).toEqual([
      { id: idOf(5), addedAt: null, line: 2 },
      { id: idOf(6), addedAt: null, line: 3 },
    ]);
  });

  it('reads our CSV back: each account its own section, same tracks and order, lines past quoted line breaks', () => {
    const sections = [
      {
        account: { label: 'Alice', spotifyUserId: 'alice' },
        syncedAt: 0,
        tracks: [track(1), localTrack, track(2)],
      },
      {
        account: { label: 'Bob, the other', spotifyUserId: 'bob' },
        syncedAt: 0,
        tracks: [track(2), track(3)],
      },
    ];
    for (const excelBom of [false, true]) {
      const file = readImportFile(encode(encodeLibraryCsv(sections, { excelBom })));
      expect(file.format).toBe('app_csv');
      expect(file.sections.map((s) => [s.label, s.spotifyUserId])).toEqual([
        ['Alice', 'alice'],
        ['Bob, the other', 'bob'],
      ]);
      expect(file.sections.map((s) => s.tracks.map((t) => [t.id, t.addedAt]))).toEqual([
        [track(1), track(2)].map((t) => [t.id, t.addedAt]),
        [track(2), track(3)].map((t) => [t.id, t.addedAt]),
      ]);
      // Every name holds one line break, so each row takes two lines after the header.
      expect(file.sections[0]?.tracks.map((t) => t.line)).toEqual([2, 6]);
      expect(file.rejected).toEqual([{ line: 4, reason: 'local_file', value: localTrack.uri }]);
      expect(file.duplicates).toBe(0);
    }
  });

  it('writes our CSV under Exportify column names, RFC 4180 quoted, with the BOM only when asked', () => {
    const sections = [
      { account: { label: 'Alice', spotifyUserId: 'alice' }, syncedAt: 0, tracks: [track(1)] },
    ];
    const plain = encodeLibraryCsv(sections, { excelBom: false });
    expect(
      plain.startsWith(
        'Track URI,Track Name,Album Name,Artist Name(s),Duration (ms),Explicit,Added By,Added At,',
      ),
    ).toBe(true);
    expect(plain).toContain('"Song ""1"", part 1\nof 2"');
    expect(plain).toContain('"Tyler, The Creator,Zoë"');
    expect(plain).toContain(',2023-12-31T23:59:00.000Z,');
    expect(plain.split('\r\n')).toHaveLength(3);
    expect(encodeLibraryCsv(sections, { excelBom: true })).toBe(`\uFEFF${plain}`);
  });

  it('reads our JSON: accounts as sections, empty ones kept, lines of each track', () => {
    const text = encodeLibraryJson(
      [
        {
          account: { label: 'Alice', spotifyUserId: 'alice' },
          syncedAt: 0,
          tracks: [track(1), localTrack, track(1)],
        },
        { account: { label: 'Empty', spotifyUserId: null }, syncedAt: 0, tracks: [] },
      ],
      { appName: 'App', appVersion: '1', exportedAt: 0 },
    );
    const file = readImportFile(encode(text));
    expect(file).toMatchObject({ format: 'app_json', rows: 3, duplicates: 1 });
    expect(file.sections.map((s) => [s.label, s.tracks.length])).toEqual([
      ['Alice', 1],
      ['Empty', 0],
    ]);
    const lines = text.split('\n');
    const first = file.sections[0]?.tracks[0]?.line ?? 0;
    expect(lines[first - 1]).toContain(`"uri": "spotify:track:${idOf(1)}"`);
    const rejected = file.rejected[0];
    expect(rejected?.reason).toBe('local_file');
    expect(lines[(rejected?.line ?? 0) - 1]).toContain(localTrack.uri);
  });
});
