// Reads a `Retry-After` header. Spotify sends whole seconds; HTTP also allows an HTTP date, which
// we accept too rather than ignore. Anything else counts as missing, and the caller falls back to
// its own backoff.

// IMF-fixdate, e.g. "Sun, 06 Nov 1994 08:49:37 GMT"; Date.parse alone would accept almost anything.
const httpDatePattern = /^[A-Za-z]{3}, \d{2} [A-Za-z]{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/;

/** Milliseconds to wait, or null when the header is absent or unreadable. */
export function parseRetryAfterMs(header: string | null, nowMs: number): number | null {
  if (header === null) return null;
  const value = header.trim();
  if (value === '') return null;
  if (/^\d+(\.\d+)?$/.test(value)) return Math.ceil(Number(value) * 1000);
  if (!httpDatePattern.test(value)) return null;
  const date = Date.parse(value);
  if (Number.isNaN(date)) return null;
  return Math.max(0, date - nowMs);
}
