// "Last synced 5 minutes ago": how long ago a library was confirmed with Spotify, in the words
// the track section shows, plus a clock that ticks so the words stay true while the page is open.
import { useEffect, useState } from 'react';

import { plural } from '../format/formatters.js';

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

export function lastSyncedSentence(lastSyncedAt: number, now: number): string {
  const age = Math.max(0, now - lastSyncedAt);
  if (age < minute) return 'Last synced just now';
  if (age < hour) return `Last synced ${plural(Math.floor(age / minute), 'minute', 'minutes')} ago`;
  if (age < day) return `Last synced ${plural(Math.floor(age / hour), 'hour', 'hours')} ago`;
  return `Last synced ${plural(Math.floor(age / day), 'day', 'days')} ago`;
}

/** The current time, updated every `intervalMs` while the component is mounted. */
export function useNow(intervalMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
