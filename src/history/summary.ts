// The history's part of a run: the target's recent drills for the job summary, and the early
// warnings, each one line, for `core.warning` and the summary alike.
import { inline, prose } from '../markdown.js'
import { percent, seconds, span, utcMinute } from './format.js'
import type { DrillRecord, RecordedOutcome } from './record.js'
import {
  RTO_WARNING_SHARE,
  rtoWarning,
  sparkline,
  staleness,
  targetStats,
  type TargetStats,
} from './stats.js'

export const OUTCOME_MARK: Record<RecordedOutcome, string> = {
  succeeded: '✅',
  failed: '❌',
  timed_out: '⏱️',
  cancelled: '🚫',
}

/**
 * The warnings the target's history gives, each one line without a line break: restores close
 * to `max_restore_duration` (its limit this run, else the newest drill's), and no recent success.
 */
export function historyWarnings(
  target: string,
  records: readonly DrillRecord[],
  now: number,
  limitSeconds: number | null = null,
): string[] {
  const warnings: string[] = []
  const rto = rtoWarning(records, limitSeconds)
  if (rto) {
    const share = Math.round(RTO_WARNING_SHARE * 100)
    warnings.push(
      `Restore drill ${oneLine(target)}: each of the last ${rto.seconds.length} restores took over ${share} % of \`max_restore_duration\` (${seconds(rto.limitSeconds)}): ${rto.seconds.map(seconds).join(', ')}. Make the restore faster or raise the limit before a drill fails on it.`,
    )
  }
  const stale = staleness(records, now)
  if (stale) {
    const usual = span(stale.usualIntervalMs)
    warnings.push(
      stale.lastSuccessAt === null
        ? `Restore drill ${oneLine(target)}: no drill has succeeded in the ${span(stale.sinceMs)} of its history, where drills usually come ${usual} apart.`
        : `Restore drill ${oneLine(target)}: the last successful drill was ${span(stale.sinceMs)} ago (${utcMinute(stale.lastSuccessAt)}), more than twice the usual ${usual} between drills.`,
    )
  }
  return warnings
}

export interface RecentDrillsOptions {
  now: number
  /** The dashboard's address (`history_url`), linked when given. */
  historyUrl?: string | null
  /** This run's `max_restore_duration` in seconds, for the RTO warning. */
  limitSeconds?: number | null
  /** Drills in the table. */
  rows?: number
}

/**
 * The target's recent drills as Markdown for the job summary: a line of rates, the sparkline of
 * durations, a table of the newest drills (newest first), and the warnings.
 */
export function recentDrills(
  target: string,
  records: readonly DrillRecord[],
  { now, historyUrl = null, limitSeconds = null, rows = 10 }: RecentDrillsOptions,
): string {
  const stats = targetStats(target, records, now)
  const lines = [`### Drill history of ${inline(target)}`, '']
  if (stats.drills === 0) return [...lines, 'No drill recorded yet.', ''].join('\n')
  lines.push(`${rateLine(stats)}${historyUrl ? ` · [dashboard](${historyUrl})` : ''}`, '')
  const durations = stats.recent.map((drill) => drill.seconds)
  lines.push(
    `Durations of the last ${durations.length} drills, oldest first: <code>${sparkline(durations)}</code>`,
    '',
    '| Drill ended | Outcome | Duration |',
    '| --- | --- | --- |',
  )
  for (const drill of stats.recent.slice(-rows).reverse()) {
    lines.push(
      `| ${utcMinute(drill.at)} | ${OUTCOME_MARK[drill.outcome]} ${drill.outcome} | ${
        drill.seconds === null ? '–' : seconds(drill.seconds)
      } |`,
    )
  }
  for (const warning of historyWarnings(target, records, now, limitSeconds))
    lines.push('', `> ⚠️ ${prose(warning)}`)
  return [...lines, ''].join('\n')
}

/** `Success: 100 % (30 of 30) in 30 days · 97 % (88 of 91) in 90 days · ...`. */
export function rateLine(stats: TargetStats): string {
  return `Success: ${stats.rates
    .map(
      (rate) => `${percent(rate.rate)} (${rate.succeeded} of ${rate.drills}) in ${rate.days} days`,
    )
    .join(' · ')}`
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}
