// One user's saved tracks, kept compactly: parallel arrays of entry keys and added_at seconds,
// oldest first (so saving puts a track on top with a push). An entry key is a catalogue index
// (>= 0) or, for a local file, -(localKey + 1); track JSON is only built for the page asked for.
// added_at has one-second resolution, as Spotify sends it, so saves within one second share a
// date: their order is the position in the list alone (the later save is nearer the top).

export interface LibraryEntry {
  /** Catalogue index, or null for a local file. */
  readonly catalogueIndex: number | null;
  /** Local-file key when catalogueIndex is null. */
  readonly localKey: number | null;
  /** Seconds since the epoch. */
  readonly addedAt: number;
}

export class SavedLibrary {
  private keys: number[];
  private addedAt: number[];
  private members: Set<number> | null = null;

  constructor(keys: number[], addedAt: number[]) {
    this.keys = keys;
    this.addedAt = addedAt;
  }

  get total(): number {
    return this.keys.length;
  }

  /** Entry at `position`, counting from the newest (0 = most recently saved). */
  entryAt(position: number): LibraryEntry | null {
    const i = this.keys.length - 1 - position;
    const key = this.keys[i];
    const addedAt = this.addedAt[i];
    if (key === undefined || addedAt === undefined) return null;
    return key >= 0
      ? { catalogueIndex: key, localKey: null, addedAt }
      : { catalogueIndex: null, localKey: -key - 1, addedAt };
  }

  contains(catalogueIndex: number): boolean {
    return this.memberSet().has(catalogueIndex);
  }

  /**
   * Saves tracks not saved yet, in order, each on top of the previous (the last one ends up
   * newest), all dated `nowSeconds`; returns those added.
   */
  save(catalogueIndexes: readonly number[], nowSeconds: number): number[] {
    const members = this.memberSet();
    const added: number[] = [];
    // added_at never goes backwards, even if the fake's clock sits before the seeded dates, so
    // dates never increase from the top of the list down.
    const at = Math.max(nowSeconds, this.addedAt[this.addedAt.length - 1] ?? 0);
    for (const index of catalogueIndexes) {
      if (members.has(index)) continue;
      members.add(index);
      this.keys.push(index);
      this.addedAt.push(at);
      added.push(index);
    }
    return added;
  }

  /** Removes the given catalogue tracks; returns those that were saved. */
  remove(catalogueIndexes: readonly number[]): number[] {
    const members = this.memberSet();
    const doomed = new Set(catalogueIndexes.filter((index) => members.has(index)));
    if (doomed.size === 0) return [];
    this.filterOut((key) => doomed.has(key));
    for (const index of doomed) members.delete(index);
    return [...doomed];
  }

  /** Removes `count` entries from the top (newest) or the bottom (oldest), local files included. */
  removeCount(count: number, fromTop: boolean): LibraryEntry[] {
    const n = Math.min(count, this.keys.length);
    const positions = Array.from({ length: n }, (_, i) => (fromTop ? i : this.keys.length - 1 - i));
    const removed = positions
      .map((p) => this.entryAt(p))
      .filter((e): e is LibraryEntry => e !== null);
    if (fromTop) {
      this.keys.splice(this.keys.length - n, n);
      this.addedAt.splice(this.addedAt.length - n, n);
    } else {
      this.keys.splice(0, n);
      this.addedAt.splice(0, n);
    }
    this.members = null;
    return removed;
  }

  private filterOut(drop: (key: number) => boolean): void {
    const keys: number[] = [];
    const addedAt: number[] = [];
    this.keys.forEach((key, i) => {
      if (drop(key)) return;
      keys.push(key);
      addedAt.push(this.addedAt[i] ?? 0);
    });
    this.keys = keys;
    this.addedAt = addedAt;
  }

  // Built on first use: most tests never ask "is this saved?".
  private memberSet(): Set<number> {
    if (this.members === null) this.members = new Set(this.keys.filter((key) => key >= 0));
    return this.members;
  }
}

/** added_at as the Web API writes it: `YYYY-MM-DDTHH:MM:SSZ`, no fraction. */
export function spotifyTimestamp(seconds: number): string {
  return new Date(seconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
