// What a run learned, filled in step by step. Outputs, summary and result JSON are all
// derived from it, so they can never disagree, and a run that stops early still has evidence.
import type { Outcome } from '../inputs/names.js'
import type { DownloadedFile } from '../download/file.js'
import type { Check } from '../drill/checks.js'
import type { Selection } from '../drill/choose.js'
import type { Settings } from '../inputs/settings.js'
import type { Backup, BackupFile, Restore, RestoreRequest } from '../snapshooter/types.js'

/** Download mode: where the files went and what arrived, verified. */
export interface DownloadEvidence {
  /** Absolute path of the folder. */
  dir: string
  /** Null until the download has ended (or before it began, on a dry run). */
  status: 'downloaded' | 'failed' | null
  startedAt: string | null
  durationMs: number | null
  /** The files verified and in place, in the backup's order. */
  files: DownloadedFile[]
}

export interface Evidence {
  outcome: Outcome | null
  /** `drill_name`, as one safe line; null when not given. */
  drillName: string | null
  settings: Settings | null
  backup: Backup | null
  /** How the backup was chosen: what was asked, then what the walk saw. */
  selection: Selection | null
  backupAgeMs: number | null
  files: BackupFile[] | null
  request: RestoreRequest | null
  /** True while the restore POST is on the wire: cancelling then may leave a restore behind. */
  requestInFlight: boolean
  restore: Restore | null
  /** From creation to the check that saw the end, as measured by the action. */
  measuredDurationMs: number | null
  checks: Check[]
  download: DownloadEvidence | null
  error: string | null
}

export function newEvidence(): Evidence {
  return {
    outcome: null,
    drillName: null,
    settings: null,
    backup: null,
    selection: null,
    backupAgeMs: null,
    files: null,
    request: null,
    requestInFlight: false,
    restore: null,
    measuredDurationMs: null,
    checks: [],
    download: null,
    error: null,
  }
}
