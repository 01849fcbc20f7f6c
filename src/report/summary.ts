// The job summary: what a person reads on the run's page to trust, or doubt, the drill. It reads
// from the top: the verdict and its numbers in one line, the error, the checks, then the facts,
// with the long lists folded. Pure: a Result in, Markdown out. Text from the API is escaped.
import type { Outcome } from '../inputs/names.js'
import type { RestoreRequest } from '../snapshooter/types.js'
import { inline, prose } from '../markdown.js'
import { classifyStatus } from '../restore/status.js'
import type { Result } from './result.js'
import {
  age,
  backupFacts,
  downloadFacts,
  downloadedFiles,
  duration,
  requestBlock,
  restoreFacts,
  restoredFiles,
  text,
} from './summary-parts.js'

// `{name}` is where the drill's name goes, when the workflow gave one.
const HEADLINES: Record<Outcome, string> = {
  succeeded: '✅ Restore drill{name} succeeded',
  failed: '❌ Restore drill{name} failed',
  timed_out: '⏱️ Restore drill{name} timed out',
  cancelled: '🚫 Restore drill{name} cancelled',
  not_waited: '⏩ Restore{name} started (not waited for)',
  dry_run: '🧪 Dry run{name}: nothing was restored',
}

const DOWNLOAD_HEADLINES: Partial<Record<Outcome, string>> = {
  succeeded: '✅ Download drill{name} succeeded',
  failed: '❌ Download drill{name} failed',
  timed_out: '⏱️ Download drill{name} timed out',
  cancelled: '🚫 Download drill{name} cancelled',
  dry_run: '🧪 Dry run{name}: nothing was downloaded',
}

const CHECK_LABELS: Record<string, string> = {
  max_backup_age: 'RPO: backup age, `max_backup_age`',
  max_restore_duration: 'RTO: restore duration, `max_restore_duration`',
}

const SHORT_LABELS: Record<string, string> = { max_backup_age: 'RPO', max_restore_duration: 'RTO' }

/** A result, with the drill's name when the workflow named the drill. */
export type SummaryResult = Result & { drill?: { name: string | null } | null }

export interface SummaryExtras {
  /** The restore request, shown on a dry run. */
  request?: RestoreRequest | null
  /** What a failed run left behind at SnapShooter. */
  leftBehind?: string | null
}

/** The summary without its footer, which the publisher writes last (see summaryFooter). */
export function renderSummary(result: SummaryResult, extras: SummaryExtras = {}): string {
  const downloading = result.mode === 'download'
  const lines = [`## ${headline(result)}`, '']
  if (result.error) lines.push(`> **Error:** ${prose(result.error.message)}`, '')
  if (extras.leftBehind) lines.push(`> **Left behind:** ${prose(extras.leftBehind)}`, '')
  lines.push(...checksTable(result), ...backupFacts(result))
  if (downloading) lines.push(...downloadFacts(result), ...downloadedFiles(result))
  else lines.push(...restoreFacts(result), ...restoredFiles(result))
  if (extras.request && !downloading) lines.push(...requestBlock(extras.request, result.backup.id))
  return lines.join('\n')
}

/** The line that closes the summary: which workflow run this was. Empty outside a run. */
export function summaryFooter({ run }: Result): string {
  if (!run.repository || !run.run_id) return ''
  // A blank line first: the summary may end in an HTML block (<details>), which runs on until one.
  return `\n<sub>${inline(run.workflow ?? 'workflow')} · run ${inline(run.run_id)} · ${inline(run.event ?? '')}</sub>\n`
}

/** The verdict and the numbers that back it, in one line. */
export function headline(result: SummaryResult): string {
  const name = result.drill?.name ? ` “${inline(result.drill.name)}”` : ''
  const title =
    (result.mode === 'download' ? DOWNLOAD_HEADLINES[result.outcome] : undefined) ??
    HEADLINES[result.outcome]
  const numbers = [...backupNumbers(result), ...progressNumbers(result)]
  return `${title.replace('{name}', name)}${numbers.length > 0 ? ` — ${numbers.join(', ')}` : ''}`
}

// Ids are left to the details: a UUID in a heading takes a line of its own.
function backupNumbers({ backup, checks }: Result): string[] {
  if (backup.age_seconds === null) return []
  const old = backup.age_seconds < 0 ? age(backup.age_seconds) : `${age(backup.age_seconds)} old`
  return [`backup ${old}${limitOf(checks, 'max_backup_age')}`]
}

function progressNumbers(result: Result): string[] {
  const { outcome, restore, files, download } = result
  const plural = (n: number): string => `${n} file${n === 1 ? '' : 's'}`
  if (result.mode === 'download') {
    if (outcome === 'dry_run')
      return files.length > 0 ? [`${plural(files.length)} to download`] : []
    if (download === null || download.status === null) return []
    const took =
      download.duration_seconds === null ? '' : ` in ${duration(download.duration_seconds)}`
    return [`${download.files.length} of ${plural(files.length)} verified${took}`]
  }
  if (outcome === 'dry_run') return files.length > 0 ? [`${plural(files.length)} to restore`] : []
  if (restore.id === null) return []
  const rto = limitOf(result.checks, 'max_restore_duration')
  const restored = restore.status !== null && classifyStatus(restore.status).class === 'succeeded'
  if (restored && restore.duration_seconds !== null)
    return [`restored in ${duration(restore.duration_seconds)}${rto}`]
  const took =
    restore.duration_seconds === null ? '' : ` after ${duration(restore.duration_seconds)}`
  return [`restore ${text(restore.status)}${took}`]
}

/** ` (RTO 45m)`: a check's limit as the workflow wrote it, beside the number it limits. */
function limitOf(checks: Result['checks'], name: string): string {
  const check = checks.find((each) => each.name === name)
  return check ? ` (${SHORT_LABELS[name]} ${inline(check.limit)})` : ''
}

function checksTable({ checks }: Result): string[] {
  if (checks.length === 0) return []
  const lines = [
    '### Checks',
    '',
    '| check | limit | actual | verdict |',
    '| --- | --- | --- | --- |',
  ]
  for (const check of checks) {
    const verdict =
      check.passed === null ? '➖ not measured' : check.passed ? '✅ passed' : '❌ failed'
    lines.push(
      `| ${CHECK_LABELS[check.name] ?? check.name} | ${inline(check.limit)} | ${age(check.actual_seconds)} | ${verdict} |`,
    )
  }
  return [...lines, '']
}
