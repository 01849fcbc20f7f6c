// The chart's axes: where the ticks go and what they say. Durations step in the units people
// think in (30 s, 5 min, 1 h), times in whole hours, days or months of UTC.
import { seconds as formatSeconds, utcClock, utcDay } from './format.js'

export interface Tick {
  value: number
  label: string
}

const HOUR_MS = 3_600_000
const DAY_MS = 24 * HOUR_MS
const YEAR_MS = 365 * DAY_MS

// Steps of the duration axis, in seconds.
const DURATION_STEPS = [
  1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400,
]
// Steps of the time axis, in ms.
const TIME_STEPS = [
  HOUR_MS,
  3 * HOUR_MS,
  6 * HOUR_MS,
  12 * HOUR_MS,
  DAY_MS,
  2 * DAY_MS,
  7 * DAY_MS,
  14 * DAY_MS,
  30 * DAY_MS,
  91 * DAY_MS,
  182 * DAY_MS,
  YEAR_MS,
]

/**
 * Ticks from 0 up to at least `maxSeconds`, at most `count` steps apart. The last tick is the
 * top of the axis, so the highest point and the RTO line always fit under it.
 */
export function durationTicks(maxSeconds: number, count = 5): Tick[] {
  const top = Math.max(1, maxSeconds)
  const step =
    DURATION_STEPS.find((candidate) => top / candidate <= count) ??
    Math.ceil(top / count / 86400) * 86400
  const ticks: Tick[] = []
  for (let value = 0; value < top + step; value += step) {
    ticks.push({ value, label: value === 0 ? '0' : formatSeconds(value) })
    if (value >= top) break
  }
  return ticks
}

/** Ticks inside [start, end] (epoch ms), at most `count`, on whole UTC hours, days or weeks. */
export function timeTicks(start: number, end: number, count = 6): Tick[] {
  const range = Math.max(0, end - start)
  // Past the longest step, whole years enough to keep the count (a ledger edited by hand may
  // span centuries; the axis still has a few ticks, not thousands).
  const step =
    TIME_STEPS.find((candidate) => range / candidate <= count - 1) ??
    Math.ceil(range / (count - 1) / YEAR_MS) * YEAR_MS
  const first = Math.ceil(start / step) * step
  const withYear = new Date(start).getUTCFullYear() !== new Date(end).getUTCFullYear()
  const ticks: Tick[] = []
  for (let value = first; value <= end; value += step) {
    ticks.push({ value, label: timeLabel(value, step, withYear) })
  }
  // A single drill, or several within one step: its own time is the one tick.
  if (ticks.length === 0) ticks.push({ value: start, label: `${utcDay(start)} ${utcClock(start)}` })
  return ticks
}

function timeLabel(ms: number, step: number, withYear: boolean): string {
  if (step < DAY_MS) {
    // Midnight shows the day, so that a chart over two days says which is which.
    return new Date(ms).getUTCHours() === 0 ? utcDay(ms) : utcClock(ms)
  }
  return utcDay(ms, withYear)
}
