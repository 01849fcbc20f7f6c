// The drill's measurable promises: RPO (how old the restored data is) and RTO (how long the
// restore took). Each check records its limit and what was measured, as evidence.
import type { Restore } from '../snapshooter/types.js'

export type CheckName = 'max_backup_age' | 'max_restore_duration'

export interface Check {
  name: CheckName
  limitSeconds: number
  /** Null when it could not be measured (the restore never completed). */
  actualSeconds: number | null
  /** Null when it could not be decided. */
  passed: boolean | null
}

export function parseTime(text: string | null): number | null {
  if (text === null) return null
  const time = Date.parse(text)
  return Number.isNaN(time) ? null : time
}

/** Age of a backup at `now`, in ms; null when SnapShooter gave no completion time. */
export function backupAgeMs(completedAt: string | null, now: number): number | null {
  const completed = parseTime(completedAt)
  return completed === null ? null : Math.max(0, now - completed)
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

export function limitCheck(name: CheckName, limitMs: number, actualMs: number | null): Check {
  return {
    name,
    limitSeconds: seconds(limitMs),
    actualSeconds: actualMs === null ? null : seconds(actualMs),
    passed: actualMs === null ? null : actualMs <= limitMs,
  }
}

export function seconds(ms: number): number {
  return Math.round(ms / 100) / 10
}
