// How numbers, durations, dates and times read in the UI. One place so every screen agrees.

const counts = new Intl.NumberFormat('en');
const dates = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const times = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });

/** 1200 → "1,200". */
export function formatCount(value: number): string {
  return counts.format(value);
}

/** 215000 → "3:35"; an hour or more → "1:02:03". */
export function formatDuration(ms: number): string {
  const totalSeconds = Math.max(0, Math.round(ms / 1000));
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = String(totalSeconds % 60).padStart(2, '0');
  return hours > 0
    ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}`
    : `${minutes}:${seconds}`;
}

export function formatDate(epochMs: number): string {
  return dates.format(epochMs);
}

/** A clock time such as "14:05" (or "2:05 PM", as the person's locale writes it). */
export function formatTime(epochMs: number): string {
  return times.format(epochMs);
}

/** An estimate in words: "a few seconds", "about 40 seconds", "about 3 minutes", "about 2 hours". */
export function formatAbout(seconds: number): string {
  if (seconds < 10) return 'a few seconds';
  if (seconds < 55) return `about ${Math.round(seconds / 10) * 10} seconds`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `about ${plural(minutes, 'minute', 'minutes')}`;
  const hours = Math.round(minutes / 60);
  return `about ${plural(hours, 'hour', 'hours')}`;
}

/** "1 track" / "1,200 tracks". */
export function plural(count: number, one: string, many: string): string {
  return `${formatCount(count)} ${count === 1 ? one : many}`;
}

/** Up to two initials for an avatar without a picture: "Jo Smith" → "JS". */
export function initials(label: string): string {
  const words = label.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0], words[words.length - 1]] : [words[0]];
  const result = letters
    .map((word) => (word ? Array.from(word)[0] : ''))
    .join('')
    .toUpperCase();
  return result || '?';
}
