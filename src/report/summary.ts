// The job summary: what a person reads on the run's page to trust, or doubt, the drill.
// Pure: a Result in, Markdown out. Text that came from the API is HTML-escaped.
import { describeSelection } from '../drill/selection-text.js'
import type { Outcome } from '../inputs/names.js'
import { formatDuration } from '../duration.js'
import type { RestoreRequest } from '../snapshooter/types.js'
import { escapeHtml, inline, prose } from '../markdown.js'
import type { Result } from './result.js'

const HEADLINES: Record<Outcome, string> = {
  succeeded: '✅ Restore drill succeeded',
  failed: '❌ Restore drill failed',
  timed_out: '⏱️ Restore drill timed out',
  cancelled: '🚫 Restore drill cancelled',
  not_waited: '⏩ Restore started (not waited for)',
  dry_run: '🧪 Dry run: nothing was restored',
}

const DOWNLOAD_HEADLINES: Partial<Record<Outcome, string>> = {
  succeeded: '✅ Download drill succeeded: every file arrived and was verified',
  failed: '❌ Download drill failed',
  timed_out: '⏱️ Download drill timed out',
  cancelled: '🚫 Download drill cancelled',
  dry_run: '🧪 Dry run: nothing was downloaded',
}

const MAX_FILE_ROWS = 50

const CHECK_LABELS: Record<string, string> = {
  max_backup_age: 'RPO: backup age (`max_backup_age`)',
  max_restore_duration: 'RTO: restore duration (`max_restore_duration`)',
}

export interface SummaryExtras {
  /** The restore request, shown on a dry run. */
  request?: RestoreRequest | null
  /** What a cancelled or failed run left behind at SnapShooter. */
  leftBehind?: string | null
}

export function renderSummary(result: Result, extras: SummaryExtras = {}): string {
  const { backup } = result
  const downloading = result.mode === 'download'
  const headline =
    (downloading ? DOWNLOAD_HEADLINES[result.outcome] : undefined) ?? HEADLINES[result.outcome]
  const lines = [`## ${headline}`, '']
  if (result.error) lines.push(`> **Error:** ${prose(result.error.message)}`, '')
  if (extras.leftBehind) lines.push(`> **Left behind:** ${prose(extras.leftBehind)}`, '')

  lines.push(
    ...table('Backup', [
      ['id', code(backup.id)],
      ['job', code(backup.job_id)],
      ['completed at', text(backup.completed_at)],
      ['age', age(backup.age_seconds)],
      // How `latest`, `random` or `restore_id` found it; a backup given by id needs no line.
      ...(result.selection === null || result.selection.rule === 'id'
        ? []
        : [['chosen', prose(describeSelection(result.selection))] as [string, string]]),
    ]),
    ...(downloading ? downloadTables(result) : restoreTables(result)),
  )

  if (result.checks.length > 0) {
    lines.push(
      '### Checks',
      '',
      '| check | limit | actual | verdict |',
      '| --- | --- | --- | --- |',
    )
    for (const check of result.checks) {
      const verdict =
        check.passed === null ? '➖ not measured' : check.passed ? '✅ passed' : '❌ failed'
      lines.push(
        `| ${CHECK_LABELS[check.name] ?? check.name} | ${duration(check.limit_seconds)} | ${age(check.actual_seconds)} | ${verdict} |`,
      )
    }
    lines.push('')
  }

  if (extras.request && !downloading) {
    const { files } = extras.request
    // A summary over 1 MiB is not shown at all: thousands of file ids would take it there.
    const omitted = Math.max(0, (files?.length ?? 0) - MAX_FILE_ROWS)
    const shown =
      omitted > 0 ? { ...extras.request, files: files?.slice(0, MAX_FILE_ROWS) } : extras.request
    const body = escapeHtml(JSON.stringify(shown, null, 2))
    lines.push('### Request', '', 'The request a run without `dry_run` would send:', '')
    lines.push(
      `<pre><code>POST /v1/backups/${inline(backup.id ?? '')}/restore\n${body}</code></pre>`,
      '',
    )
    if (omitted > 0) lines.push(`Its \`files\` holds ${omitted} more file ids, left out here.`, '')
  }

  const run = result.run
  if (run.repository && run.run_id) {
    lines.push(
      `<sub>${inline(run.workflow ?? 'workflow')} · run ${inline(run.run_id)} · ${inline(run.event ?? '')}</sub>`,
      '',
    )
  }
  return lines.join('\n')
}

