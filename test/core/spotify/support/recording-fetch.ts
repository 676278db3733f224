// A fetch that records what went over the wire, in order, so tests can check what the client did
// (when each request was sent, with which token, how many were in flight) without mocking it.
// It forwards everything to the real fetch unchanged.

export interface WireEvent {
  readonly kind: 'send' | 'response' | 'failure';
  readonly seq: number;
  /** Milliseconds since the epoch. */
  readonly at: number;
  readonly method: string;
  /** Path without the query, e.g. `/v1/me/tracks`. */
  readonly path: string;
  readonly query: string;
  readonly status?: number;
  /** The bearer token sent, if any. */
  readonly token?: string;
  /** Form fields of a token request. */
  readonly form?: Readonly<Record<string, string>>;
}

export interface RecordingFetch {
  readonly fetch: typeof fetch;
  readonly events: WireEvent[];
  /** Highest number of /v1 requests ever waiting for their response at once. */
  maxApiInFlight(): number;
  /** Records a marker of the test's own (e.g. "persisted") in the same sequence. */
  mark(label: string): number;
  readonly marks: { label: string; seq: number; at: number }[];
  sends(pathPrefix?: string): WireEvent[];
}

export function recordingFetch(): RecordingFetch {
  const events: WireEvent[] = [];
  const marks: { label: string; seq: number; at: number }[] = [];
  let seq = 0;
  let apiInFlight = 0;
  let maxApiInFlight = 0;

  const wrapped: typeof fetch = async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const method = init?.method ?? 'GET';
    const headers = new Headers(init?.headers);
    const auth = headers.get('authorization');
    const form =
      typeof init?.body === 'string' && url.pathname === '/api/token'
        ? Object.fromEntries(new URLSearchParams(init.body))
        : undefined;
    const base = {
      method,
      path: url.pathname,
      query: url.search,
      ...(auth === null ? {} : { token: auth.replace(/^Bearer /, '') }),
      ...(form === undefined ? {} : { form }),
    };
    const isApi = url.pathname.startsWith('/v1/');
    if (isApi) {
      apiInFlight += 1;
      maxApiInFlight = Math.max(maxApiInFlight, apiInFlight);
    }
    events.push({ kind: 'send', seq: seq++, at: Date.now(), ...base });
    try {
      const response = await fetch(input, init);
      events.push({
        kind: 'response',
        seq: seq++,
        at: Date.now(),
        status: response.status,
        ...base,
      });
      return response;
    } catch (error) {
      events.push({ kind: 'failure', seq: seq++, at: Date.now(), ...base });
      throw error;
    } finally {
      if (isApi) apiInFlight -= 1;
    }
  };

  return {
    fetch: wrapped,
    events,
    marks,
    maxApiInFlight: () => maxApiInFlight,
    mark(label) {
      const mark = { label, seq: seq++, at: Date.now() };
      marks.push(mark);
      return mark.seq;
    },
    sends(pathPrefix = '') {
      return events.filter((e) => e.kind === 'send' && e.path.startsWith(pathPrefix));
    },
  };
}
