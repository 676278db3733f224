// Reads one of our JSON library files into import sections, checked against the schema export
// writes with (library-file-json.ts). A JSON file of another kind, or of another version of our
// format, is refused with its own message before the schema speaks; a schema error names the
// path of the value that is wrong (`accounts[0].tracks[12].addedAt`).
import { ImportFileError } from './import-file-error.js';
import { ImportSections, parseAddedAt } from './import-sections.js';
import type { ImportFile } from './import-types.js';
import {
  LIBRARY_FILE_FORMAT,
  LIBRARY_FILE_VERSION,
  libraryFileSchema,
} from './library-file-json.js';
import { positionAt } from './text-position.js';

export function readLibraryJson(text: string, maxRows: number): ImportFile {
  const document = parseJson(text);
  const kind =
    typeof document === 'object' && document !== null && !Array.isArray(document)
      ? (document as Record<string, unknown>)
      : null;
  if (kind?.['format'] !== LIBRARY_FILE_FORMAT) {
    throw new ImportFileError(
      'import_file_json_shape',
      `This JSON file is not a Liked Songs file of this app (it has no "format": "${LIBRARY_FILE_FORMAT}"). Import our JSON, or a CSV.`,
    );
  }
  if (kind['version'] !== LIBRARY_FILE_VERSION) {
    throw new ImportFileError(
      'import_file_version',
      `This file is version ${JSON.stringify(kind['version'])} of the app's format; this version of the app reads version ${LIBRARY_FILE_VERSION}. Update the app, or export the file again.`,
    );
  }
  const checked = libraryFileSchema.safeParse(document);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    const where = issue === undefined ? 'the file' : pathText(issue.path);
    throw new ImportFileError(
      'import_file_json_shape',
      `This file's ${where} is not what the format allows: ${issue?.message ?? 'invalid'}.`,
    );
  }
  const file = checked.data;
  const total = file.accounts.reduce((sum, account) => sum + account.tracks.length, 0);
  if (total > maxRows) {
    throw new ImportFileError(
      'import_file_too_many_rows',
      `This file has ${total.toLocaleString('en-US')} tracks; the app imports at most ${maxRows.toLocaleString('en-US')} at once. Export fewer accounts into one file.`,
    );
  }
  if (total === 0) throw new ImportFileError('import_file_empty', 'This file holds no tracks.');

  const lines = trackLines(text, total);
  const sections = new ImportSections();
  let ordinal = 0;
  file.accounts.forEach((account, index) => {
    const key = String(index);
    const owner = { label: account.label, spotifyUserId: account.spotifyUserId };
    sections.open(key, owner);
    for (const track of account.tracks) {
      sections.add(key, owner, {
        reference: track.isLocal ? track.uri : (track.id ?? track.uri),
        addedAt: parseAddedAt(track.addedAt),
        line: lines[ordinal] ?? ordinal + 1,
      });
      ordinal += 1;
    }
  });
  return sections.result('app_json');
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    // V8 says "… at position N" (and newer ones add the line and column themselves).
    const at = /position (\d+)/.exec(error instanceof Error ? error.message : '')?.[1];
    const where = at === undefined ? positionAt(text, text.length) : positionAt(text, Number(at));
    throw new ImportFileError(
      'import_file_json_syntax',
      `This file is not valid JSON (line ${where.line}, column ${where.column}). It may have been cut off or edited by hand.`,
      { cause: error },
    );
  }
}

function pathText(path: readonly PropertyKey[]): string {
  if (path.length === 0) return 'content';
  return path
    .map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`))
    .join('');
}

// The line of each track's "uri" key, in file order: each track object has exactly one, and
// nothing else in the file does (names with that text in them are escaped as \"uri\"). When the
// count disagrees (a file edited by hand), tracks are numbered in order instead.
function trackLines(text: string, tracks: number): readonly number[] {
  const lines: number[] = [];
  const key = /(?<!\\)"uri"\s*:/g;
  let line = 1;
  let from = 0;
  for (let match = key.exec(text); match !== null; match = key.exec(text)) {
    for (
      let at = text.indexOf('\n', from);
      at !== -1 && at < match.index;
      at = text.indexOf('\n', at + 1)
    ) {
      line += 1;
      from = at + 1;
    }
    lines.push(line);
  }
  return lines.length === tracks ? lines : [];
}