function restoreTables({ restore, files }: Result): string[] {
  return [
    ...table('Restore', [
      ['id', code(restore.id)],
      ['status', code(restore.status)],
      [
        'compute',
        restore.compute
          ? `${text(restore.compute.type)} ${code(String(restore.compute.server_id ?? ''))}`
          : 'where the backup was made',
      ],
      ['files', `${files.length}${fileList(files.map((file) => file.name))}`],
    ]),
    ...table('Timing', [
      ['created', text(restore.created_at)],
      ['started', text(restore.started_at)],
      ['completed', text(restore.completed_at)],
      ['duration', duration(restore.duration_seconds)],
    ]),
  ]
}

function downloadTables({ download, files }: Result): string[] {
  const done = download?.files ?? []
  const bytes = done.reduce((sum, file) => sum + file.bytes, 0)
  const lines = table('Download', [
    ['folder', code(download?.dir ?? null)],
    ['status', code(download?.status ?? null)],
    ['files', `${done.length} of ${files.length} verified, ${bytes} bytes`],
    ['duration', duration(download?.duration_seconds ?? null)],
  ])
  if (done.length === 0) return lines
  lines.push('### Files', '', '| file | bytes | sha256 | checks |', '| --- | --- | --- | --- |')
  for (const file of done.slice(0, MAX_FILE_ROWS))
    lines.push(
      `| ${code(file.name)} | ${file.bytes} | <code>${file.sha256}</code> | ${checksCell(file.checks)} |`,
    )
  // A summary has a size limit; the result JSON lists every file.
  if (done.length > MAX_FILE_ROWS)
    lines.push(`| and ${done.length - MAX_FILE_ROWS} more: see the result JSON | | | |`)
  return [...lines, '']
}

const PASSED_ICON = { true: '✅', false: '❌', null: '⏭️' } as const

/** A file's content checks; without any, how far it was verified instead. */
function checksCell(checks: NonNullable<Result['download']>['files'][number]['checks']): string {
  if (checks === undefined) return 'integrity only (`verify: integrity`)'
  if (checks.length === 0) return 'integrity only: no content check for its type'
  return checks
    .map((check) => `${PASSED_ICON[`${check.passed}`]} ${inline(`${check.name}: ${check.detail}`)}`)
    .join('<br>')
}

function table(title: string, rows: [string, string][]): string[] {
  return [
    `### ${title}`,
    '',
    '| | |',
    '| --- | --- |',
    ...rows.map(([key, value]) => `| ${key} | ${value} |`),
    '',
  ]
}

function fileList(names: string[]): string {
  if (names.length === 0) return ''
  const shown = names.slice(0, 5).map((name) => code(name.slice(name.lastIndexOf('/') + 1)))
  return `: ${shown.join(', ')}${names.length > 5 ? ` and ${names.length - 5} more` : ''}`
}

function code(value: string | null): string {
  return value === null || value === '' ? '–' : `<code>${inline(value)}</code>`
}

function text(value: string | null): string {
  return value === null || value === '' ? '–' : inline(value)
}

function duration(secondsValue: number | null): string {
  return secondsValue === null ? '–' : formatDuration(secondsValue * 1000)
}

/** A backup's age; a negative one is a completion time ahead of the clock, and says so. */
function age(secondsValue: number | null): string {
  if (secondsValue === null || secondsValue >= 0) return duration(secondsValue)
  return `${formatDuration(-secondsValue * 1000)} ahead of the runner's clock`
}
