// The DEMO mark shown wherever the app runs against its built-in stand-in for Spotify.
import './demo-badge.css';

export function DemoBadge() {
  return (
    <span className="demo-badge" title="Demo: sample accounts, not your real Spotify">
      DEMO
    </span>
  );
}
