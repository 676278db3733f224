// The automatic backups' rules that the Settings screen shows as well as the core enforces: how
// many files per account may be kept. Browser-safe (no imports), so the renderer reads the same
// numbers through app-contract.ts.

export const minBackupKeep = 1;
export const maxBackupKeep = 100;
export const defaultBackupKeep = 10;
