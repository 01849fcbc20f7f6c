// Numbers and times as the dashboard, the chart and the summary show them. Times are UTC: the
// readers of one branch sit in many zones, and a runner's zone says nothing about any of them.
import { formatElapsed } from '../duration.js'

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** `2026-03-05 04:10 UTC`. */
export function utcMinute(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`
}

/** `5 Mar`, or `5 Mar 2026` with the year. */
export function utcDay(ms: number, withYear = false): string {
  const date = new Date(ms)
  const day = `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]}`
  return withYear ? `${day} ${date.getUTCFullYear()}` : day
}

/** `14:05`. */
export function utcClock(ms: number): string {
  return new Date(ms).toISOString().slice(11, 16)
}

/** A duration in seconds as the job summary shows one (`45s`, `12m 30s`, `under 1s`). */
export function seconds(value: number): string {
  return formatElapsed(value * 1000)
}

/** A coarse span for "how long ago": `40 seconds`, `5 minutes`, `3 hours`, `2 days`. */
export function span(ms: number): string {
  const value = Math.max(0, ms)
  for (const [unit, size] of [
    ['day', 86_400_000],
    ['hour', 3_600_000],
    ['minute', 60_000],
  ] as const) {
    if (value >= size) {
      const count = Math.floor(value / size)
      return `${count} ${unit}${count === 1 ? '' : 's'}`
    }
  }
  const count = Math.floor(value / 1000)
  return `${count} second${count === 1 ? '' : 's'}`
}

/** A rate as a whole percentage (`97 %`), or `–` when there were no drills to count. */
export function percent(rate: number | null): string {
  if (rate === null) return '–'
  // Never round a failure or a success away: 199 of 200 is 99 %, 1 of 200 is 1 %.
  const whole = rate >= 1 ? 100 : rate <= 0 ? 0 : Math.min(99, Math.max(1, Math.round(rate * 100)))
  return `${whole} %`
}
