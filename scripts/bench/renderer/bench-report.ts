// The renderer benchmark's report: one JSON line per scenario on stdout, in the same shape as the
// core benchmark's (scripts/bench/run-bench.ts), and the small arithmetic the figures need.
import os from 'node:os';
import type { FakeControlClient } from '../../../demo/fake-spotify/index.js';

export interface ScenarioLine {
  readonly scenario: string;
  readonly wall_ms: number;
  readonly requests: number;
  /** The rule the figures are held to, in words a reader can check against them. */
  readonly target: string;
  readonly pass: boolean;
  readonly [figure: string]: unknown;
}

export const reported: Record<string, unknown>[] = [];

export function report(line: ScenarioLine): void {
  const { target, ...figures } = line;
  // latency_ms: the fake answers at once, so the figures are the app's own time.
  const out = { ...figures, target: true, target_rule: target, latency_ms: 0 };
  reported.push(out);
  console.log(JSON.stringify(out));
}

/** What the fake answered since its counts were last reset (the measured part). */
export interface RequestsSinceReset {
  /** Requests to Spotify's accounts service and Web API. */
  readonly requests: number;
  /**
   * Pictures from its image host (`/cdn/`), counted apart: the image cache fetches each cover
   * once, whenever a row first shows it.
   */
  readonly images_fetched: number;
}

export async function requestsSinceReset(control: FakeControlClient): Promise<RequestsSinceReset> {
  const { total, byPath } = await control.requestCounts();
  const images = Object.entries(byPath)
    .filter(([key]) => key.includes(' /cdn/'))
    .reduce((sum, [, count]) => sum + count, 0);
  return { requests: total - images, images_fetched: images };
}

/** The nearest-rank percentile of `values` (p in 0..100); NaN for none. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] ?? Number.NaN;
}

/**
 * What else the machine was doing as a scenario started: other processes on the same cores slow
 * the page down, so a figure read next to a high load is not the app's alone.
 */
export function machineLoad(): { cpus: number; load_average_1m: number } {
  return { cpus: os.availableParallelism(), load_average_1m: tenths(os.loadavg()[0] ?? 0) };
}

/** Long-task figures (tasks over 50 ms) in the report's naming. */
export function longTaskFigures(durations: readonly number[]): {
  long_tasks_over_50ms: number;
  max_long_task_ms: number;
} {
  return {
    long_tasks_over_50ms: durations.length,
    max_long_task_ms: durations.length === 0 ? 0 : Math.max(...durations),
  };
}

export function tenths(ms: number): number {
  return Math.round(ms * 10) / 10;
}
