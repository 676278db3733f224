// What a caller hands the request scheduler and what it gets back: the contract between the
// scheduler and the account sessions, kept apart so the scheduler's parts can share it.

export interface ScheduledRequest {
  readonly url: string;
  readonly method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** A JSON body, already serialised. */
  readonly body?: string;
  /**
   * Called in the request's slot right before every send (retries included), so it can wait for
   * a token refresh in flight and always hand out the current token.
   */
  readonly headers?: () => Promise<Readonly<Record<string, string>>>;
  /**
   * Cancels the request: taken out of the queue if it has not been sent, its send aborted if it
   * is on the wire, no retry after. The request then rejects with the signal's reason.
   */
  readonly signal?: AbortSignal;
  /**
   * For a write that must not happen twice: a send whose outcome is unknown (no answer, a timeout,
   * a 5xx, an unreadable body; Spotify may have applied it) is not sent again but fails at once
   * with `outcome_unknown`, so the caller can check what happened first. 429s, which Spotify
   * answers without applying anything, are still waited out and sent again.
   */
  readonly unsafeToRepeat?: boolean;
}

/** 2xx with its parsed JSON (null when empty), or a 4xx other than 429 for the caller to map. */
export type ScheduledResponse =
  | { readonly ok: true; readonly status: number; readonly body: unknown }
  | { readonly ok: false; readonly status: number; readonly text: string };
