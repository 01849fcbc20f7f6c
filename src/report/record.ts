// The run record: the one module that writes the evidence (docs/architecture.md, The run
// record). Commands tell it what they learn, through their Progress, and return how they ended;
// it turns both into the evidence that outputs, summary, result and verdict are all made from,
// and concludes the outcome, the checks and the one-line error.
import type { DownloadedFile } from '../download/file.js'
import type { DownloadEnd, DownloadProgress } from '../download/run.js'
import { limitCheck, restoreDurationMs } from '../drill/checks.js'
import type { Selection } from '../drill/choose.js'
import { checkFailure, type Preflight } from '../drill/preflight.js'
import { askedSelection } from '../drill/select.js'
import { SelectionRefusal } from '../drill/walk.js'
import { formatDuration, formatElapsed } from '../duration.js'
import { Failure, errorMessage, oneLine } from '../failure.js'
import type {
  DownloadSettings,
  RestoreSettings,
  Settings,
  WatchSettings,
} from '../inputs/settings.js'
import type { RestoreEnd, RestoreProgress } from '../restore/run.js'
import type { WaitEnd } from '../restore/wait.js'
import type { WatchEnd } from '../watch/run.js'
import type { Backup, Restore } from '../snapshooter/types.js'
import { newEvidence, type Evidence } from './evidence.js'

/** How a command ended, with the settings it ran with. */
export type CommandEnd =
  | { command: 'restore'; settings: RestoreSettings; end: RestoreEnd }
  | { command: 'download'; settings: DownloadSettings; end: DownloadEnd }
  | { command: 'watch'; settings: WatchSettings; end: WatchEnd }

/** Sets the outputs known so far; throws when they cannot be written (see Publisher). */
export interface Announcer {
  announce(evidence: Evidence): void
}

/**
 * The evidence of one run, as it is learned. Each event that can change an early output
 * announces it at once, so that a later step or a person has the ids even if the runner kills
 * this one; the verified files are not early outputs, and announcing per file would rebuild the
 * result once per file.
 */
export class RunRecord implements RestoreProgress, DownloadProgress {
  readonly evidence: Evidence = newEvidence()
  readonly #outputs: Announcer

  constructor(outputs: Announcer) {
    this.#outputs = outputs
  }

  /** The drill's label, known before any other input is checked. */
  named(drillName: string | null): void {
    this.evidence.drillName = drillName
  }

  settingsRead(settings: Settings): void {
    this.evidence.settings = settings
    this.evidence.selection = askedSelection(settings)
  }

  backupResolved(backup: Backup, selection: Selection): void {
    this.evidence.backup = backup
    this.evidence.selection = selection
    this.#announce()
  }

  checked({ files, request, backupAgeMs, checks }: Preflight): void {
    Object.assign(this.evidence, { files, request, backupAgeMs, checks })
    this.#announce()
  }

  restoreRequested(): void {
    this.evidence.requestInFlight = true
  }

  restoreRequestFailed({ mayHaveStarted }: { mayHaveStarted: boolean }): void {
    this.evidence.requestInFlight = mayHaveStarted
  }

  restoreCreated(restore: Restore): void {
    this.evidence.restore = restore
    this.evidence.requestInFlight = false
    this.#announce()
  }

  downloadPlanned(dir: string): void {
    this.evidence.download = { dir, status: null, startedAt: null, durationMs: null, files: [] }
    this.#announce()
  }

  downloadStarted(at: number): void {
    if (this.evidence.download) this.evidence.download.startedAt = new Date(at).toISOString()
  }

  filesVerified(files: readonly DownloadedFile[]): void {
    if (this.evidence.download) this.evidence.download.files = [...files]
  }

  downloadEnded(end: { status: 'downloaded' | 'failed'; durationMs: number }): void {
    if (this.evidence.download) Object.assign(this.evidence.download, end)
  }

  /** The outcome of a command that returned. */
  ended(ended: CommandEnd): void {
    const { end } = ended
    if (end.kind === 'dry_run') this.evidence.outcome = 'dry_run'
    else if (end.kind === 'downloaded') this.evidence.outcome = 'succeeded'
    else if (end.kind === 'not_waited') this.evidence.outcome = 'not_waited'
    else if (ended.command !== 'download') concludeWait(this.evidence, end.wait, ended.settings)
  }

