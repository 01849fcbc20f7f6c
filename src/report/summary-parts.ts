// The pieces of the job summary below its headline and checks: the facts of the backup, the
// restore or the download, and the long lists folded in <details>. Pure; text from the API is
// escaped (`inline`, `prose`), and every list keeps its cap: a summary over 1 MiB is not shown.
import { parseTime } from '../drill/checks.js'
import { describeSelection } from '../drill/selection-text.js'
import { formatElapsed } from '../duration.js'
import { escapeHtml, inline, prose } from '../markdown.js'
import type { RestoreRequest } from '../snapshooter/types.js'
import type { Result } from './result.js'

/** Rows of a list of files, and file ids of a request: enough to see what was restored. */
export const MAX_FILE_ROWS = 50

const MONTHS = 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split(' ')

/**
 * Facts as a definition list (`**key:** value`): a table of keys and values would have an empty
 * header row, which GitHub draws as a blank bar.
 */
function facts(title: string, rows: [string, string][]): string[] {
  return [`### ${title}`, '', ...rows.map(([key, value]) => `- **${key}:** ${value}`), '']
}

/** A long list folded away: the reader opens it when the headline and checks are not enough. */
export function folded(title: string, body: string[]): string[] {
  return [`<details><summary>${title}</summary>`, '', ...body, '', '</details>', '']
}

export function backupFacts({ backup, selection }: Result): string[] {
  return facts('Backup', [
    ['id', code(backup.id)],
    ['job', code(backup.job_id)],
    [
      'completed',
      backup.age_seconds === null
        ? time(backup.completed_at)
        : `${time(backup.completed_at)}, ${age(backup.age_seconds)}${backup.age_seconds < 0 ? '' : ' old'}`,
    ],
    // How `latest`, `random` or `restore_id` found it; a backup given by id needs no line.
    ...(selection === null || selection.rule === 'id'
      ? []
      : [['chosen', prose(describeSelection(selection))] as [string, string]]),
  ])
}

export function restoreFacts({ restore, files }: Result): string[] {
  return facts('Restore', [
    ['id', code(restore.id)],
    ['status', code(restore.status)],
    [
      'compute',
      restore.compute
        ? `${text(restore.compute.type)} ${code(String(restore.compute.server_id ?? ''))}`
        : 'where the backup was made',
    ],
    ['files', String(files.length)],
    ['created', time(restore.created_at)],
    ['ran', span(restore.started_at, restore.completed_at)],
    ['duration', duration(restore.duration_seconds)],
  ])
}

/** The names of the files restored (or to restore), the first MAX_FILE_ROWS of them. */
export function restoredFiles({ files, outcome }: Result): string[] {
  if (files.length === 0) return []
  const rows = files.slice(0, MAX_FILE_ROWS).map((file) => `- ${code(file.name)}`)
  if (files.length > MAX_FILE_ROWS)
    rows.push(`- and ${files.length - MAX_FILE_ROWS} more: see the result JSON`)
  const title = outcome === 'dry_run' ? 'Files to restore' : 'Files'
  return folded(`${title} (${files.length})`, rows)
}

export function downloadFacts({ download, files }: Result): string[] {
  const done = download?.files ?? []
  const bytes = done.reduce((sum, file) => sum + file.bytes, 0)
  return facts('Download', [
    ['folder', code(download?.dir ?? null)],
    ['status', code(download?.status ?? null)],
    ['files', `${done.length} of ${files.length} verified, ${bytes} bytes`],
    ...(done.length > 0 ? [['contents', contentsTally(done)] as [string, string]] : []),
    ['started', time(download?.started_at ?? null)],
    ['duration', duration(download?.duration_seconds ?? null)],
  ])
}

/** Each file downloaded, with its bytes and SHA-256; the result JSON lists every file. */
export function downloadedFiles({ download }: Result): string[] {
  const done = download?.files ?? []
  if (done.length === 0) return []
  const rows = ['| file | bytes | checks | sha256 |', '| --- | --- | --- | --- |']
  for (const file of done.slice(0, MAX_FILE_ROWS))
    rows.push(
      `| ${code(file.name)} | ${file.bytes} | ${checksCell(file.checks)} | <code>${file.sha256}</code> |`,
    )
  if (done.length > MAX_FILE_ROWS)
    rows.push(`| and ${done.length - MAX_FILE_ROWS} more: see the result JSON | | | |`)
  return folded(`Files downloaded and verified (${done.length})`, rows)
}

