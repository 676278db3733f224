// Where in a text an index falls, as a person reading the file in an editor counts: line and
// column, both from 1. Error messages about a file name the place this way.

export interface TextPosition {
  readonly line: number;
  readonly column: number;
}

export function positionAt(text: string, index: number): TextPosition {
  let line = 1;
  let lineStart = 0;
  for (let at = text.indexOf('\n'); at !== -1 && at < index; at = text.indexOf('\n', at + 1)) {
    line += 1;
    lineStart = at + 1;
  }
  return { line, column: index - lineStart + 1 };
}

/** The count of line breaks in a text (a CRLF counts once). */
export function lineBreaks(text: string): number {
  let count = 0;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) count += 1;
  return count;
}
