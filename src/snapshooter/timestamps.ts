// The one reader of the times SnapShooter gives (`2023-07-06T21:01:58.000000Z`). Date.parse is
// too kind for evidence: it reads `"1"` as the year 2001 and a time without a zone as the
// runner's local time, so a drill could measure a backup's age against a made-up moment.

// Date, `T`, hours and minutes, optional seconds and fraction, and a zone: `Z` or an offset.
const ISO_8601 =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:([Zz])|([+-])(\d{2}):?(\d{2}))$/

/** Epoch ms of an ISO 8601 time with a zone; null for anything else, or a day that does not exist. */
export function parseTimestamp(text: string): number | null {
  const match = ISO_8601.exec(text)
  if (match === null) return null
  const part = (index: number): number => Number(match[index] ?? 0)
  const [year, month, day, hour, minute, second] = [1, 2, 3, 4, 5, 6].map(part) as Six
  const [offsetHours, offsetMinutes] = [part(10), part(11)]
  if (hour > 23 || minute > 59 || second > 59 || offsetHours > 23 || offsetMinutes > 59) return null
  const date = new Date(0)
  // setUTCFullYear, not Date.UTC: Date.UTC reads the years 0 to 99 as 1900 to 1999.
  date.setUTCFullYear(year, month - 1, day)
  date.setUTCHours(hour, minute, second, Math.floor(Number(`0.${match[7] ?? '0'}`) * 1000))
  // 2023-02-30 would roll over into March: a day that does not exist is no time.
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null
  const sign = match[9] === '-' ? -1 : 1
  return date.getTime() - sign * (offsetHours * 60 + offsetMinutes) * 60_000
}

type Six = [number, number, number, number, number, number]
