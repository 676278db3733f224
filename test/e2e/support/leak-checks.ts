// The "left nothing behind" checks every end-to-end file ends with: a removed account is named in
// no file under the data directory, and no token the core ever stored shows up in the page, a
// WebSocket frame, the harness log or any file under the data directory.
import { expect } from '@playwright/test';
import { filesUnder, type E2eHarness } from './e2e-harness.js';

export async function expectNoFileMentions(dataDir: string, ids: readonly string[]): Promise<void> {
  for (const { file, text } of await filesUnder(dataDir)) {
    for (const id of ids) expect(text.includes(id), `${file} mentions ${id}`).toBe(false);
  }
}

export async function expectNoTokenAnywhere(
  e2e: E2eHarness,
  seen: { readonly pageContents: readonly string[]; readonly frames: readonly string[] },
): Promise<void> {
  const tokens = [...e2e.tokensSeen];
  expect(tokens.length).toBeGreaterThanOrEqual(4); // two accounts at least: access + refresh each
  const files = await filesUnder(e2e.dataDir);
  const places = [
    ...seen.pageContents.map((text) => ({ where: 'the page', text })),
    ...seen.frames.map((text) => ({ where: 'a WebSocket frame', text })),
    ...e2e.logs.map((text) => ({ where: 'the harness log', text })),
    ...files.map(({ file, text }) => ({ where: file, text })),
  ];
  for (const token of tokens) {
    for (const { where, text } of places) {
      expect(text.includes(token), `a token appears in ${where}`).toBe(false);
    }
  }
}
