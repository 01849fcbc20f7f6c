// Durations as users write them in workflow files: `500ms`, `90s`, `30m`, `1h30m`, `2d`,
// or a bare number of seconds (`45`, `1.5`).

export const DAY_MS = 86_400_000

/**
 * `backup_window` reaches back a year at most: far enough for a tier of monthlies, and a window
 * longer than any retention keeps backups only widens the walk.
 */
export const MAX_BACKUP_WINDOW_MS = 365 * DAY_MS

const UNIT_MS: Record<string, number> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: DAY_MS,
}

// Units must come largest first and at most once each, so `30m1h` or `5s5s` are refused as typos.
const UNIT_ORDER = ['d', 'h', 'm', 's', 'ms']
const PART = /(\d+(?:\.\d+)?)(ms|d|h|m|s)/gy

/** Parses a duration into milliseconds; null when the text is not a duration. */
export function parseDuration(text: string): number | null {
  const value = text.trim().toLowerCase()
  if (value === '') return null
  // A bare number of seconds, however long its digits, must come out finite like any other.
  if (/^\d+(\.\d+)?$/.test(value)) return finite(Number(value) * 1000)

  PART.lastIndex = 0
  let total = 0
  let lastUnit = -1
  let match: RegExpExecArray | null
  while ((match = PART.exec(value)) !== null) {
    const [, amount = '', unit = ''] = match
    const order = UNIT_ORDER.indexOf(unit)
    if (order <= lastUnit) return null
    lastUnit = order
    total += Number(amount) * (UNIT_MS[unit] ?? NaN)
    if (PART.lastIndex === value.length) return finite(total)
  }
  return null
}

function finite(ms: number): number | null {
  return Number.isFinite(ms) ? Math.round(ms) : null
}

/** Whole seconds as their non-zero days, hours, minutes and seconds: `['1h', '2s']`. */
function units(seconds: number): string[] {
  let rest = seconds
  const parts: string[] = []
  for (const [unit, size] of [
    ['d', 86_400],
    ['h', 3_600],
    ['m', 60],
    ['s', 1],
  ] as const) {
    if (rest >= size) {
      parts.push(`${Math.floor(rest / size)}${unit}`)
      rest %= size
    }
  }
  return parts
}

/** Formats milliseconds the way parseDuration reads them back: `1d12h`, `1h30m`, `45s`, `500ms`. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)}ms`
  const seconds = Math.round(ms / 1000)
  const parts = units(seconds)
  return parts.length > 0 ? parts.join('') : `${seconds}s`
}

/**
 * A measured duration as a person reads it (`4m 10s`, `1h 2s`, `under 1s`), the one form of a
 * duration in the job summary and the error lines, so both say the same number. It rounds to the
 * tenth of a second first, as the result JSON keeps durations, then to the second: a value read
 * back from the result prints exactly as the value it came from.
 */
export function formatElapsed(ms: number): string {
  const tenths = Math.round(ms / 100)
  if (tenths < 10) return 'under 1s'
  return units(Math.round(tenths / 10)).join(' ')
}
