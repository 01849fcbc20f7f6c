// One drill as the history keeps it: the run's result JSON (version 1), as it was, with a
// `history` field added: the drill's target and when the drill ended. The ledger stores one such
// record per line. Fields this module does not know are kept: a record written by a later version
// of the action is read, counted and written back unchanged.
//
// Reading is defensive throughout: a ledger is a file in a branch, which anyone with push access
// may have edited by hand, so every field is checked before it is used.

/** The outcomes a ledger records: drills that ran. A dry run or a restore not waited for proves nothing. */
export const RECORDED_OUTCOMES = ['succeeded', 'failed', 'timed_out', 'cancelled'] as const
export type RecordedOutcome = (typeof RECORDED_OUTCOMES)[number]

/**
 * Files listed in a record; the rest are counted in `files_omitted`, as in the `result` output.
 * A backup of 10,000 files would otherwise make each line 1.5 MB, and 500 lines a ledger no one
 * can read.
 */
export const MAX_RECORD_FILES = 100

export interface DrillRecord {
  outcome: RecordedOutcome
  history: {
    /** `drill_name`, else `job <job_id>` or `backup <backup_id>` as the inputs gave them. */
    target: string
    /** When the drill ended, ISO 8601 in UTC. */
    recorded_at: string
  }
  [field: string]: unknown
}

export function isRecorded(outcome: string): outcome is RecordedOutcome {
  return (RECORDED_OUTCOMES as readonly string[]).includes(outcome)
}

/**
 * The record of a drill from its result, or null when its outcome is not recorded. `endedAt` is
 * when the drill ended (the run's clock; for a fleet report, when the leg ended).
 */
export function makeRecord(
  result: { readonly outcome: string },
  target: string,
  endedAt: number,
): DrillRecord | null {
  if (!isRecorded(result.outcome)) return null
  return {
    ...capRecordFiles(result),
    outcome: result.outcome,
    history: { target, recorded_at: new Date(endedAt).toISOString() },
  }
}

/**
 * A copy of a result with its `files` and `download.files` cut to MAX_RECORD_FILES, as a record
 * keeps them. A fleet report holds every leg's result until it writes the history: cut as each is
 * read, a fleet of large backups takes megabytes, not gigabytes.
 */
export function capRecordFiles<T extends object>(result: T): T {
  const copy = capFiles({ ...result } as Record<string, unknown>)
  if (isObject(copy.download)) copy.download = capFiles({ ...copy.download })
  return copy as T
}

/** Keeps the first MAX_RECORD_FILES of `holder.files` (a copy of the result's part). */
function capFiles<T extends Record<string, unknown>>(holder: T): T {
  const files = holder.files
  if (!Array.isArray(files) || files.length <= MAX_RECORD_FILES) return holder
  const omitted = typeof holder.files_omitted === 'number' ? holder.files_omitted : 0
  return Object.assign(holder, {
    files: files.slice(0, MAX_RECORD_FILES),
    files_omitted: omitted + files.length - MAX_RECORD_FILES,
  })
}

/** The record in a parsed ledger line, or null when the line is no record this module can read. */
export function readRecord(value: unknown): DrillRecord | null {
  if (!isObject(value) || typeof value.outcome !== 'string' || !isRecorded(value.outcome))
    return null
  const history = value.history
  if (!isObject(history) || typeof history.target !== 'string') return null
  if (typeof history.recorded_at !== 'string' || !Number.isFinite(Date.parse(history.recorded_at)))
    return null
  return value as DrillRecord
}

/**
 * What makes one drill's record unique: the run (repository, run id, attempt), the target, and
 * the restore's id. A write that is retried, or a record written again by a fleet report, carries
 * the same key and is never added twice; a re-run of the job is a new attempt, a new drill. The
 * restore's id keeps apart two drills of one target in one run (a matrix that lists a job twice);
 * two such drills that both failed before any restore existed count as one.
 */
export function recordKey(record: DrillRecord): string {
  const run = isObject(record.run) ? record.run : {}
  const restore = isObject(record.restore) ? record.restore : {}
  return JSON.stringify([
    run.repository ?? null,
    run.run_id ?? null,
    run.run_attempt ?? null,
    record.history.target,
    restore.id ?? null,
  ])
}

/** When the drill ended, in epoch ms (readRecord has checked that it parses). */
export function endedAt(record: DrillRecord): number {
  return Date.parse(record.history.recorded_at)
}

/** The restore's duration in seconds, or null when the drill has none (it failed before). */
export function durationSeconds(record: DrillRecord): number | null {
  return nonNegative(isObject(record.restore) ? record.restore.duration_seconds : undefined)
}

/** How old the restored backup was, in seconds, or null when unknown. */
export function backupAgeSeconds(record: DrillRecord): number | null {
  return nonNegative(isObject(record.backup) ? record.backup.age_seconds : undefined)
}

/** The limit of a check the drill ran (`max_restore_duration`, `max_backup_age`), in seconds. */
export function checkLimit(record: DrillRecord, name: string): number | null {
  if (!Array.isArray(record.checks)) return null
  const check: unknown = record.checks.find((item) => isObject(item) && item.name === name)
  return isObject(check) ? positive(check.limit_seconds) : null
}

/**
 * The limit as the drill's workflow wrote it (`26h`), when the record keeps it and it reads as a
 * duration: the ledger is text anyone with write access to the branch can edit.
 */
export function checkLimitText(record: DrillRecord, name: string): string | null {
  if (!Array.isArray(record.checks)) return null
  const check: unknown = record.checks.find((item) => isObject(item) && item.name === name)
  if (!isObject(check) || typeof check.limit !== 'string') return null
  return /^[0-9][0-9a-z ]{0,23}$/i.test(check.limit) ? check.limit : null
}

function nonNegative(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : null
}

function positive(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : null
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
