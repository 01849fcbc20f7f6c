// What one write to the history branch changes, from what the branch holds: each target's ledger
// with the run's records appended, its chart, and the dashboard over every target. Pure, so the
// writer (github.ts) only reads, commits and retries, and a retry after a conflict simply plans
// again from the branch as it is then.
import { durationChart } from './chart.js'
import { dashboard, type DashboardTarget } from './dashboard.js'
import { appendRecords, chartPath, ledgerPath, parseLedger, slug } from './ledger.js'
import type { DrillRecord } from './record.js'

export interface TargetWrite {
  target: string
  /** The ledger's path in the branch, `drills/<slug>.jsonl`. */
  ledger: string
  /** The chart's path, `charts/<slug>.svg`. */
  chart: string
  /** Records of this run that were not in the ledger yet. */
  added: number
  /** The target's records after the write, in ledger order. */
  records: DrillRecord[]
}

export interface WritePlan {
  /** Files to write, path to content; empty when every record is there already. */
  files: Map<string, string>
  /** By slug: what the write does to each target of the run. */
  targets: Record<string, TargetWrite>
  message: string
}

export interface PlanOptions {
  historySize: number
  now: number
  /** The run, linked from the dashboard and the commit message. */
  runUrl?: string | null
}

/** `ledgers`: the text of every ledger in the branch, by slug. */
export function planWrite(
  ledgers: ReadonlyMap<string, string>,
  records: readonly DrillRecord[],
  { historySize, now, runUrl = null }: PlanOptions,
): WritePlan {
  const bySlug = new Map<string, DrillRecord[]>()
  for (const record of records) {
    const key = slug(record.history.target)
    bySlug.set(key, [...(bySlug.get(key) ?? []), record])
  }
  const texts = new Map(ledgers)
  const files = new Map<string, string>()
  const targets: Record<string, TargetWrite> = {}
  const fresh: DrillRecord[] = []
  for (const [key, written] of bySlug) {
    const { text, added } = appendRecords(texts.get(key) ?? '', written, historySize)
    const after = parseLedger(text).records
    const target = (written.at(-1) as DrillRecord).history.target
    targets[key] = {
      target,
      ledger: ledgerPath(key),
      chart: chartPath(key),
      added: added.length,
      records: after,
    }
    if (added.length === 0) continue
    fresh.push(...added)
    texts.set(key, text)
    files.set(ledgerPath(key), text)
    files.set(chartPath(key), durationChart(target, after))
  }
  if (files.size > 0) {
    const board: DashboardTarget[] = [...texts].map(([key, text]) => {
      const ledger = parseLedger(text)
      return {
        slug: key,
        target: ledger.records.at(-1)?.history.target ?? key,
        records: ledger.records,
        unreadable: ledger.unreadable,
      }
    })
    files.set('README.md', dashboard(board, { now, historySize, runUrl }))
  }
  return { files, targets, message: commitMessage(fresh, runUrl) }
}

/**
 * `Drill history: prod-db succeeded [skip ci]`, or a count for many. `[skip ci]` keeps a workflow
 * that runs on every push (to any branch) from running on each drill's record.
 */
export function commitMessage(added: readonly DrillRecord[], runUrl: string | null): string {
  const only = added.length === 1 ? added[0] : undefined
  const subject = only
    ? `${oneLine(only.history.target)} ${only.outcome.replace('_', ' ')}`
    : `${added.length} drills (${counts(added)})`
  return `Drill history: ${subject} [skip ci]${runUrl ? `\n\nWritten by ${runUrl}` : ''}\n`
}

function counts(records: readonly DrillRecord[]): string {
  const tally = new Map<string, number>()
  for (const record of records) tally.set(record.outcome, (tally.get(record.outcome) ?? 0) + 1)
  return [...tally].map(([outcome, count]) => `${count} ${outcome.replace('_', ' ')}`).join(', ')
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim().slice(0, 100)
}
