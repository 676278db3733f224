// The measuring half that runs inside the benchmarked page. Each export is handed to Playwright's
// `page.evaluate`, which sends the function's source to the page: so every function here is
// self-contained (it may not call anything else in this module) and reaches the browser through
// `globalThis` with the few DOM shapes it needs declared below, because the Node-side TypeScript
// project has no DOM library. Times come from the page's own `performance.now()`, so the
// protocol round trips between Node and the browser are never part of a figure.
//
// "Painted" here means presented on screen: once the DOM holds the expected rows, a marker is
// added in the same DOM update, and the browser's Element Timing entry for it says when the frame
// holding both was presented (`installPaintProbe`). A timer or task queued after the frame is no
// measure of that: after a key is released Chromium holds such tasks back until a later frame,
// which added up to 20 ms of idle main thread to a keystroke's figure.

interface ProbeNodeList {
  readonly length: number;
  readonly [index: number]: ProbeElement | undefined;
}

interface ProbeElement {
  readonly textContent: string | null;
  scrollTop: number;
  readonly scrollHeight: number;
  readonly clientHeight: number;
  getAttribute(name: string): string | null;
  querySelector(selector: string): ProbeElement | null;
  querySelectorAll(selector: string): ProbeNodeList;
  click(): void;
}

interface ProbeDocument {
  readonly body: ProbeElement & { append(node: ProbeMarker): void };
  createElement(tag: 'span'): ProbeMarker;
  querySelector(selector: string): ProbeElement | null;
  querySelectorAll(selector: string): ProbeNodeList;
  addEventListener(
    type: string,
    listener: (event: { readonly timeStamp: number }) => void,
    capture: boolean,
  ): void;
  removeEventListener(
    type: string,
    listener: (event: { readonly timeStamp: number }) => void,
    capture: boolean,
  ): void;
}

interface ProbeEntry {
  readonly startTime: number;
  readonly duration: number;
}

/** An Element Timing entry (`PerformanceElementTiming`), the fields used here. */
interface ProbeElementTimingEntry extends ProbeEntry {
  readonly identifier: string;
  /** When the frame that first showed the element was presented; 0 where unsupported. */
  readonly presentationTime?: number;
  /** When the page painted that frame (its rendering update); 0 where unsupported. */
  readonly paintTime?: number;
  /** When that frame was rendered (presentation time in older browsers). */
  readonly renderTime: number;
}

/** Times since a probe's start: the frame showing the result painted by the page, and presented. */
export interface FrameTimes {
  readonly painted: number;
  readonly presented: number;
}

interface ProbeMarker {
  setAttribute(name: string, value: string): void;
  textContent: string | null;
  readonly style: { cssText: string };
  remove(): void;
}

interface ProbeWindow {
  readonly document: ProbeDocument;
  readonly performance: { now(): number };
  requestAnimationFrame(callback: () => void): number;
  setTimeout(callback: () => void, ms: number): number;
  clearTimeout(handle: number): void;
  readonly MutationObserver: new (callback: () => void) => {
    observe(
      target: ProbeElement,
      options: { childList: boolean; subtree: boolean; characterData: boolean },
    ): void;
    disconnect(): void;
  };
  readonly PerformanceObserver: new <Entry extends ProbeEntry>(
    callback: (list: { getEntries(): Entry[] }) => void,
  ) => {
    observe(options: { type: string; buffered: boolean }): void;
    takeRecords(): ProbeEntry[];
    disconnect(): void;
  };
  /**
   * Installed by `installPaintProbe`: resolves with the `performance.now()` times at which the
   * frame holding the DOM as it is now was painted and presented on screen.
   */
  benchWhenPresented?: (timeoutMs: number) => Promise<FrameTimes>;
  /** Where `armKeystrokeProbe` leaves its measurement for `keystrokeResult`. */
  benchKeystroke?: Promise<FrameTimes>;
  /** Where `watchLongTasks` gathers entries for `collectLongTasks`. */
  benchLongTasks?: { entries: ProbeEntry[]; stop: () => ProbeEntry[] };
}

/**
 * tsx compiles with esbuild's `keepNames`, which wraps inner functions in a `__name(fn, "name")`
 * helper that exists only in Node; Playwright sends the compiled source, so the page needs its
 * own harmless `__name`. Install with `page.addInitScript` before the page loads.
 */
