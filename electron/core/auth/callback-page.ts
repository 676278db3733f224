// The small self-contained HTML pages the loopback listener answers the login window with. No
// scripts, no external resources (the callback URL carries the code, so nothing may be fetched
// with it as referrer).

export const CALLBACK_PAGE_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'Content-Type': 'text/html; charset=utf-8',
  'Cache-Control': 'no-store',
  'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  // One-shot listener: keep-alive sockets would only delay freeing the port.
  Connection: 'close',
});

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

export function renderCallbackPage(title: string, detail: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;color:#222}</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(detail)}</p>
</body>
</html>
`;
}

const RETURN_TO_APP = 'You can close this window and return to the app.';

export const PAGES = Object.freeze({
  signedIn: renderCallbackPage('Signed in', RETURN_TO_APP),
  cancelled: renderCallbackPage('Sign-in cancelled', RETURN_TO_APP),
  failed: (error: string) =>
    renderCallbackPage('Sign-in failed', `Spotify answered "${error}". ${RETURN_TO_APP}`),
  badState: renderCallbackPage(
    'Unknown sign-in',
    'This answer does not belong to the sign-in the app is waiting for. Return to the app and try again.',
  ),
  malformed: renderCallbackPage(
    'Incomplete answer',
    'The answer from Spotify is missing its code. Return to the app and try again.',
  ),
  notFound: renderCallbackPage('Not found', 'Nothing is served here.'),
  alreadyDone: renderCallbackPage('Sign-in already finished', RETURN_TO_APP),
});
