// The fleet's drill history: the report writes every leg's record in one commit, so the legs
// leave `history_branch` empty and a matrix of many jobs does not make as many writers race for
// one branch. The writer is the drill's own (writeHistory), with the same rules: bounded in time,
// a refusal is one warning line, and the report's outcome stands whatever happens here.
import { errorMessage } from '../failure.js'
import type { ReportSettings } from '../inputs/report.js'
import type { Clock, Sleep } from '../time.js'
import { realSleep, systemClock } from '../time.js'
// A file's text is untrusted: `text` makes it one short line, as the drill makes its drill_name.
import { isObj, text, type Leg } from './report-entry.js'

type Obj = Readonly<Record<string, unknown>>

/**
 * The target a leg's drill is recorded under, as the drill itself would name it: `drill.name`
 * when given, else `job <job_id>` for `latest` and `random`, `restore <restore_id>` when it
 * followed one, else `backup <backup_id>`. Null when the leg's inputs were bad (its result has
 * no `selection`): the drill records none of those either.
 */
export function legTarget(result: Obj): string | null {
  const { drill, selection, backup, restore } = result
  if (!isObj(selection)) return null
  const name = isObj(drill) ? text(drill.name) : null
  if (name !== null) return name
  const rule = selection.rule
  const jobId = isObj(backup) ? text(backup.job_id) : null
  const backupId = isObj(backup) ? text(backup.id) : null
  const restoreId = isObj(restore) ? text(restore.id) : null
  if ((rule === 'latest' || rule === 'random') && jobId !== null) return `job ${jobId}`
  if (rule === 'restore_id' && restoreId !== null) return `restore ${restoreId}`
  return backupId === null ? null : `backup ${backupId}`
}

/**
 * When the leg's drill ended, as near as its result tells: the restore's or the download's end,
 * else `fallback` (now: the report runs after its legs).
 */
export function legEndedAt(result: Obj, fallback: number): number {
  const { restore, download } = result
  const time = (value: unknown): number => (typeof value === 'string' ? Date.parse(value) : NaN)
  const completed = isObj(restore) ? time(restore.completed_at) : NaN
  if (Number.isFinite(completed)) return completed
  if (isObj(download)) {
    const started = time(download.started_at)
    const took = download.duration_seconds
    if (Number.isFinite(started) && typeof took === 'number' && Number.isFinite(took))
      return started + took * 1000
  }
  return fallback
}

export interface FleetHistoryDeps {
  env: NodeJS.ProcessEnv
  /** The report's cancel: the write then gets a few seconds more, never longer. */
  signal: AbortSignal
  clock?: Clock
  sleep?: Sleep
}

export interface FleetHistory {
  /** `history_url`: null when nothing was written. */
  url: string | null
  /** Records written (or already there), and the one warning line of a write that failed. */
  recorded: number
  warning: string | null
}

/** Writes the legs' records in one commit; null when no leg's drill is one to record. */
export async function recordFleet(
  history: NonNullable<ReportSettings['history']>,
  legs: readonly Leg[],
  deps: FleetHistoryDeps,
): Promise<FleetHistory | null> {
  const { clock = systemClock, sleep = realSleep } = deps
  try {
    const { makeRecord } = await import('../history/record.js')
    const now = clock.now()
    const records = legs.flatMap((leg) => {
      const target = legTarget(leg.result)
      const record =
        target === null
          ? null
          : makeRecord(leg.result as { outcome: string }, target, legEndedAt(leg.result, now))
      return record === null ? [] : [record]
    })
    if (records.length === 0) return null
    const { writeRecords } = await import('../history/drill.js')
    // The report has no deadline of its own: the history's own time limit bounds it.
    const options = { env: deps.env, signal: deps.signal, clock, sleep, runDeadline: null }
    const written = await writeRecords(history, records, now, options)
    if ('warning' in written)
      return { url: null, recorded: 0, warning: fleetWording(written.warning) }
    return { url: written.url, recorded: records.length, warning: null }
  } catch (error) {
    // The writer turns every failure into a warning; this is for anything it did not foresee.
    const line = `The fleet's drill history was not written: ${errorMessage(error)}. The report's outcome stands.`
    return { url: null, recorded: 0, warning: line.replace(/\s+/g, ' ') }
  }
}

/** The writer speaks of one drill; here its outcome is the report's. */
function fleetWording(warning: string): string {
  return warning.replace("The drill's outcome stands.", "The report's outcome stands.")
}