export const keepNamesShim = 'globalThis.__name = (fn) => fn;';

/**
 * Gives the page `benchWhenPresented`: call it right after a DOM change (in the same task or
 * microtask) and it resolves with the times the frame showing that change was painted by the page
 * and presented on screen (after the compositor drew it, at the display's refresh). It adds a
 * small marker with an `elementtiming` attribute, which is painted in the same frame as the
 * change, and waits for the browser's Element Timing entry for it. Install with
 * `page.addInitScript` after `keepNamesShim`.
 */
export function installPaintProbe(): void {
  const w = globalThis as unknown as ProbeWindow;
  const waiting = new Map<string, (times: FrameTimes) => void>();
  let next = 0;
  const observer = new w.PerformanceObserver<ProbeElementTimingEntry>((list) => {
    for (const entry of list.getEntries()) {
      const settle = waiting.get(entry.identifier);
      waiting.delete(entry.identifier);
      const presented = entry.presentationTime || entry.renderTime;
      settle?.({ painted: entry.paintTime || presented, presented });
    }
  });
  observer.observe({ type: 'element', buffered: false });
  w.benchWhenPresented = (timeoutMs) =>
    new Promise<FrameTimes>((resolve, reject) => {
      next += 1;
      const id = `bench-presented-${next}`;
      const marker = w.document.createElement('span');
      marker.setAttribute('elementtiming', id);
      // Element Timing reports text and images: one visible character, out of the app's way.
      marker.textContent = '.';
      marker.style.cssText =
        'position:fixed;right:0;bottom:0;font:8px/1 monospace;pointer-events:none;z-index:2147483647';
      const timer = w.setTimeout(() => {
        waiting.delete(id);
        marker.remove();
        reject(new Error(`the frame holding marker ${id} was never presented`));
      }, timeoutMs);
      waiting.set(id, (times) => {
        w.clearTimeout(timer);
        marker.remove();
        resolve(times);
      });
      w.document.body.append(marker);
    });
}

/**
 * Identifies the shown account's table by its first row: title, artists and album. Not the whole
 * row: its cover turns into a placeholder only once the image fails to load (no network here),
 * seconds later, which would make the same row read differently.
 */
export function firstRowKey(): string | null {
  const w = globalThis as unknown as ProbeWindow;
  const row = w.document.querySelector('[data-testid="track-row"][aria-rowindex="2"]');
  if (row === null) return null;
  const cells = row.querySelectorAll('.col-title, .col-artists, .col-album');
  const texts: string[] = [];
  for (let i = 0; i < cells.length; i += 1) texts.push(cells[i]?.textContent ?? '');
  return texts.join(' | ');
}

export interface SwitchProbeArgs {
  readonly accountId: string;
  /** The target account's `firstRowKey`, read when its library was loaded. */
  readonly expectedFirstRow: string;
  readonly timeoutMs: number;
}

/**
 * Clicks the account's sidebar row and resolves with the milliseconds from the click until its
 * first track row is in the DOM and the frame holding it was presented on screen.
 */
export function timeSwitchToFirstRow(args: SwitchProbeArgs): Promise<FrameTimes> {
  const w = globalThis as unknown as ProbeWindow;
  const doc = w.document;
  const button = doc.querySelector(
    `[data-testid="account-row"][data-account-id="${args.accountId}"]`,
  );
  if (button === null) throw new Error(`no sidebar row for account ${args.accountId}`);
  const presented = w.benchWhenPresented;
  if (presented === undefined) throw new Error('installPaintProbe was not installed');
  // The same key as `firstRowKey` (inlined: the page gets this function alone).
  const firstRow = () => {
    const row = doc.querySelector('[data-testid="track-row"][aria-rowindex="2"]');
    if (row === null) return null;
    const cells = row.querySelectorAll('.col-title, .col-artists, .col-album');
    const texts: string[] = [];
    for (let i = 0; i < cells.length; i += 1) texts.push(cells[i]?.textContent ?? '');
    return texts.join(' | ');
  };
  return new Promise<FrameTimes>((resolve, reject) => {
    let done = false;
    const observer = new w.MutationObserver(() => check());
    const timer = w.setTimeout(() => {
      done = true;
      observer.disconnect();
      reject(new Error(`the first row never became "${args.expectedFirstRow}"`));
    }, args.timeoutMs);
    const start = w.performance.now();
    const check = () => {
      if (done || firstRow() !== args.expectedFirstRow) return;
      done = true;
      observer.disconnect();
      w.clearTimeout(timer);
      presented(args.timeoutMs).then(
        (times) => resolve({ painted: times.painted - start, presented: times.presented - start }),
        reject,
      );
    };
    observer.observe(doc.body, { childList: true, subtree: true, characterData: true });
    button.click();
    check();
  });
}

