// Counts what crosses the harness bridge (the page's WebSocket to the harness server, which stands
// in for Electron's IPC): tracks received, bytes, and when the answer to a given request channel
// arrived. Installed with `page.addInitScript` before the page opens its socket, it replaces the
// page's `WebSocket` with a subclass whose own message listener is registered first, so it sees
// each frame before the app does. Counting is off until `startBridgeCount` (a reloaded page starts
// with it off): scanning multi-megabyte frames would otherwise add to the times other scenarios
// measure. Like page-probes.ts, each export is self-contained and sent to the page as source.

/** What `readBridgeCount` answers, since the last `startBridgeCount`. */
export interface BridgeCount {
  /** Track objects received from the main side (each carries one `"addedAt"` key). */
  readonly tracks: number;
  readonly bytes: number;
  readonly messages: number;
  /** `performance.now()` when the answer to the watched channel last arrived; null if not yet. */
  readonly answeredAt: number | null;
}

interface TrafficState {
  counting: boolean;
  watch: string | null;
  tracks: number;
  bytes: number;
  messages: number;
  answeredAt: number | null;
  readonly channels: Map<number, string>;
}

interface TrafficWindow {
  WebSocket: new (url: string, protocols?: string | string[]) => TrafficSocket;
  readonly performance: { now(): number };
  benchBridge?: TrafficState;
}

interface TrafficSocket {
  addEventListener(type: 'message', listener: (event: { readonly data: unknown }) => void): void;
  send(data: string): void;
}

export function installBridgeTrafficProbe(): void {
  const w = globalThis as unknown as TrafficWindow;
  const state: TrafficState = {
    counting: false,
    watch: null,
    tracks: 0,
    bytes: 0,
    messages: 0,
    answeredAt: null,
    channels: new Map(),
  };
  w.benchBridge = state;
  const Native = w.WebSocket;
  const answerId = /^\{"id":(\d+),/;
  class CountingSocket extends Native {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols);
      this.addEventListener('message', (event) => {
        if (!state.counting || typeof event.data !== 'string') return;
        const text = event.data;
        state.messages += 1;
        state.bytes += text.length;
        for (
          let at = text.indexOf('"addedAt"');
          at !== -1;
          at = text.indexOf('"addedAt"', at + 9)
        ) {
          state.tracks += 1;
        }
        const id = answerId.exec(text)?.[1];
        if (id !== undefined && state.channels.get(Number(id)) === state.watch) {
          state.answeredAt = w.performance.now();
        }
      });
    }

    override send(data: string): void {
      // Requests are small: reading their id and channel costs nothing worth counting.
      if (state.counting) {
        const { id, channel } = JSON.parse(data) as { id?: unknown; channel?: unknown };
        if (typeof id === 'number' && typeof channel === 'string') state.channels.set(id, channel);
      }
      super.send(data);
    }
  }
  w.WebSocket = CountingSocket;
}

/** Zeroes the counts and starts counting; `watch` is the request channel whose answer is timed. */
export function startBridgeCount(watch: string): void {
  const state = (globalThis as unknown as TrafficWindow).benchBridge;
  if (state === undefined) throw new Error('installBridgeTrafficProbe was not installed');
  Object.assign(state, { counting: true, watch, tracks: 0, bytes: 0, messages: 0 });
  state.answeredAt = null;
  state.channels.clear();
}

export function readBridgeCount(): BridgeCount {
  const state = (globalThis as unknown as TrafficWindow).benchBridge;
  if (state === undefined) throw new Error('installBridgeTrafficProbe was not installed');
  state.counting = false;
  const { tracks, bytes, messages, answeredAt } = state;
  return { tracks, bytes, messages, answeredAt };
}
