// Shown when the page runs without the app around it (opened straight from disk or a plain web
// server): nothing can work, so say why and how to start it properly.
import '../app-layout.css';

export function BridgeMissing() {
  return (
    <main className="centered">
      <h1>This page needs the Multi Account for Spotify app</h1>
      <p role="alert">
        The connection to the app is missing, so no account can be shown. Start the desktop app (
        <code>npm start</code>), the demo (<code>npm run demo</code>), or the browser version (
        <code>npm run demo:web</code>) instead of opening this page directly.
      </p>
    </main>
  );
}