export interface ScrollProbeArgs {
  readonly stepPx: number;
  readonly timeoutMs: number;
}

export interface ScrollFigures {
  readonly wall_ms: number;
  readonly frames: number;
  readonly max_dom_rows: number;
  readonly min_dom_rows: number;
  /** The highest aria-rowindex seen (the header row is 1, so the last of N tracks is N + 1). */
  readonly last_row_index: number;
  readonly long_task_ms: number[];
}

/**
 * Scrolls the track table from the top to the bottom, `stepPx` per frame, counting the rendered
 * track rows at every frame and collecting the long tasks (over 50 ms) that started meanwhile.
 */
export function scrollTableSampling(args: ScrollProbeArgs): Promise<ScrollFigures> {
  const w = globalThis as unknown as ProbeWindow;
  const doc = w.document;
  const table = doc.querySelector('.track-table');
  if (table === null) throw new Error('no track table on the page');
  const longTasks: ProbeEntry[] = [];
  let start = Number.POSITIVE_INFINITY;
  const keep = (entries: ProbeEntry[]) => {
    for (const entry of entries) if (entry.startTime >= start) longTasks.push(entry);
  };
  const observer = new w.PerformanceObserver((list) => keep(list.getEntries()));
  // buffered: a task that started during the scroll but was reported late is still seen; the
  // start-time filter drops the ones from loading the library before.
  observer.observe({ type: 'longtask', buffered: true });
  let frames = 0;
  let maxRows = 0;
  let minRows = Number.POSITIVE_INFINITY;
  let lastRowIndex = 0;
  let framesAtBottom = 0;
  const sample = () => {
    const rows = doc.querySelectorAll('[data-testid="track-row"]');
    maxRows = Math.max(maxRows, rows.length);
    minRows = Math.min(minRows, rows.length);
    for (let i = 0; i < rows.length; i += 1) {
      lastRowIndex = Math.max(lastRowIndex, Number(rows[i]?.getAttribute('aria-rowindex') ?? 0));
    }
  };
  return new Promise<ScrollFigures>((resolve, reject) => {
    const finish = () => {
      const wall = w.performance.now() - start;
      // Long-task entries are queued after the task ends: give the last ones time to arrive.
      w.setTimeout(() => {
        keep(observer.takeRecords());
        observer.disconnect();
        resolve({
          wall_ms: Math.round(wall),
          frames,
          max_dom_rows: maxRows,
          min_dom_rows: minRows,
          last_row_index: lastRowIndex,
          long_task_ms: longTasks.map((entry) => Math.round(entry.duration)),
        });
      }, 200);
    };
    const frame = () => {
      frames += 1;
      sample();
      if (w.performance.now() - start > args.timeoutMs) {
        observer.disconnect();
        reject(
          new Error(
            `scrolling did not reach the bottom in ${args.timeoutMs} ms: ${frames} frames, ` +
              `scrollTop ${table.scrollTop} of ${table.scrollHeight}`,
          ),
        );
        return;
      }
      const atBottom = table.scrollTop + table.clientHeight >= table.scrollHeight - 1;
      framesAtBottom = atBottom ? framesAtBottom + 1 : 0;
      // Two frames at the bottom: the rows for the final position have been rendered and sampled.
      if (framesAtBottom >= 2) {
        finish();
        return;
      }
      table.scrollTop += args.stepPx;
      w.requestAnimationFrame(frame);
    };
    table.scrollTop = 0;
    w.requestAnimationFrame(() =>
      w.requestAnimationFrame(() => {
        start = w.performance.now();
        frame();
      }),
    );
  });
}

export interface KeystrokeProbeArgs {
  /** Tracks the table must show once this keystroke's query is applied. */
  readonly expectedCount: number;
  /** The query's words, lower-cased: every painted row must contain all of them. */
  readonly words: readonly string[];
  readonly timeoutMs: number;
  /** Where the table says "N of M" (N the filtered count); default: the account view's. */
  readonly countSelector?: string;
  /** The table's rows; default: the account view's. */
  readonly rowSelector?: string;
}

