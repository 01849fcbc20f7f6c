import type { Tags } from './tags.js'

// Typed values parsed from SnapShooter's answers. Secrets (a backup's encryption_key, the
// signed `url` of each file) are dropped while parsing, so no later code can leak them.

export interface BackupFile {
  id: string
  /** The full object key, such as `snapshooter/<dir>/2023/07/06/21-01/test.sql.gz`. */
  name: string
  /** SnapShooter's human size string, such as `744 bytes`; null when absent. */
  size: string | null
  /** The size in bytes when `size` states it exactly (`744 bytes`); else null. */
  sizeBytes: number | null
}

export interface Backup {
  id: string
  jobId: string
  status: string
  createdAt: string | null
  startedAt: string | null
  completedAt: string | null
  /** Which retention tiers keep it; each false when the answer does not say. */
  tags: Tags
  files: BackupFile[]
  /**
   * The answer carries an encryption_key: its files may be ciphertext, which a download must not
   * call corrupt. The key itself is never kept.
   */
  encrypted: boolean
}

export interface Compute {
  type: string
  serverId: number | null
  serverName: string | null
}

export interface Restore {
  id: string
  jobId: string | null
  backupId: string | null
  status: string
  createdAt: string | null
  startedAt: string | null
  completedAt: string | null
  compute: Compute | null
  files: BackupFile[]
}

/** The JSON body of POST /v1/backups/{id}/restore; both parts optional. */
export interface RestoreRequest {
  files?: string[]
  compute?: { type: 'server' | 'ss_agent'; server_id: number }
}

export interface BackupPage {
  backups: Backup[]
  /** The page to ask for next, or null when this was the last one. */
  nextPage: number | null
}

/** One of the account's jobs; `name` is null when the answer gives none. */
export interface Job {
  id: string
  name: string | null
}

export interface JobPage {
  jobs: Job[]
  /** The page to ask for next, or null when this was the last one. */
  nextPage: number | null
}
