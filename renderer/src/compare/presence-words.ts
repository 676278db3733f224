// What the compare view says about who holds a track: the words of a presence cell (its name for
// screen readers and its tooltip), and the counts of every filter as one line of text. One place,
// so the table, the filters and the tests agree.
import { formatCount, formatDate } from '../format/formatters.js';
import type { PresenceCounts } from './union-view.js';

/** Why a local file cannot be compared with, or saved to, another account. */
export const localFileReason =
  "Local file: only on this computer's Spotify app, so it cannot be saved to another account";

/** A presence cell's accessible name: "Saved by Alice on 3 May 2024" / "Not in Bob's library". */
export function presenceName(label: string, savedAt: number | null): string {
  return savedAt === null
    ? `Not in ${possessive(label)} library`
    : `Saved by ${label} on ${formatDate(savedAt)}`;
}

/** A presence cell's name while its heart's change is on its way. */
export function pendingName(label: string, saving: boolean): string {
  return saving ? `Saving for ${label}…` : `Removing from ${possessive(label)} library…`;
}

/** A presence cell's tooltip: its name, then what the heart does (or why it does nothing). */
export function presenceTitle(label: string, savedAt: number | null, local: boolean): string {
  const name = presenceName(label, savedAt);
  if (local) return `${name}. ${localFileReason}.`;
  return savedAt === null
    ? `${name}. Click to save it for ${label}.`
    : `${name}. Click to remove it from ${possessive(label)} library.`;
}

function possessive(label: string): string {
  return `${label}'s`;
}

/**
 * Every filter's count in one line: "Alice 12,340 · Bob 8,001 · in both 5,112 · only Alice 7,228
 * · only Bob 2,889"; with more accounts, "in all 3" and "in more than one".
 */
export function countsSentence(labels: readonly string[], counts: PresenceCounts): string {
  const parts = labels.map((label, a) => `${label} ${formatCount(counts.held[a] ?? 0)}`);
  if (labels.length === 2) {
    parts.push(`in both ${formatCount(counts.every)}`);
  } else if (labels.length > 2) {
    parts.push(`in all ${labels.length} ${formatCount(counts.every)}`);
    parts.push(`in more than one ${formatCount(counts.several)}`);
  }
  labels.forEach((label, a) => parts.push(`only ${label} ${formatCount(counts.only[a] ?? 0)}`));
  return parts.join(' · ');
}