/**
 * Arms a one-shot measurement of the next `input` event: from the event (seen first, in the
 * capture phase on the document) until the table shows the filtered result and it has been
 * presented on screen. Type the key, then collect the figure with `keystrokeResult`.
 */
export function armKeystrokeProbe(args: KeystrokeProbeArgs): void {
  const w = globalThis as unknown as ProbeWindow;
  const doc = w.document;
  const presented = w.benchWhenPresented;
  if (presented === undefined) throw new Error('installPaintProbe was not installed');
  // "1,234 of 50,000": the first number is the filtered count.
  const shownCount = () => {
    const text = doc.querySelector(args.countSelector ?? '.tracks h2 .count')?.textContent ?? '';
    const [filtered = ''] = text.split(' of ');
    return Number(filtered.replace(/\D/g, ''));
  };
  const rowsMatch = () => {
    const rows = doc.querySelectorAll(args.rowSelector ?? '[data-testid="track-row"]');
    if (args.expectedCount === 0) return rows.length === 0;
    if (rows.length === 0) return false;
    for (let i = 0; i < rows.length; i += 1) {
      // What the search looks in: title, artists and album (not the date or the cover).
      const cells = rows[i]?.querySelectorAll('.col-title, .col-artists, .col-album');
      let text = '';
      for (let j = 0; j < (cells?.length ?? 0); j += 1) text += `${cells?.[j]?.textContent}\n`;
      text = text.toLocaleLowerCase();
      if (!args.words.every((word) => text.includes(word))) return false;
    }
    return true;
  };
  w.benchKeystroke = new Promise<FrameTimes>((resolve, reject) => {
    let start = 0;
    let done = false;
    const observer = new w.MutationObserver(() => check());
    const check = () => {
      if (done || shownCount() !== args.expectedCount || !rowsMatch()) return;
      done = true;
      observer.disconnect();
      w.clearTimeout(timer);
      presented(args.timeoutMs).then(
        (times) => resolve({ painted: times.painted - start, presented: times.presented - start }),
        reject,
      );
    };
    const timer = w.setTimeout(() => {
      done = true;
      observer.disconnect();
      reject(new Error(`the table never showed ${args.expectedCount} matching tracks`));
    }, args.timeoutMs);
    const onInput = (event: { readonly timeStamp: number }) => {
      doc.removeEventListener('input', onInput, true);
      // When the event was created: the figure includes the time before it reached this listener.
      start = event.timeStamp;
      observer.observe(doc.body, { childList: true, subtree: true, characterData: true });
      check();
    };
    doc.addEventListener('input', onInput, true);
  });
}

export function keystrokeResult(): Promise<FrameTimes> {
  const w = globalThis as unknown as ProbeWindow;
  if (w.benchKeystroke === undefined) throw new Error('armKeystrokeProbe was not called');
  return w.benchKeystroke;
}

/**
 * Starts gathering the page's long tasks (over 50 ms) from now on; `collectLongTasks` stops and
 * returns their durations. Tells a slow step that was the page's own work from one that waited.
 */
export function watchLongTasks(): void {
  const w = globalThis as unknown as ProbeWindow;
  const entries: ProbeEntry[] = [];
  const since = w.performance.now();
  const keep = (list: ProbeEntry[]) => {
    for (const entry of list) if (entry.startTime >= since) entries.push(entry);
  };
  const observer = new w.PerformanceObserver((list) => keep(list.getEntries()));
  observer.observe({ type: 'longtask', buffered: true });
  w.benchLongTasks = {
    entries,
    stop: () => {
      keep(observer.takeRecords());
      observer.disconnect();
      return entries;
    },
  };
}

export function collectLongTasks(): Promise<number[]> {
  const w = globalThis as unknown as ProbeWindow;
  const watch = w.benchLongTasks;
  if (watch === undefined) throw new Error('watchLongTasks was not called');
  w.benchLongTasks = undefined;
  // Entries are queued after their task ends: give the last ones time to arrive.
  return new Promise((resolve) =>
    w.setTimeout(() => resolve(watch.stop().map((entry) => Math.round(entry.duration))), 200),
  );
}
