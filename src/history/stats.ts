// What a target's ledger says: how its drills went, how long restores take against the RTO, how
// old the restored backups were against the RPO, and the two early warnings (restores getting
// close to `max_restore_duration`; no successful drill for unusually long). Pure, with `now`
// given, so every case is a plain test.
import {
  backupAgeSeconds,
  checkLimit,
  checkLimitText,
  durationSeconds,
  endedAt,
  type DrillRecord,
  type RecordedOutcome,
} from './record.js'

/** The windows of the success rate, in days. */
export const RATE_WINDOWS = [30, 90, 365] as const
/** Drills in the recent list, the sparkline, and the usual interval. */
export const RECENT_DRILLS = 20
/** The RTO warning: this drill and the two before it... */
export const RTO_WARNING_DRILLS = 3
/** ...each took longer than this share of `max_restore_duration`. */
export const RTO_WARNING_SHARE = 0.8
/** The staleness warning: no success for longer than this many usual intervals. */
export const STALE_INTERVALS = 2

const DAY_MS = 86_400_000
const BLOCKS = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█']
/** A drill without a duration (it failed before the restore ended) in the sparkline. */
const NO_DURATION = '·'

export interface Rate {
  days: number
  drills: number
  succeeded: number
  /** succeeded / drills, or null when there were no drills in the window. */
  rate: number | null
}

export interface Measure {
  /** The drill it comes from. */
  at: number
  seconds: number
  /** The limit that drill checked it against, or null when it had none. */
  limitSeconds: number | null
  /** That limit as the workflow wrote it (`26h`), when the record keeps it. */
  limitText: string | null
  /** Whether it held the limit, or null without a limit. */
  passed: boolean | null
}

export interface RecentDrill {
  at: number
  outcome: RecordedOutcome
  seconds: number | null
}

export interface TargetStats {
  target: string
  drills: number
  last: { at: number; outcome: RecordedOutcome } | null
  rates: Rate[]
  /** The newest restore duration, against `max_restore_duration`. */
  duration: Measure | null
  /** The newest restored backup's age, against `max_backup_age`. */
  backupAge: Measure | null
  /** The newest RECENT_DRILLS drills, oldest first. */
  recent: RecentDrill[]
}

export interface RtoWarning {
  limitSeconds: number
  /** The last RTO_WARNING_DRILLS durations, oldest first. */
  seconds: number[]
}

export interface Staleness {
  /** The newest successful drill, or null when the ledger holds none. */
  lastSuccessAt: number | null
  /** The median time between the recent drills. */
  usualIntervalMs: number
  /** Since when nothing succeeded: the last success, or the oldest drill. */
  sinceMs: number
}

/** The records in the order the drills ended (writers may finish out of order). */
export function byTime(records: readonly DrillRecord[]): DrillRecord[] {
  return records
    .map((record, index) => ({ record, index, at: endedAt(record) }))
    .sort((a, b) => a.at - b.at || a.index - b.index)
    .map(({ record }) => record)
}

export function targetStats(
  target: string,
  records: readonly DrillRecord[],
  now: number,
): TargetStats {
  const drills = byTime(records)
  const newest = drills.at(-1)
  return {
    target,
    drills: drills.length,
    last: newest ? { at: endedAt(newest), outcome: newest.outcome } : null,
    rates: RATE_WINDOWS.map((days) => rate(drills, days, now)),
    duration: newestMeasure(drills, durationSeconds, 'max_restore_duration'),
    backupAge: newestMeasure(drills, backupAgeSeconds, 'max_backup_age'),
    recent: drills.slice(-RECENT_DRILLS).map((record) => ({
      at: endedAt(record),
      outcome: record.outcome,
      seconds: durationSeconds(record),
    })),
  }
}

function rate(drills: DrillRecord[], days: number, now: number): Rate {
  const since = now - days * DAY_MS
  const inWindow = drills.filter((record) => endedAt(record) > since)
  const succeeded = inWindow.filter((record) => record.outcome === 'succeeded').length
  return {
    days,
    drills: inWindow.length,
    succeeded,
    rate: inWindow.length === 0 ? null : succeeded / inWindow.length,
  }
}

function newestMeasure(
  drills: DrillRecord[],
  measure: (record: DrillRecord) => number | null,
  check: string,
): Measure | null {
  for (let i = drills.length - 1; i >= 0; i--) {
    const record = drills[i] as DrillRecord
    const seconds = measure(record)
    if (seconds === null) continue
    const limitSeconds = checkLimit(record, check)
    return {
      at: endedAt(record),
      seconds,
      limitSeconds,
      limitText: limitSeconds === null ? null : checkLimitText(record, check),
      passed: limitSeconds === null ? null : seconds <= limitSeconds,
    }
  }
  return null
}

/**
 * Durations as Unicode blocks, scaled from zero to the longest (a bar twice as high took twice as
 * long); `·` for a drill without a duration.
 */
export function sparkline(values: readonly (number | null)[]): string {
  const longest = Math.max(0, ...values.map((value) => value ?? 0))
  return values
    .map((value) => {
      if (value === null) return NO_DURATION
      if (longest === 0) return BLOCKS[0]
      const index = Math.ceil((value / longest) * BLOCKS.length) - 1
      return BLOCKS[Math.min(BLOCKS.length - 1, Math.max(0, index))]
    })
    .join('')
}

/**
 * The RTO warning: each of the last three drills (this one and the two before it) has a duration
 * past 80 % of `max_restore_duration`. `limitSeconds` is the limit this run set; without one, the
 * newest drill's own. A drill in the three without a duration stops the warning: there is no
 * evidence that it was slow.
 */
export function rtoWarning(
  records: readonly DrillRecord[],
  limitSeconds: number | null = null,
): RtoWarning | null {
  const last = byTime(records).slice(-RTO_WARNING_DRILLS)
  const limit =
    limitSeconds ?? (last.at(-1) ? checkLimit(last.at(-1)!, 'max_restore_duration') : null)
  if (limit === null || limit <= 0 || last.length < RTO_WARNING_DRILLS) return null
  const seconds = last.map(durationSeconds)
  if (!seconds.every((value) => value !== null && value > RTO_WARNING_SHARE * limit)) return null
  return { limitSeconds: limit, seconds: seconds as number[] }
}

/**
 * The staleness warning: the last successful drill is older than twice the usual interval
 * between drills, the median of the intervals between the recent drills (the median, so that a
 * week of missed runs or a burst of runs by hand does not move it). It needs three drills (two
 * intervals) to know what is usual. With no success in the ledger at all, the time since the
 * oldest drill counts.
 */
export function staleness(records: readonly DrillRecord[], now: number): Staleness | null {
  const drills = byTime(records)
  const recent = drills.slice(-RECENT_DRILLS).map(endedAt)
  if (recent.length < 3) return null
  const usualIntervalMs = median(recent.slice(1).map((at, i) => at - (recent[i] as number)))
  if (usualIntervalMs <= 0) return null
  const success = drills.findLast((record) => record.outcome === 'succeeded')
  const lastSuccessAt = success ? endedAt(success) : null
  const since = lastSuccessAt ?? endedAt(drills[0] as DrillRecord)
  if (now - since <= STALE_INTERVALS * usualIntervalMs) return null
  return { lastSuccessAt, usualIntervalMs, sinceMs: now - since }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2
}