const PASSED_ICON = { true: '✅', false: '❌', null: '⏭️' } as const

type DownloadedFile = NonNullable<Result['download']>['files'][number]

/**
 * What the content checks found, counted by file, so that a reader sees without opening the list
 * how much was proved beyond bytes and checksums (a skipped check is not a passed one).
 */
export function contentsTally(done: readonly DownloadedFile[]): string {
  const count = { passed: 0, failed: 0, skipped: 0, integrity: 0 }
  for (const { checks } of done) {
    if (checks === undefined || checks.length === 0) count.integrity += 1
    else if (checks.some((check) => check.passed === false)) count.failed += 1
    else if (checks.some((check) => check.passed === null)) count.skipped += 1
    else count.passed += 1
  }
  const parts = [
    count.passed > 0 ? `${PASSED_ICON.true} ${count.passed} checked` : '',
    count.failed > 0 ? `${PASSED_ICON.false} ${count.failed} failed a check` : '',
    count.skipped > 0 ? `${PASSED_ICON.null} ${count.skipped} skipped (look encrypted)` : '',
    count.integrity > 0 ? `${count.integrity} integrity only` : '',
  ]
  return parts.filter((part) => part !== '').join(', ')
}

/** A file's content checks; without any, how far it was verified instead. */
function checksCell(checks: DownloadedFile['checks']): string {
  if (checks === undefined) return 'integrity only (`verify: integrity`)'
  if (checks.length === 0) return 'integrity only: no content check for its type'
  return checks
    .map((check) => `${PASSED_ICON[`${check.passed}`]} ${inline(`${check.name}: ${check.detail}`)}`)
    .join('<br>')
}

/** A dry run's request, as the POST a run without `dry_run` would send. */
export function requestBlock(request: RestoreRequest, backupId: string | null): string[] {
  const { files } = request
  // Thousands of file ids would take the summary over 1 MiB: the first ones show the shape.
  const omitted = Math.max(0, (files?.length ?? 0) - MAX_FILE_ROWS)
  const shown = omitted > 0 ? { ...request, files: files?.slice(0, MAX_FILE_ROWS) } : request
  const body = escapeHtml(JSON.stringify(shown, null, 2))
  return folded('The request a run without <code>dry_run</code> would send', [
    `<pre><code>POST /v1/backups/${inline(backupId ?? '')}/restore\n${body}</code></pre>`,
    ...(omitted > 0 ? ['', `Its \`files\` holds ${omitted} more file ids, left out here.`] : []),
  ])
}

export function code(value: string | null): string {
  return value === null || value === '' ? '–' : `<code>${inline(value)}</code>`
}

export function text(value: string | null): string {
  return value === null || value === '' ? '–' : inline(value)
}

/**
 * A time from SnapShooter as a person reads it, `01 Dec 2026, 08:08 UTC`: the minute is enough
 * beside the durations, and the result JSON keeps the exact time. Text that is no time is shown
 * as it came, escaped.
 */
export function time(value: string | null): string {
  const at = parseTime(value)
  if (at === null) return text(value)
  const date = new Date(at)
  const two = (n: number): string => String(n).padStart(2, '0')
  const day = `${two(date.getUTCDate())} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`
  return `${day}, ${two(date.getUTCHours())}:${two(date.getUTCMinutes())} UTC`
}

/** From start to end, the day said once when both fall on it: `01 Dec 2026, 08:04 → 08:08 UTC`. */
function span(started: string | null, completed: string | null): string {
  if (started === null) return '–'
  const [from, to] = [time(started), time(completed)]
  if (completed === null) return `from ${from}, not completed`
  const day = from.slice(0, from.indexOf(', ') + 2)
  const sameDay = day.length > 2 && to.startsWith(day)
  return sameDay ? `${from.replace(' UTC', '')} → ${to.slice(day.length)}` : `${from} → ${to}`
}

export function duration(secondsValue: number | null): string {
  return secondsValue === null ? '–' : formatElapsed(secondsValue * 1000)
}

/** A backup's age; a negative one is a completion time ahead of the clock, and says so. */
export function age(secondsValue: number | null): string {
  if (secondsValue === null || secondsValue >= 0) return duration(secondsValue)
  return `${formatElapsed(-secondsValue * 1000)} ahead of the runner's clock`
}
