// What the benchmark sees on the wire: every Web API request the app sends and every 429 it
// gets, so a scenario can count requests sent before a Retry-After had passed.
/**
 * Notes every Web API request sent and every 429 received. A 429 counts as known to the app one
 * turn of the event loop after it arrived (the scheduler reacts in the microtasks that follow);
 * a request another slot sent within that same turn raced it and is counted apart.
 */
export class WireLog {
  #sequence = 0;
  readonly sends: { seq: number; at: number }[] = [];
  readonly pauses: { arrivedSeq: number; knownSeq: number; until: number }[] = [];

  readonly fetch: typeof fetch = async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const counted = url.pathname.startsWith('/v1/');
    if (counted) this.sends.push({ seq: (this.#sequence += 1), at: Date.now() });
    const response = await fetch(input, init);
    if (counted && response.status === 429) {
      const until = Date.now() + Number(response.headers.get('retry-after')) * 1000;
      const arrivedSeq = this.#sequence;
      setImmediate(() => this.pauses.push({ arrivedSeq, knownSeq: this.#sequence, until }));
    }
    return response;
  };

  /** Requests sent after the app knew of a 429 and before its Retry-After had passed. */
  earlyRequests(): number {
    return this.sends.filter(({ seq, at }) =>
      this.pauses.some((pause) => seq > pause.knownSeq && at < pause.until),
    ).length;
  }

  /** Requests sent in the same event-loop turn a 429 arrived in, before the app could know. */
  racingRequests(): number {
    return this.sends.filter(({ seq }) =>
      this.pauses.some((pause) => seq > pause.arrivedSeq && seq <= pause.knownSeq),
    ).length;
  }
}
