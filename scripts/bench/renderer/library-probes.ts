// In-page probes for how the library reaches the screen: after a sync that added tracks at the
// top (`timeSyncToNewFirstRow`), and when the page opens on a cached library (`installColdOpenProbe`,
// an init script that runs before the app). Self-contained functions sent to the page as source,
// like page-probes.ts; they need its `installPaintProbe` installed first.

/** `performance.now()` times (since the page's navigation started) of frames presented. */
export interface PresentedAt {
  readonly painted: number;
  readonly presented: number;
}

interface LibraryProbeElement {
  readonly textContent: string | null;
  readonly disabled?: boolean;
  querySelector(selector: string): LibraryProbeElement | null;
  querySelectorAll(selector: string): ArrayLike<LibraryProbeElement>;
  dispatchEvent(event: object): boolean;
  click(): void;
}

interface LibraryProbeWindow {
  readonly document: {
    readonly documentElement: LibraryProbeElement;
    querySelector(selector: string): LibraryProbeElement | null;
    querySelectorAll(selector: string): ArrayLike<LibraryProbeElement>;
  };
  readonly MutationObserver: new (callback: () => void) => {
    observe(
      target: LibraryProbeElement,
      options: {
        childList: boolean;
        subtree: boolean;
        characterData: boolean;
        attributes: boolean;
      },
    ): void;
    disconnect(): void;
  };
  readonly Event: new (type: string, init: { bubbles: boolean }) => object;
  readonly HTMLInputElement: { readonly prototype: object };
  setTimeout(callback: () => void, ms: number): number;
  benchWhenPresented?: (timeoutMs: number) => Promise<PresentedAt>;
  benchColdOpen?: Promise<ColdOpenTimes>;
}

export interface ResyncProbeArgs {
  /** `firstRowKey` before the sync: the probe waits for a different first row. */
  readonly previousFirstRow: string;
  readonly timeoutMs: number;
}

/**
 * Clicks "Sync now" and resolves with the frame that first shows a different first row (the
 * newest of the tracks added meanwhile), presented on screen.
 */
export function timeSyncToNewFirstRow(
  args: ResyncProbeArgs,
): Promise<PresentedAt & { firstRow: string }> {
  const w = globalThis as unknown as LibraryProbeWindow;
  const doc = w.document;
  const presented = w.benchWhenPresented;
  if (presented === undefined) throw new Error('installPaintProbe was not installed');
  const buttons = Array.from(doc.querySelectorAll('.tracks-toolbar button'));
  const syncButton = buttons.find((button) => /Sync\s.*now/.test(button.textContent ?? ''));
  if (syncButton === undefined) throw new Error('no "Sync now" button');
  // The same key as page-probes' `firstRowKey` (inlined: the page gets this function alone).
  const firstRow = () => {
    const row = doc.querySelector('[data-testid="track-row"][aria-rowindex="2"]');
    if (row === null) return null;
    const cells = Array.from(row.querySelectorAll('.col-title, .col-artists, .col-album'));
    return cells.map((cell) => cell.textContent ?? '').join(' | ');
  };
  return new Promise((resolve, reject) => {
    let done = false;
    const observer = new w.MutationObserver(() => check());
    const timer = w.setTimeout(() => {
      done = true;
      observer.disconnect();
      reject(new Error(`the first row stayed "${args.previousFirstRow}"`));
    }, args.timeoutMs);
    const check = () => {
      const now = firstRow();
      if (done || now === null || now === args.previousFirstRow) return;
      done = true;
      observer.disconnect();
      clearTimeout(timer);
      presented(args.timeoutMs).then((times) => resolve({ ...times, firstRow: now }), reject);
    };
    observer.observe(doc.documentElement, {
      childList: true,
      subtree: true,
      characterData: true,
      attributes: false,
    });
    syncButton.click();
  });
}

export interface ColdOpenProbeArgs {
  /** `firstRowKey` of the account the page opens on. */
  readonly firstRow: string;
  /** Words that find the library's oldest track, and that track's title and album. */
  readonly query: string;
  readonly oldestTitle: string;
  readonly oldestAlbum: string;
  readonly timeoutMs: number;
}

export interface ColdOpenTimes {
  /** The frame showing the first rows of the account, presented. */
  readonly firstRows: PresentedAt;
  /**
   * The frame showing the oldest track found by a search typed as soon as the first rows were
   * there: the whole library is in the page and searchable.
   */
  readonly searchable: PresentedAt;
}

/**
 * Init script: from the page's first moment, waits for the expected first rows, then types the
 * query into the search box and waits for the oldest track to be among the rows shown. Leaves a
 * promise of the times in `benchColdOpen`.
 */
export function installColdOpenProbe(args: ColdOpenProbeArgs): void {
  const w = globalThis as unknown as LibraryProbeWindow;
  const doc = w.document;
  const firstRow = () => {
    const row = doc.querySelector('[data-testid="track-row"][aria-rowindex="2"]');
    if (row === null) return null;
    const cells = Array.from(row.querySelectorAll('.col-title, .col-artists, .col-album'));
    return cells.map((cell) => cell.textContent ?? '').join(' | ');
  };
  const showsOldest = () =>
    Array.from(doc.querySelectorAll('[data-testid="track-row"]')).some(
      (row) =>
        row.querySelector('.col-title')?.textContent === args.oldestTitle &&
        row.querySelector('.col-album')?.textContent === args.oldestAlbum,
    );
  const waitFor = (condition: () => boolean): Promise<PresentedAt> =>
    new Promise((resolve, reject) => {
      const observer = new w.MutationObserver(() => check());
      const timer = w.setTimeout(() => {
        observer.disconnect();
        reject(new Error('the page never showed what the cold-open probe waits for'));
      }, args.timeoutMs);
      let done = false;
      const check = () => {
        if (done || !condition()) return;
        done = true;
        observer.disconnect();
        clearTimeout(timer);
        const presented = w.benchWhenPresented;
        if (presented === undefined) reject(new Error('installPaintProbe was not installed'));
        else presented(args.timeoutMs).then(resolve, reject);
      };
      // The document itself: an init script runs before it has an element.
      observer.observe(doc as unknown as LibraryProbeElement, {
        childList: true,
        subtree: true,
        characterData: true,
        attributes: true,
      });
      check();
    });
  const typeQuery = () => {
    const input = doc.querySelector('input[type="search"]');
    if (input === null || input.disabled === true) throw new Error('the search box is not usable');
    // React listens for `input` events and reads the value through the native setter.
    const setter = Object.getOwnPropertyDescriptor(w.HTMLInputElement.prototype, 'value')?.set;
    setter?.call(input, args.query);
    input.dispatchEvent(new w.Event('input', { bubbles: true }));
  };
  w.benchColdOpen = (async () => {
    const firstRows = await waitFor(() => firstRow() === args.firstRow);
    typeQuery();
    const searchable = await waitFor(showsOldest);
    return { firstRows, searchable };
  })();
}

export function coldOpenTimes(): Promise<ColdOpenTimes> {
  const times = (globalThis as unknown as LibraryProbeWindow).benchColdOpen;
  if (times === undefined) throw new Error('installColdOpenProbe was not installed');
  return times;
}
