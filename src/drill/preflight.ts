// Everything decided before a restore is sent: which backup, which files, whether the backup
// is fresh enough (RPO), and the exact request body.
import { formatDuration } from '../duration.js'
import type { CommonSettings, Compute } from '../inputs/settings.js'
import type { SnapShooterClient } from '../snapshooter/client.js'
import type { Backup, BackupFile, RestoreRequest } from '../snapshooter/types.js'
import { backupAgeMs, limitCheck, type Check } from './checks.js'
import { selectFiles } from './files.js'
import { DrillRefusal } from './refusal.js'
import { checkBackup, findLatestCompleted } from './select.js'

/** What the checks read: a restore's settings give `compute` too, a download's have none. */
export type PreflightSettings = Pick<CommonSettings, 'jobId' | 'files' | 'maxBackupAgeMs'> & {
  readonly compute?: Compute | null
}

export interface Preflight {
  files: BackupFile[]
  request: RestoreRequest
  backupAgeMs: number | null
  checks: Check[]
}

/** `latest`: the newest completed backup of the job; a UUID: that backup. */
export async function resolveBackup(
  settings: Pick<CommonSettings, 'backupId' | 'jobId'>,
  client: Pick<SnapShooterClient, 'getBackup' | 'listJobBackups'>,
  now: number,
): Promise<Backup> {
  const { backupId, jobId } = settings
  if (backupId === 'latest' && jobId !== null) {
    return findLatestCompleted(jobId, (page) => client.listJobBackups(jobId, page), now)
  }
  return client.getBackup(backupId)
}

/** Pure: the checks on a resolved backup at time `now`. Throws DrillRefusal on the first that fails. */
export function preflight(settings: PreflightSettings, backup: Backup, now: number): Preflight {
  checkBackup(backup, settings.jobId)
  const files = selectFiles(backup.id, backup.files, settings.files)
  const ageMs = backupAgeMs(backup.completedAt, now)
  const checks =
    settings.maxBackupAgeMs === null
      ? []
      : [limitCheck('max_backup_age', settings.maxBackupAgeMs, ageMs)]
  const request: RestoreRequest = {}
  if (settings.files.length > 0) request.files = files.map((file) => file.id)
  if (settings.compute)
    request.compute = { type: settings.compute.type, server_id: settings.compute.serverId }
  return { files, request, backupAgeMs: ageMs, checks }
}

/** The one-line reason a check failed, or null when it passed (or could not be measured). */
export function checkFailure(check: Check, subject: string): string | null {
  if (check.passed !== false || check.actualSeconds === null) return null
  if (check.actualSeconds < 0) {
    const ahead = formatDuration(-check.actualSeconds * 1000)
    return `${subject}: the backup's completed_at is ${ahead} ahead of the runner's clock, so its age cannot be measured and \`max_backup_age\` cannot pass: check the runner's clock and the job in SnapShooter. Nothing was restored.`
  }
  let actual = formatDuration(check.actualSeconds * 1000)
  let limit = formatDuration(check.limitSeconds * 1000)
  // 60.4 s against 60 s would read "took 1m, longer than 1m": show the tenths that differ.
  if (actual === limit) [actual, limit] = [`${check.actualSeconds}s`, `${check.limitSeconds}s`]
  return check.name === 'max_backup_age'
    ? `${subject} completed ${actual} ago, older than \`max_backup_age\` (${limit}): the job may have stopped backing up; check it in SnapShooter. Nothing was restored.`
    : `${subject} completed but took ${actual}, longer than \`max_restore_duration\` (${limit}): the recovery time objective was missed.`
}

export function refuseOnFailedChecks(checks: readonly Check[], subject: string): void {
  for (const check of checks) {
    const reason = checkFailure(check, subject)
    if (reason !== null) throw new DrillRefusal(reason)
  }
}
