// The fleet's job summary: a headline verdict with the counts, then one row per drill. Every
// value from a result file is untrusted: escaped with `inline` (already cut to one short line
// when read), the rows capped, and the whole kept under GitHub's 1 MiB summary limit.
import { formatElapsed } from '../duration.js'
import { inline } from '../markdown.js'
import type { Counts, Row, RowOutcome } from './report-tally.js'

export const MAX_ROWS = 256
export const MAX_SUMMARY_BYTES = 1024 * 1024 - 4096

const ICON: Record<RowOutcome, string> = {
  succeeded: '✅',
  failed: '❌',
  timed_out: '⏱️',
  cancelled: '🚫',
  not_waited: '⏩',
  dry_run: '📝',
  missing: '❓',
  invalid: '⚠️',
}

// Durations as the drill's own summary writes them (`1h 58m 26s`), limits as the workflow did.
const age = (value: number | null): string =>
  value === null ? '–' : formatElapsed(Math.max(0, value) * 1000)

/** A value against its limit: `3h 5s / 26h ✅`. */
function against(
  actual: number | null,
  limit: number | null,
  written: string | null,
  passed: boolean | null,
): string {
  if (limit === null) return age(actual)
  const verdict = passed === true ? ' ✅' : passed === false ? ' ❌' : ''
  return `${age(actual)} / ${written ?? age(limit)}${verdict}`
}

function row(item: Row): string {
  const name = inline(item.name)
  const outcome = `${ICON[item.outcome]} ${item.outcome}`
  const why = item.error !== null && item.outcome !== 'succeeded' ? `<br>${inline(item.error)}` : ''
  const again = item.superseded > 0 ? ` (newest of ${item.superseded + 1} results)` : ''
  // The link was built from checked parts only (report-entry.ts), so it can carry no markup.
  const link = item.run_url === null ? '–' : `[run](${item.run_url})`
  const rpo = against(
    item.backup_age_seconds,
    item.rpo_limit_seconds,
    item.rpo_limit,
    item.rpo_passed,
  )
  const rto = against(
    item.duration_seconds,
    item.rto_limit_seconds,
    item.rto_limit,
    item.rto_passed,
  )
  return `| ${name} | ${rpo} | ${rto} | ${outcome}${again}${why} | ${link} |`
}

export function headline(counts: Counts, fails: boolean): string {
  // A dry run or a restore not waited for proved nothing: a fleet of them earns no green tick.
  const unproved = counts.failed + counts.missing + counts.unverified
  const icon = fails ? '❌' : unproved > 0 ? '⚠️' : '✅'
  const parts = [
    `${counts.succeeded} succeeded`,
    `${counts.failed} failed`,
    `${counts.missing} missing`,
    ...(counts.unverified > 0 ? [`${counts.unverified} not verified`] : []),
  ]
  return `## ${icon} Fleet restore drill: ${counts.succeeded} of ${counts.total} succeeded\n\n${parts.join(' · ')}`
}

export function renderFleetSummary(
  counts: Counts,
  rows: readonly Row[],
  notes: { fails: boolean; skippedFiles: number },
): string {
  const head = [
    headline(counts, notes.fails),
    '',
    '| drill | backup age (RPO) | restore duration (RTO) | outcome | run |',
    '| --- | --- | --- | --- | --- |',
  ].join('\n')
  const lines: string[] = []
  let bytes = Buffer.byteLength(head)
  for (const item of rows.slice(0, MAX_ROWS)) {
    const line = row(item)
    bytes += Buffer.byteLength(line) + 1
    if (bytes > MAX_SUMMARY_BYTES) break
    lines.push(line)
  }
  const tail: string[] = []
  if (lines.length < rows.length)
    tail.push(
      `\n${rows.length - lines.length} more drills are not shown here; the \`report\` output lists them.`,
    )
  if (notes.skippedFiles > 0)
    tail.push(`\n${notes.skippedFiles} more result files matched and were not read.`)
  return `${[head, ...lines].join('\n')}\n${tail.join('\n')}\n`
}
