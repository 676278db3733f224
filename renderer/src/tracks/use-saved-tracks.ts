// Loads one account's saved tracks for the track table: page after page of 50 in the background,
// appended as they arrive, with the loaded count for the progress bar. A failure keeps what was
// loaded and Retry carries on from the page that failed. This hook is the only place that knows
// how tracks are fetched, so the library sync (with its cache and progress events) can replace it
// without touching the table.
import { useCallback, useEffect, useRef, useState } from 'react';

import type { TrackView } from '../app-contract.js';
import { errorCode, unwrap, type BridgeApi } from '../bridge.js';
import { errorSentence } from '../format/error-sentences.js';

export interface SavedTracksState {
  readonly tracks: readonly TrackView[];
  /** The library's size as Spotify reports it; null until the first page arrives. */
  readonly total: number | null;
  readonly phase: 'idle' | 'loading' | 'complete' | 'failed';
  readonly error: { readonly code: string; readonly message: string } | null;
}

export interface SavedTracks extends SavedTracksState {
  readonly retry: () => void;
}

const pageSize = 50;

/**
 * Mount it once per account (key the component by account id): the loaded pages belong to it.
 * With `enabled` false nothing is fetched (an account that must sign in again has no access).
 */
export function useSavedTracks(api: BridgeApi, accountId: string, enabled: boolean): SavedTracks {
  const [state, setState] = useState<SavedTracksState>({
    tracks: [],
    total: null,
    phase: enabled ? 'loading' : 'idle',
    error: null,
  });
  const [attempt, setAttempt] = useState(0);
  // Where the next page starts; a retry resumes here instead of starting over.
  const nextOffset = useRef<number | null>(0);

  useEffect(() => {
    if (!enabled) return;
    let cancelled = false;
    async function load() {
      let offset = nextOffset.current;
      while (offset !== null && !cancelled) {
        const start = offset;
        try {
          const page = await unwrap(
            api.library.tracks(accountId, { offset: start, limit: pageSize }),
          );
          if (cancelled) return;
          nextOffset.current = page.nextOffset;
          offset = page.nextOffset;
          setState((previous) => ({
            tracks: start === 0 ? page.items : [...previous.tracks, ...page.items],
            total: page.total,
            phase: page.nextOffset === null ? 'complete' : 'loading',
            error: null,
          }));
        } catch (error) {
          if (cancelled) return;
          setState((previous) => ({
            ...previous,
            phase: 'failed',
            error: { code: errorCode(error), message: errorSentence(error) },
          }));
          return;
        }
      }
    }
    void load();
    return () => {
      cancelled = true;
    };
  }, [api, accountId, enabled, attempt]);

  const retry = useCallback(() => {
    setState((previous) => ({ ...previous, phase: 'loading', error: null }));
    setAttempt((count) => count + 1);
  }, []);

  return { ...state, retry };
}
