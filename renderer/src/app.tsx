// The app's top-level view. For now it explains how to prepare a Spotify app for sign-in; the
// sidebar, accounts and library views build on it.

/** The redirect URI to register in the Spotify dashboard: loopback IP, no port (Spotify allows any). */
const redirectUriToRegister = 'http://127.0.0.1/callback';

export function App() {
  return (
    <main className="setup">
      <h1>Multi Account for Spotify</h1>
      <p>Keep every Spotify account signed in and switch between them with one click.</p>
      <section aria-labelledby="setup-heading">
        <h2 id="setup-heading">Before you add an account</h2>
        <ol>
          <li>Create an app in the Spotify developer dashboard (the app owner needs Premium).</li>
          <li>
            Add this redirect URI to it: <code>{redirectUriToRegister}</code>
          </li>
          <li>
            Under User Management, add every Spotify account you want to use here (up to 5 in
            Development Mode).
          </li>
          <li>Copy the app&apos;s Client ID; you will paste it here.</li>
        </ol>
      </section>
    </main>
  );
}
