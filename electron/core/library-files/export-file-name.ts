// The name an export or a backup is offered or written under: what it holds and the day, made safe
// for Windows, macOS and Linux file systems (no reserved characters or names, no trailing dot or
// space, a bounded length), so the same name works wherever the file is later copied.
import type { LibraryFileFormat } from '../ipc/library-file-views.js';

/** Characters no file name may hold on one of the three systems, and control characters. */
// eslint-disable-next-line no-control-regex
const reserved = /[<>:"/\\|?*\u0000-\u001f\u007f]/g;
/** Names Windows keeps for devices, whatever the extension. */
const deviceNames = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;
const maxPartLength = 80;

/** `text` as part of a file name: reserved characters become spaces; never empty. */
export function safeFileNamePart(text: string, fallback = 'Untitled'): string {
  const cleaned = text
    .normalize('NFC')
    .replace(reserved, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, maxPartLength)
    .replace(/[. ]+$/, '');
  if (cleaned === '' || deviceNames.test(cleaned)) return fallback;
  return cleaned;
}

/** `YYYY-MM-DD` of the local day `time` falls on. */
export function localDay(time: number): string {
  const date = new Date(time);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** e.g. `Liked Songs - Alice - 2026-12-04.csv`. */
export function exportFileName(subject: string, time: number, format: LibraryFileFormat): string {
  return `Liked Songs - ${safeFileNamePart(subject)} - ${localDay(time)}.${format}`;
}
