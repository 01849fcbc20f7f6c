// The drill's measurable promises: RPO (how old the restored data is) and RTO (how long the
// restore took). Each check records its limit and what was measured, as evidence.
import { parseTimestamp } from '../snapshooter/timestamps.js'
import type { Restore } from '../snapshooter/types.js'

export type CheckName = 'max_backup_age' | 'max_restore_duration'

export interface Check {
  name: CheckName
  limitSeconds: number
  /** The limit as the workflow wrote it (`26h`), so the evidence shows it in the user's words. */
  limit?: string
  /** Null when it could not be measured (the restore never completed). */
  actualSeconds: number | null
  /** Null when it could not be decided. */
  passed: boolean | null
}

/**
 * How far ahead of the runner's clock a time from SnapShooter may be and still count as now: two
 * clocks a little apart. Further ahead, the time is no evidence of anything: a backup "completed"
 * in an hour would otherwise pass any `max_backup_age`, however long ago the job stopped.
 */
export const MAX_CLOCK_SKEW_MS = 5 * 60_000

/** An API time in epoch ms: ISO 8601 with a zone, or null (see parseTimestamp). */
export function parseTime(text: string | null): number | null {
  return text === null ? null : parseTimestamp(text)
}

/** How far `time` lies ahead of `now` beyond the tolerated skew, in ms; 0 when it does not. */
export function aheadOfClockMs(time: string | null, now: number): number {
  const at = parseTime(time)
  return at !== null && at - now > MAX_CLOCK_SKEW_MS ? at - now : 0
}

/**
 * Age of a backup at `now`, in ms; null when SnapShooter gave no completion time. A completion
 * a little ahead of the clock counts as age 0; one further ahead gives a negative age, which no
 * check passes.
 */
export function backupAgeMs(completedAt: string | null, now: number): number | null {
  const completed = parseTime(completedAt)
  if (completed === null) return null
  const age = now - completed
  return -age > MAX_CLOCK_SKEW_MS ? age : Math.max(0, age)
}

/** A restore's duration: SnapShooter's own times when it gave both, else what the action measured. */
export function restoreDurationMs(
  restore: Restore | null,
  measuredMs: number | null,
): number | null {
  const started = parseTime(restore?.startedAt ?? null)
  const completed = parseTime(restore?.completedAt ?? null)
  if (started !== null && completed !== null && completed >= started) return completed - started
  return measuredMs
}

export function limitCheck(
  name: CheckName,
  limitMs: number,
  actualMs: number | null,
  written?: string,
): Check {
  return {
    name,
    limitSeconds: seconds(limitMs),
    ...(written === undefined ? {} : { limit: written }),
    actualSeconds: actualMs === null ? null : seconds(actualMs),
    // A negative measure (a time ahead of the clock) is unreadable evidence, not a pass.
    passed: actualMs === null ? null : actualMs >= 0 && actualMs <= limitMs,
  }
}

export function seconds(ms: number): number {
  return Math.round(ms / 100) / 10
}