  /** The outcome of a run that stopped on an error. */
  failed(error: unknown, { cancelled }: { cancelled: boolean }): void {
    // A choice that failed still tells what was asked and what the walk saw.
    if (error instanceof SelectionRefusal) this.evidence.selection = error.selection
    concludeFailure(this.evidence, error, { cancelled })
  }

  #announce(): void {
    this.#outputs.announce(this.evidence)
  }
}

/** How the wait ended, as the run's outcome, its RTO check, and the one-line reason. */
export function concludeWait(
  evidence: Evidence,
  end: WaitEnd,
  settings: Pick<RestoreSettings, 'timeoutMs' | 'maxRestoreDurationMs' | 'onTimeout' | 'written'>,
): void {
  const restore = end.restore ?? evidence.restore
  evidence.restore = restore
  const id = restore?.id ?? 'unknown'
  const status = restore?.status ?? 'unknown'
  const ended = end.kind === 'succeeded' || end.kind === 'failed'
  // One duration for the summary, the result and the error line: SnapShooter's own times when
  // it gave both, else what the wait measured. Only a restore that succeeded is held to the RTO.
  if (ended) evidence.measuredDurationMs = end.elapsedMs
  const tookMs = ended ? restoreDurationMs(restore, end.elapsedMs) : null
  const durationMs = end.kind === 'succeeded' ? tookMs : null

  if (settings.maxRestoreDurationMs !== null) {
    evidence.checks.push(
      limitCheck(
        'max_restore_duration',
        settings.maxRestoreDurationMs,
        durationMs,
        settings.written?.max_restore_duration,
      ),
    )
  }

  switch (end.kind) {
    case 'succeeded': {
      const failures = evidence.checks.map((check) => checkFailure(check, `Restore ${id}`))
      const failure = failures.find((reason) => reason !== null) ?? null
      evidence.outcome = failure === null ? 'succeeded' : 'failed'
      evidence.error = failure
      return
    }
    case 'failed':
      evidence.outcome = 'failed'
      evidence.error = `Restore ${id} ended with status "${status}" after ${formatElapsed(tookMs ?? end.elapsedMs)}: SnapShooter could not restore the backup; see the restore's log in SnapShooter.`
      return
    case 'timed_out':
      evidence.outcome = 'timed_out'
      evidence.error =
        `Restore ${id} was still ${status} when \`timeout\` (${settings.written?.timeout ?? formatDuration(settings.timeoutMs)}) ran out; it goes on at SnapShooter. ` +
        (settings.onTimeout === 'fail'
          ? 'Raise `timeout`, or set `on_timeout: warn`.'
          : 'Raise `timeout` to wait for it.')
      return
    case 'cancelled':
      evidence.outcome = 'cancelled'
      evidence.error = `The run was cancelled while waiting for restore ${id} (last status ${status}); the restore goes on at SnapShooter.`
      return
    case 'error':
      evidence.outcome = end.error instanceof Failure ? end.error.outcome : 'failed'
      evidence.error = oneLine(end.error.message)
      return
  }
}

/** The reason for a run cancelled outside the wait, naming what it may have left behind. */
export function cancelledReason(evidence: Evidence): string {
  const { download, backup } = evidence
  if (download !== null) {
    return `The run was cancelled while downloading backup ${backup?.id ?? ''}: ${download.files.length} file(s) verified in ${download.dir}, and no partial file was left.`
  }
  if (evidence.restore !== null) {
    return `The run was cancelled; restore ${evidence.restore.id} goes on at SnapShooter.`
  }
  if (evidence.requestInFlight) {
    return 'The run was cancelled while the restore request was in flight: a restore may have started. Check SnapShooter before running again.'
  }
  return 'The run was cancelled before a restore was requested: nothing was restored.'
}

/**
 * A run that stopped on an error: cancelled when the signal came, whatever the error; else the
 * outcome the failure names (anything else thrown is a failure), with its message on one line.
 */
export function concludeFailure(
  evidence: Evidence,
  error: unknown,
  { cancelled }: { cancelled: boolean },
): void {
  if (cancelled) {
    evidence.outcome = 'cancelled'
    evidence.error = cancelledReason(evidence)
    return
  }
  evidence.outcome = error instanceof Failure ? error.outcome : 'failed'
  evidence.error = oneLine(errorMessage(error))
}
