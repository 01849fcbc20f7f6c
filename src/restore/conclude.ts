// Turns how the wait ended into the run's outcome, its RTO check, and the one-line reason.
import { limitCheck, restoreDurationMs } from '../drill/checks.js'
import { checkFailure } from '../drill/preflight.js'
import { formatDuration } from '../duration.js'
import { Failure, errorMessage } from '../failure.js'
import type { RestoreSettings } from '../inputs/settings.js'
import type { Evidence } from '../report/evidence.js'
import type { WaitEnd } from './wait.js'

export function concludeWait(
  evidence: Evidence,
  end: WaitEnd,
  settings: Pick<RestoreSettings, 'timeoutMs' | 'maxRestoreDurationMs' | 'onTimeout'>,
): void {
  const restore = end.restore ?? evidence.restore
  evidence.restore = restore
  const id = restore?.id ?? 'unknown'
  const status = restore?.status ?? 'unknown'
  const durationMs = end.kind === 'succeeded' ? restoreDurationMs(restore, end.elapsedMs) : null
  if (end.kind === 'succeeded') evidence.measuredDurationMs = end.elapsedMs

  if (settings.maxRestoreDurationMs !== null) {
    evidence.checks.push(
      limitCheck('max_restore_duration', settings.maxRestoreDurationMs, durationMs),
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
      evidence.error = `Restore ${id} ended with status "${status}" after ${formatDuration(end.elapsedMs)}: SnapShooter could not restore the backup; see the restore's log in SnapShooter.`
      return
    case 'timed_out':
      evidence.outcome = 'timed_out'
      evidence.error =
        `Restore ${id} was still ${status} when \`timeout\` (${formatDuration(settings.timeoutMs)}) ran out; it goes on at SnapShooter. ` +
        (settings.onTimeout === 'fail'
          ? 'Raise `timeout`, or set `on_timeout: warn`.'
          : 'Raise `timeout` to wait for it.')
      return
    case 'cancelled':
      evidence.outcome = 'cancelled'
      evidence.error = `The run was cancelled while waiting for restore ${id} (last status ${status}); the restore goes on at SnapShooter.`
      return
    case 'error':
      evidence.outcome = 'failed'
      evidence.error = end.error.message
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
 * outcome the failure names (anything else thrown is a failure).
 */
export function concludeFailure(evidence: Evidence, error: unknown, cancelled: boolean): void {
  if (cancelled) {
    evidence.outcome = 'cancelled'
    evidence.error = cancelledReason(evidence)
    return
  }
  evidence.outcome = error instanceof Failure ? error.outcome : 'failed'
  evidence.error = errorMessage(error)
}
