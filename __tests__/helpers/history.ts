// Drill records as the history keeps them, made from a result shaped like the action's own.
import { makeRecord, type DrillRecord, type RecordedOutcome } from '../../src/history/record.js'

export const DAY = 86_400_000
/** Noon UTC, 1 March 2026: the "now" of the history tests. */
export const NOW = Date.UTC(2026, 2, 1, 12)

export interface RecordSpec {
  target?: string
  outcome?: RecordedOutcome
  /** When the drill ended, epoch ms (NOW by default). */
  at?: number
  /** The restore's duration; null for a drill that ended before the restore did. */
  seconds?: number | null
  /** `max_restore_duration` in seconds; null for none. */
  rto?: number | null
  /** `max_restore_duration` as the workflow wrote it, kept in the check's `limit`. */
  rtoText?: string
  backupAge?: number | null
  /** `max_backup_age` in seconds; null for none. */
  rpo?: number | null
  runId?: string
  attempt?: string
  restoreId?: string | null
}

let nextRun = 1000

/** A result JSON (version 1) as the action writes it, with what the history reads. */
export function result(spec: RecordSpec = {}): { outcome: string } & Record<string, unknown> {
  const seconds = spec.seconds === undefined ? 600 : spec.seconds
  const rto = spec.rto === undefined ? 1800 : spec.rto
  const rpo = spec.rpo === undefined ? 86_400 : spec.rpo
  const age = spec.backupAge === undefined ? 3_600 : spec.backupAge
  const runId = spec.runId ?? String(nextRun++)
  const checks = [
    ...(rpo === null
      ? []
      : [
          {
            name: 'max_backup_age',
            limit_seconds: rpo,
            actual_seconds: age,
            passed: age === null ? null : age <= rpo,
          },
        ]),
    ...(rto === null
      ? []
      : [
          {
            name: 'max_restore_duration',
            limit_seconds: rto,
            ...(spec.rtoText === undefined ? {} : { limit: spec.rtoText }),
            actual_seconds: seconds,
            passed: seconds === null ? null : seconds <= rto,
          },
        ]),
  ]
  return {
    version: 1,
    outcome: spec.outcome ?? 'succeeded',
    mode: 'restore',
    status: 'completed',
    backup: { id: 'b-1', job_id: 'j-1', completed_at: null, age_seconds: age },
    restore: {
      id: spec.restoreId === undefined ? `restore-${runId}` : spec.restoreId,
      status: 'completed',
      created_at: null,
      started_at: null,
      completed_at: null,
      duration_seconds: seconds,
      compute: null,
    },
    files: [],
    files_omitted: 0,
    download: null,
    checks,
    error: null,
    run: {
      repository: 'acme/backups',
      workflow: 'drill',
      run_id: runId,
      run_attempt: spec.attempt ?? '1',
      event: 'schedule',
      actor: 'octocat',
    },
  }
}

export function record(spec: RecordSpec = {}): DrillRecord {
  const made = makeRecord(result(spec), spec.target ?? 'prod-db', spec.at ?? NOW)
  if (made === null) throw new Error(`outcome ${spec.outcome} is not recorded`)
  return made
}

/** Daily drills ending at NOW, oldest first, one per spec. */
export function daily(specs: RecordSpec[], end = NOW): DrillRecord[] {
  return specs.map((spec, i) => record({ at: end - (specs.length - 1 - i) * DAY, ...spec }))
}

export const ledgerText = (records: DrillRecord[]): string =>
  records.map((item) => `${JSON.stringify(item)}\n`).join('')
