// HTML of the fake accounts service: the login page, the consent page and the error page. Plain
// server-rendered forms with labels (no script), decent-looking for a person clicking through the
// demo, and marked with data- attributes so the login driver can read them without guessing.
import { escapeHtml } from './http-helpers.js';

export interface LoginHint {
  username: string;
  password: string;
  displayName: string | null;
}

const STYLE = `
  body { font-family: system-ui, sans-serif; background: #121212; color: #fff; margin: 0;
         display: flex; justify-content: center; padding: 48px 16px; }
  main { background: #1e1e1e; border-radius: 12px; padding: 32px; width: 100%; max-width: 420px; }
  h1 { font-size: 1.6rem; margin: 0 0 8px; }
  .badge { display: inline-block; background: #1db954; color: #000; font-weight: 700;
           font-size: 0.75rem; border-radius: 4px; padding: 2px 6px; margin-bottom: 16px; }
  label { display: block; margin: 16px 0 6px; font-weight: 600; }
  input[type=text], input[type=password] { width: 100%; box-sizing: border-box; padding: 10px;
           border-radius: 6px; border: 1px solid #777; background: #121212; color: #fff; font-size: 1rem; }
  button { margin-top: 20px; padding: 12px 24px; border-radius: 24px; border: 0; font-size: 1rem;
           font-weight: 700; cursor: pointer; background: #1db954; color: #000; }
  button.secondary { background: transparent; color: #fff; border: 1px solid #777; margin-left: 8px; }
  button.hint { margin: 6px 0 0; padding: 6px 14px; font-size: 0.9rem; background: #2a2a2a; color: #fff; }
  .error { background: #e91429; color: #fff; padding: 10px; border-radius: 6px; }
  ul { padding-left: 20px; } a { color: #1db954; }
  :focus-visible { outline: 3px solid #fff; outline-offset: 2px; }
`;

function layout(title: string, page: string, body: string, extra = ''): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} - Fake Spotify</title><style>${STYLE}</style></head>
<body><main data-page="${page}"${extra}><span class="badge">FAKE SPOTIFY</span>${body}</main></body></html>`;
}

export function loginPage(
  requestId: string,
  hints: readonly LoginHint[],
  error: string | null,
): string {
  const alert = error
    ? `<p class="error" role="alert" data-login-error>${escapeHtml(error)}</p>`
    : '';
  const hintForms = hints
    .map(
      (h) => `<li><form method="post" action="/login">
  <input type="hidden" name="request_id" value="${escapeHtml(requestId)}">
  <input type="hidden" name="username" value="${escapeHtml(h.username)}">
  <input type="hidden" name="password" value="${escapeHtml(h.password)}">
  <span data-username="${escapeHtml(h.username)}" data-password="${escapeHtml(h.password)}">${escapeHtml(h.username)}
  (${escapeHtml(h.displayName ?? 'no display name')}), password <code>${escapeHtml(h.password)}</code></span><br>
  <button type="submit" class="hint">Sign in as ${escapeHtml(h.username)}</button></form></li>`,
    )
    .join('\n');
  return layout(
    'Log in',
    'login',
    `<h1>Log in to Spotify</h1>${alert}
<form method="post" action="/login">
  <input type="hidden" name="request_id" value="${escapeHtml(requestId)}">
  <label for="username">Email or username</label>
  <input type="text" id="username" name="username" autocomplete="username" required>
  <label for="password">Password</label>
  <input type="password" id="password" name="password" autocomplete="current-password" required>
  <button type="submit">Log In</button>
</form>
<h2>Test accounts</h2>
<ul>${hintForms}</ul>`,
  );
}

export function consentPage(
  requestId: string,
  username: string,
  displayName: string | null,
  scopes: readonly string[],
): string {
  const scopeList = scopes.length
    ? `<ul>${scopes.map((s) => `<li>${escapeHtml(s)}</li>`).join('')}</ul>`
    : '<p>No extra permissions.</p>';
  return layout(
    'Authorize',
    'consent',
    `<h1>Allow this app to access your Spotify account?</h1>
<p>Signed in as <strong>${escapeHtml(displayName ?? username)}</strong> (${escapeHtml(username)}).
<a href="/logout?request_id=${encodeURIComponent(requestId)}">Not you?</a></p>
<p>It will be able to:</p>${scopeList}
<form method="post" action="/authorize/consent">
  <input type="hidden" name="request_id" value="${escapeHtml(requestId)}">
  <button type="submit" name="decision" value="accept">Agree</button>
  <button type="submit" name="decision" value="deny" class="secondary">Cancel</button>
</form>`,
    ` data-signed-in-as="${escapeHtml(username)}"`,
  );
}

/** Spotify shows these as a bare "Oops! Something went wrong" page with the error code. */
export function errorPage(message: string): string {
  return layout(
    'Error',
    'error',
    `<h1>Oops! Something went wrong</h1><p class="error" role="alert" data-error-text>${escapeHtml(message)}</p>`,
  );
}
