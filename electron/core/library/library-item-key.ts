// Identifies one saved item of a library: the same track saved again later is a new item. Shared
// by the sync (has the top of the library moved?), the diff between revisions and the page that
// applies it, so all three agree. Browser-safe: no imports.
export function libraryItemKey(item: {
  readonly id: string | null;
  readonly uri: string;
  readonly addedAt: number;
}): string {
  return `${item.id ?? item.uri}@${item.addedAt}`;
}
