// Each held track list as columns of numbers: a number per track ID (the same ID, the same
// number, across every account's list) and the date each track was saved. Made once per list and
// kept beside it, in idle time after the list arrives, so the union of several libraries is a
// loop over numbers: reading 150,000 track objects and hashing their IDs is most of what a union
// made from the objects costs, and far more than the union itself.
import type { TrackView } from '../app-contract.js';
import { inIdleSlices, type IdleTime } from '../common/idle-slices.js';

export interface TrackColumns {
  /** Per position: the number of the track's ID, or -1 for a local file (it has none). */
  readonly numbers: Int32Array;
  /** Per position: when the track was saved (epoch ms). */
  readonly addedAt: Float64Array;
}

/** Tracks numbered between two looks at the idle deadline: about a millisecond's work. */
const tracksPerSlice = 2_000;

interface Building {
  readonly columns: TrackColumns;
  done: number;
}

export class ListColumns {
  readonly #numberOf = new Map<string, number>();
  // Per number, the first track seen with its ID: what the union's sort orders it by.
  readonly #tracks: TrackView[] = [];
  readonly #made = new WeakMap<readonly TrackView[], Building>();
  // Per owner (an account): calls off the columns still being made for its previous list.
  readonly #later = new Map<string, () => void>();

  /** How many track IDs have a number: every number is below this. */
  get numbered(): number {
    return this.#tracks.length;
  }

  /** A track with the ID a number stands for (the first seen). */
  trackOf(number: number): TrackView {
    return this.#tracks[number] as TrackView;
  }

  /** The list's columns, finishing now whatever idle time has not yet made. */
  of(tracks: readonly TrackView[]): TrackColumns {
    const building = this.#building(tracks);
    this.#fill(tracks, building, null);
    return building.columns;
  }

  /**
   * Makes the list's columns a slice at a time while `deadline` has time left; true once done
   * (call again with a new deadline until then). For `inIdleSlices`.
   */
  prepare(tracks: readonly TrackView[], deadline: IdleTime): boolean {
    const building = this.#building(tracks);
    return this.#fill(tracks, building, deadline);
  }

  /** Makes the owner's list's columns in idle time, instead of those of its previous list. */
  prepareLater(owner: string, tracks: readonly TrackView[]): void {
    this.#later.get(owner)?.();
    this.#later.set(
      owner,
      inIdleSlices((deadline) => this.prepare(tracks, deadline)),
    );
  }

  /** Stops making the owner's columns (the account went away). */
  forget(owner: string): void {
    this.#later.get(owner)?.();
    this.#later.delete(owner);
  }

  stopPreparing(): void {
    for (const owner of [...this.#later.keys()]) this.forget(owner);
  }

  /**
   * `after` is `before` with a library step applied (new tracks on top, some taken out): its
   * columns are copied from those of `before` where the tracks are the same objects, so only the
   * new tracks are numbered.
   */
  carryOver(before: readonly TrackView[], after: readonly TrackView[]): void {
    const old = this.#made.get(before);
    if (old === undefined || old.done < before.length || this.#made.has(after)) return;
    const positions = new Map<TrackView, number>();
    for (let i = 0; i < before.length; i++) positions.set(before[i] as TrackView, i);
    const columns = emptyColumns(after.length);
    for (let i = 0; i < after.length; i++) {
      const track = after[i] as TrackView;
      const from = positions.get(track);
      if (from === undefined) {
        this.#number(track, columns, i);
      } else {
        columns.numbers[i] = old.columns.numbers[from] as number;
        columns.addedAt[i] = old.columns.addedAt[from] as number;
      }
    }
    this.#made.set(after, { columns, done: after.length });
  }

  #building(tracks: readonly TrackView[]): Building {
    let building = this.#made.get(tracks);
    if (building === undefined) {
      building = { columns: emptyColumns(tracks.length), done: 0 };
      this.#made.set(tracks, building);
    }
    return building;
  }

  #fill(tracks: readonly TrackView[], building: Building, deadline: IdleTime | null): boolean {
    while (building.done < tracks.length) {
      const end = Math.min(tracks.length, building.done + tracksPerSlice);
      for (let i = building.done; i < end; i++) {
        this.#number(tracks[i] as TrackView, building.columns, i);
      }
      building.done = end;
      if (deadline !== null && end < tracks.length && deadline.timeRemaining() < 1) return false;
    }
    return true;
  }

  #number(track: TrackView, columns: TrackColumns, at: number): void {
    columns.addedAt[at] = track.addedAt;
    if (track.id === null) {
      columns.numbers[at] = -1;
      return;
    }
    let number = this.#numberOf.get(track.id);
    if (number === undefined) {
      number = this.#tracks.length;
      this.#tracks.push(track);
      this.#numberOf.set(track.id, number);
    }
    columns.numbers[at] = number;
  }
}

function emptyColumns(length: number): TrackColumns {
  return { numbers: new Int32Array(length), addedAt: new Float64Array(length) };
}
