// One drill's record written to the history branch, and what the run shows of it: the target's
// recent drills in the job summary, `history_url`, and the warnings of its history. Whatever
// happens here the drill's outcome stands: a failure is one warning line.
import { prose } from '../markdown.js'
import type { HistorySettings } from '../inputs/settings.js'
import type { HistoryNote } from '../report/publish.js'
import type { Result } from '../report/result.js'
import type { Clock, Sleep } from '../time.js'
import {
  HISTORY_GRACE_MS,
  historyDeadline,
  writeHistory,
  type HistoryWriteResult,
} from './github.js'
import { slug } from './ledger.js'
import { makeRecord, type DrillRecord } from './record.js'
import { historyWarnings, recentDrills } from './summary.js'

export interface RecordDrillOptions {
  env: NodeJS.ProcessEnv
  signal: AbortSignal
  clock: Clock
  sleep: Sleep
  requestTimeoutMs?: number
  /** The run's deadline (epoch ms of `clock`). */
  runDeadline: number | null
  /** `max_restore_duration` in seconds, for the warning of restores close to it. */
  limitSeconds: number | null
}

export async function recordDrill(
  settings: HistorySettings,
  result: Result,
  options: RecordDrillOptions,
): Promise<HistoryNote | null> {
  const { clock, limitSeconds } = options
  const { target } = settings
  const now = clock.now()
  const record = makeRecord(result, target, now)
  if (record === null) return null
  const written = await writeRecords(settings, [record], now, options)
  if ('warning' in written)
    return {
      url: null,
      markdown: `\n> ⚠️ ${prose(written.warning)}\n`,
      warnings: [written.warning],
    }
  const drills = written.records[slug(target)]?.records ?? [record]
  const shown = { now: clock.now(), historyUrl: written.url, limitSeconds }
  return {
    url: written.url,
    markdown: `\n${recentDrills(target, drills, shown)}`,
    warnings: historyWarnings(target, drills, shown.now, limitSeconds),
  }
}

/** What writing the records needs besides them: a drill's and a fleet report's alike. */
export type WriteRecordsOptions = Pick<
  RecordDrillOptions,
  'env' | 'signal' | 'clock' | 'sleep' | 'requestTimeoutMs' | 'runDeadline'
>

/**
 * The records in one commit of the history branch, bounded by the run's deadline (or the
 * history's own limit without one) and by a few seconds after a cancel.
 */
export async function writeRecords(
  settings: Pick<HistorySettings, 'githubToken' | 'branch' | 'size'>,
  records: DrillRecord[],
  now: number,
  options: WriteRecordsOptions,
): Promise<HistoryWriteResult> {
  const cancel = graceAfterCancel(options.signal, HISTORY_GRACE_MS)
  try {
    return await writeHistory({
      token: settings.githubToken,
      branch: settings.branch,
      historySize: settings.size,
      records,
      env: options.env,
      deadline: historyDeadline(now, options.runDeadline),
      signal: cancel.signal,
      clock: options.clock,
      sleep: options.sleep,
      requestTimeoutMs: options.requestTimeoutMs,
    })
  } finally {
    cancel.done()
  }
}

/**
 * A signal that aborts `graceMs` after the run's cancel. A cancelled drill is a drill to record
 * too, so the cancel does not end the write at once; it only bounds it to a few seconds more, as
 * the runner allows between its cancel and its kill.
 */
export function graceAfterCancel(
  signal: AbortSignal,
  graceMs: number,
): { signal: AbortSignal; done(): void } {
  const controller = new AbortController()
  let timer: NodeJS.Timeout | undefined
  const start = (): void => {
    timer = setTimeout(() => controller.abort(), graceMs)
  }
  if (signal.aborted) start()
  else signal.addEventListener('abort', start, { once: true })
  return {
    signal: controller.signal,
    done: () => {
      clearTimeout(timer)
      signal.removeEventListener('abort', start)
    },
  }
}
