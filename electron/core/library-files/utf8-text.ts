// An import file's bytes as text: UTF-8 (with or without the byte-order mark Excel writes), or a
// refusal that says where the first byte that is not UTF-8 is — a file saved as Latin-1 or
// UTF-16 would otherwise import names as mojibake. Binary data is refused as such.
import { isUtf8 } from 'node:buffer';
import { ImportFileError } from './import-file-error.js';
import { positionAt } from './text-position.js';

const replacement = '\uFFFD';
const replacementBytes = [0xef, 0xbf, 0xbd];

export function decodeUtf8(bytes: Uint8Array): string {
  if (bytes.includes(0)) {
    throw new ImportFileError(
      'import_file_encoding',
      'This file holds binary data, not text: choose a CSV or JSON file exported from Spotify or from this app.',
    );
  }
  const text = new TextDecoder('utf-8', { ignoreBOM: false }).decode(bytes);
  if (!isUtf8(bytes)) {
    const { line, column } = positionAt(text, firstUndecodable(text, bytes));
    throw new ImportFileError(
      'import_file_encoding',
      `This file is not UTF-8 text (line ${line}, column ${column}). Save it as "CSV UTF-8" or export it again.`,
    );
  }
  return text;
}

// The decoder puts U+FFFD where bytes are not UTF-8; a U+FFFD the file really holds is encoded
// as EF BF BD, so the first replacement whose bytes are not those is where the file went wrong.
function firstUndecodable(text: string, bytes: Uint8Array): number {
  const encoder = new TextEncoder();
  // The decoder dropped a byte-order mark from the text; its three bytes come first.
  let byteOffset = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  let last = 0;
  for (let at = text.indexOf(replacement); at !== -1; at = text.indexOf(replacement, at + 1)) {
    byteOffset += encoder.encode(text.slice(last, at)).length;
    last = at;
    const genuine = replacementBytes.every((byte, i) => bytes[byteOffset + i] === byte);
    if (!genuine) return at;
  }
  return 0;
}
