// What a run learned, filled in step by step. Outputs, summary and result JSON are all
// derived from it, so they can never disagree, and a run that stops early still has evidence.
import type { Outcome } from '../constants.js'
import type { Check } from '../drill/checks.js'
import type { Settings } from '../inputs.js'
import type { Backup, BackupFile, Restore, RestoreRequest } from '../snapshooter/types.js'

export interface Evidence {
  outcome: Outcome | null
  settings: Settings | null
  backup: Backup | null
  backupAgeMs: number | null
  files: BackupFile[] | null
  request: RestoreRequest | null
  /** True while the restore POST is on the wire: cancelling then may leave a restore behind. */
  requestInFlight: boolean
  restore: Restore | null
  /** From creation to the check that saw the end, as measured by the action. */
  measuredDurationMs: number | null
  checks: Check[]
  error: string | null
}

export function newEvidence(): Evidence {
  return {
    outcome: null,
    settings: null,
    backup: null,
    backupAgeMs: null,
    files: null,
    request: null,
    requestInFlight: false,
    restore: null,
    measuredDurationMs: null,
    checks: [],
    error: null,
  }
}
