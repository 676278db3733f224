// The page half of the compare scenario: a click timed until the compare table shows what it
// should (its total or count line reads as expected and a first row is there) in a frame presented
// on screen. Self-contained, as every function handed to `page.evaluate` (see page-probes.ts), and
// timed by the page's own clock and `installPaintProbe`'s presented frames.
import type { FrameTimes } from './page-probes.js';

interface CompareProbeElement {
  readonly textContent: string | null;
  getAttribute(name: string): string | null;
  click(): void;
}

interface CompareProbeWindow {
  readonly document: {
    readonly body: CompareProbeElement;
    querySelector(selector: string): CompareProbeElement | null;
  };
  readonly performance: { now(): number };
  setTimeout(callback: () => void, ms: number): number;
  clearTimeout(handle: number): void;
  readonly MutationObserver: new (callback: () => void) => {
    observe(
      target: CompareProbeElement,
      options: { childList: boolean; subtree: boolean; characterData: boolean },
    ): void;
    disconnect(): void;
  };
  benchWhenPresented?: (timeoutMs: number) => Promise<FrameTimes>;
}

export interface ClickUntilShownArgs {
  /** What to click: "All accounts", a filter. */
  readonly click: string;
  /** An element whose text must read `expectedText` once the result is there. */
  readonly textOf: string;
  readonly expectedText: string;
  /** Rows the table must then have, when given (its aria-rowcount, less the header row). */
  readonly rows?: number;
  readonly timeoutMs: number;
}

/**
 * Clicks `click` and resolves with the milliseconds from the click until `textOf` reads
 * `expectedText`, the table's first row is in the DOM (and it has `rows` rows, when given) and the
 * frame holding them was presented.
 */
export function timeClickUntilShown(args: ClickUntilShownArgs): Promise<FrameTimes> {
  const w = globalThis as unknown as CompareProbeWindow;
  const doc = w.document;
  const target = doc.querySelector(args.click);
  if (target === null) throw new Error(`nothing to click at ${args.click}`);
  const presented = w.benchWhenPresented;
  if (presented === undefined) throw new Error('installPaintProbe was not installed');
  const shown = () =>
    doc.querySelector(args.textOf)?.textContent === args.expectedText &&
    doc.querySelector('[data-testid="compare-row"][aria-rowindex="2"]') !== null &&
    (args.rows === undefined ||
      doc.querySelector('.compare-table')?.getAttribute('aria-rowcount') === String(args.rows + 1));
  return new Promise<FrameTimes>((resolve, reject) => {
    let done = false;
    const observer = new w.MutationObserver(() => check());
    const timer = w.setTimeout(() => {
      done = true;
      observer.disconnect();
      const text = doc.querySelector(args.textOf)?.textContent;
      reject(new Error(`"${args.textOf}" read "${text}", never "${args.expectedText}"`));
    }, args.timeoutMs);
    const start = w.performance.now();
    const check = () => {
      if (done || !shown()) return;
      done = true;
      observer.disconnect();
      w.clearTimeout(timer);
      presented(args.timeoutMs).then(
        (times) => resolve({ painted: times.painted - start, presented: times.presented - start }),
        reject,
      );
    };
    observer.observe(doc.body, { childList: true, subtree: true, characterData: true });
    target.click();
    check();
  });
}
