// A file the person chose to import, as the core reads it: its name to show and its size, known
// before any byte is read, so a file over the cap is refused without loading it.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';

export interface ChosenFile {
  readonly name: string;
  readonly size: number;
  read(): Promise<Uint8Array>;
}

/** The file at a path the person chose in a dialog. */
export async function chosenFileOnDisk(filePath: string): Promise<ChosenFile> {
  const { size } = await stat(filePath);
  return { name: path.basename(filePath), size, read: () => readFile(filePath) };
}
