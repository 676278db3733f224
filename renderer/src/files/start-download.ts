// The browser harness delivers an export as a URL to download: an anchor with `download` makes
// the browser save it under the file's name instead of opening it. The app itself writes files
// in the main process and never comes here.
export function startDownload(url: string, fileName: string): void {
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  // Some browsers only follow a click on an anchor that is in the document.
  anchor.hidden = true;
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
}
