/** Full backup of the library to one JSON file, and restore from it by merging. Node only. */
export { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, BackupError, backupSchema } from './backup-format';
export type { Backup, BackupArticle } from './backup-format';
export { readBackup, restoreBackup, restoreFromBackup } from './restore-backup';
export { makeBackup, writeBackup } from './write-backup';
export type { UserData } from './write-backup';
