// The history branch's README.md: one row per target with the answers owners and auditors ask
// for (did every drill pass, is the restore getting slower, how old was the data), then each
// target's chart. Links and images are relative, so the page works on any GitHub host and in
// any fork. Every name that comes from a record is escaped: a ledger is a file anyone with push
// access may edit.
import { inline, prose } from '../markdown.js'
import { percent, seconds, utcMinute } from './format.js'
import { chartPath, ledgerPath } from './ledger.js'
import type { DrillRecord } from './record.js'
import { OUTCOME_MARK, historyWarnings } from './summary.js'
import { targetStats, type Measure, type Rate } from './stats.js'

export interface DashboardTarget {
  slug: string
  /** The target's name, as the newest record of its ledger gives it. */
  target: string
  records: readonly DrillRecord[]
  /** Lines of its ledger that hold no readable record. */
  unreadable?: number
}

export interface DashboardOptions {
  now: number
  /** `history_size`: how many drills each ledger keeps. */
  historySize: number
  /** The run that wrote this version, linked when known. */
  runUrl?: string | null
}

/** The dashboard's first line: what tells a history branch's README.md from a project's own. */
export const DASHBOARD_TITLE = '# Restore drill history'

/** The README.md of the history branch. */
export function dashboard(targets: readonly DashboardTarget[], options: DashboardOptions): string {
  const { now, historySize, runUrl = null } = options
  const sorted = [...targets].sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0))
  const updated = `Updated ${utcMinute(now)}${runUrl ? ` by [this run](${runUrl})` : ''}.`
  const lines = [
    DASHBOARD_TITLE,
    '',
    `${updated} Each drill target keeps its newest ${historySize} drills in \`drills/<target>.jsonl\`, one result JSON per line, oldest first. Success rates count the drills that ended in the last 30, 90 and 365 days. Times are UTC.`,
    '',
  ]
  if (sorted.length === 0) return [...lines, 'No drill recorded yet.', ''].join('\n')
  lines.push(
    '| Target | Last drill | 30 days | 90 days | 365 days | Newest duration vs RTO | Backup age vs RPO | Evidence |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
  )
  for (const entry of sorted) lines.push(row(entry, now))
  for (const entry of sorted) lines.push(...section(entry, now))
  return lines.join('\n')
}

function row(entry: DashboardTarget, now: number): string {
  const stats = targetStats(entry.target, entry.records, now)
  const last = stats.last
    ? `${OUTCOME_MARK[stats.last.outcome]} ${stats.last.outcome.replace('_', ' ')}, ${utcMinute(stats.last.at)}`
    : '–'
  const cells = [
    `**${inline(entry.target)}**`,
    last,
    ...stats.rates.map(rateCell),
    measureCell(stats.duration),
    measureCell(stats.backupAge),
    `[chart](${chartPath(entry.slug)}) · [ledger](${ledgerPath(entry.slug)})`,
  ]
  return `| ${cells.join(' | ')} |`
}

function section(entry: DashboardTarget, now: number): string[] {
  const name = inline(entry.target)
  const lines = ['', `## ${name}`, '', `![Restore duration of ${name}](${chartPath(entry.slug)})`]
  for (const warning of historyWarnings(entry.target, entry.records, now))
    lines.push('', `> ⚠️ ${prose(warning)}`)
  if (entry.unreadable)
    lines.push(
      '',
      `${entry.unreadable} line${entry.unreadable === 1 ? '' : 's'} of [its ledger](${ledgerPath(entry.slug)}) hold no record this version can read; they are kept as they are and not counted.`,
    )
  lines.push('')
  return lines
}

function rateCell(rate: Rate): string {
  return rate.drills === 0 ? '–' : `${percent(rate.rate)} (${rate.succeeded}/${rate.drills})`
}

function measureCell(measure: Measure | null): string {
  if (measure === null) return '–'
  if (measure.limitSeconds === null) return `${seconds(measure.seconds)} (no limit)`
  const verdict = measure.passed ? '✅' : '❌'
  return `${verdict} ${seconds(measure.seconds)} of ${measure.limitText ?? seconds(measure.limitSeconds)}`
}
