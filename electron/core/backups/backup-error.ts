// Why a backup could not be written, or a backup setting was refused. The folder's failures are
// told apart because the person fixes each differently: choose the folder again (gone), free some
// space (full), or choose a folder they may write to (read-only).
import { AppError } from '../errors/app-error.js';

export type BackupErrorCode =
  /** No folder has been chosen yet. */
  | 'backup_folder_unset'
  /** The chosen folder no longer exists (deleted, renamed, a drive unplugged) or is no folder. */
  | 'backup_folder_missing'
  | 'backup_disk_full'
  | 'backup_read_only'
  /** Any other failure of the file system while writing. */
  | 'backup_write_failed'
  /** "Back up now" while a copy runs: made once it ends. */
  | 'backup_waiting_for_job'
  | 'invalid_backup_keep'
  | 'invalid_backup_folder';

export class BackupError extends AppError<BackupErrorCode> {}

/** The BackupError a failed write of `folder` amounts to, from Node's error code. */
export function backupWriteError(error: unknown, folder: string): BackupError {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return new BackupError(
        'backup_folder_missing',
        `The backup folder ${folder} is no longer there. Choose it again, or choose another folder.`,
      );
    case 'ENOSPC':
    case 'EDQUOT':
      return new BackupError(
        'backup_disk_full',
        `The disk of the backup folder ${folder} is full. Free some space there.`,
      );
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return new BackupError(
        'backup_read_only',
        `The app may not write in the backup folder ${folder}. Choose a folder you can write to.`,
      );
    default:
      return new BackupError(
        'backup_write_failed',
        `The backup could not be written in ${folder} (${code ?? 'unknown error'}).`,
      );
  }
}
