// Recognises Spotify's app-wide quota 429: its JSON body carries `"reason": "QUOTA_EXCEEDED"`
// (top level or inside `error`). Unlike an ordinary 429 it means "stop for a long time", so the
// scheduler must tell the two apart from the body, not from the status.

export function isQuotaExceeded(body: string): boolean {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return false;
  }
  if (typeof parsed !== 'object' || parsed === null) return false;
  const top = parsed as { reason?: unknown; error?: unknown };
  if (top.reason === 'QUOTA_EXCEEDED') return true;
  const inner = top.error;
  return (
    typeof inner === 'object' &&
    inner !== null &&
    (inner as { reason?: unknown }).reason === 'QUOTA_EXCEEDED'
  );
}
