// The drill history's hook into a run: what the Publisher calls once the evidence is written.
// The writer (./drill.js, with Octokit) is imported only when there is a drill to record, so
// drills without `history_branch` never load it, and never send GitHub a request.
import { errorMessage } from '../failure.js'
import type { HistorySettings } from '../inputs/settings.js'
import type { History } from '../report/publish.js'
import type { Result } from '../report/result.js'
import type { Clock, Sleep } from '../time.js'
import { isRecorded } from './record.js'

export interface DrillHistoryDeps {
  env: NodeJS.ProcessEnv
  /** The run's cancel: the write then gets a few seconds more, never longer. */
  signal: AbortSignal
  clock: Clock
  sleep: Sleep
  requestTimeoutMs?: number
  /** When the run started (epoch ms of `clock`). */
  startedAt: number
}

/** What of a drill's settings the history needs; any command's settings have it. */
export interface HistoryInputs {
  readonly history: HistorySettings | null
  readonly timeoutMs: number
  readonly maxRestoreDurationMs?: number | null
}

/** The drill's history, or none when `history_branch` is empty or the inputs were bad. */
export function drillHistory(
  settings: HistoryInputs | null,
  deps: DrillHistoryDeps,
): History | undefined {
  const history = settings?.history
  if (!settings || !history) return undefined
  const limit = settings.maxRestoreDurationMs ?? null
  return async (result) => {
    // A dry run or a restore not waited for proves nothing about the backup: not recorded.
    if (!isRecorded(result.outcome)) return null
    try {
      const { recordDrill } = await import('./drill.js')
      return await recordDrill(history, result, {
        ...deps,
        runDeadline: runDeadline(deps.startedAt, settings.timeoutMs, result),
        limitSeconds: limit === null ? null : limit / 1000,
      })
    } catch (error) {
      // The writer turns every failure into a warning; this is for anything it did not foresee.
      const warning = `The drill history was not written: ${errorMessage(error)}. The drill's outcome stands.`
      return { url: null, markdown: '', warnings: [warning.replace(/\s+/g, ' ')] }
    }
  }
}

/**
 * The run's deadline: its start plus `timeout` until the restore exists, then the restore's
 * creation plus `timeout` (the later of the two, so the history never gets less than the drill
 * had).
 */
export function runDeadline(startedAt: number, timeoutMs: number, result: Result): number {
  const created = Date.parse(result.restore.created_at ?? '')
  const fromStart = startedAt + timeoutMs
  return Number.isFinite(created) ? Math.max(fromStart, created + timeoutMs) : fromStart
}
