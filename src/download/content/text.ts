// Bytes of a downloaded file quoted in a check's detail, which goes to the log, the job summary
// and the result. The file's content is anyone's text: it could hold a line break, a workflow
// command or a signed link, so it is made as safe as API text is before it is shown.
import { neutralise } from '../../line-text.js'
import { scrubLinks } from '../../snapshooter/text.js'

/** How much of a line a detail quotes: enough to recognise it, not a page of data. */
export const QUOTE_CHARS = 80

const decoder = new TextDecoder('utf-8', { fatal: false })

/**
 * The end of `bytes` as one quoted line: neutralised, spaces collapsed, links taken out, and cut
 * from the left to `max` characters, since the end of a cut line is where the file stopped.
 */
export function quoteEnd(bytes: Buffer | string, max: number = QUOTE_CHARS): string {
  const raw = typeof bytes === 'string' ? bytes : decoder.decode(bytes)
  const text = neutralise(scrubLinks(raw)).replace(/\s+/g, ' ').trim()
  if (text.length <= max) return `«${text}»`
  let start = text.length - (max - 1)
  const first = text.charCodeAt(start)
  if (first >= 0xdc00 && first <= 0xdfff) start++
  return `«…${text.slice(start).trimStart()}»`
}

const UNITS = ['kB', 'MB', 'GB', 'TB'] as const

/** Decimal units, one decimal: "3.4 MB", as people read a size. */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return bytes === 1 ? '1 byte' : `${bytes} bytes`
  let value = bytes / 1000
  let unit = 0
  while (value >= 999.95 && unit < UNITS.length - 1) {
    value /= 1000
    unit++
  }
  return `${value.toFixed(1)} ${UNITS[unit]}`
}

/** "1 entry", "120 entries". */
export function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`
}
