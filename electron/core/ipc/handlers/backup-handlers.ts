// The automatic backups' settings and outcomes. The folder is chosen through the shell's dialog
// (the harness's folder in a browser): the page never names a path.
import type { AppCore } from '../../composition/app-core.js';
import type { IpcHandlers } from '../ipc-router.js';
import type { FileHost } from './file-handlers.js';

type BackupChannels =
  'backups:status' | 'backups:update' | 'backups:chooseFolder' | 'backups:runNow';

export function backupHandlers(core: AppCore, files: FileHost): Pick<IpcHandlers, BackupChannels> {
  const { backups } = core;
  return {
    'backups:status': async () => backups.status(),
    'backups:update': (patch) => backups.update(patch),
    'backups:chooseFolder': async () => {
      const folder = await files.chooseFolder(backups.status().folder);
      return folder === null ? backups.status() : backups.setFolder(folder);
    },
    'backups:runNow': () => backups.runNow(),
  };
}
