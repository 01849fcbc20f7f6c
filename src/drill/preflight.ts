// Everything decided before a restore is sent: which backup, which files, whether the backup
// is fresh enough (RPO), and the exact request body.
import { formatDuration, formatElapsed } from '../duration.js'
import type { CommonSettings, Compute } from '../inputs/settings.js'
import type { SnapShooterClient } from '../snapshooter/client.js'
import type { Backup, BackupFile, RestoreRequest } from '../snapshooter/types.js'
import { backupAgeMs, limitCheck, type Check } from './checks.js'
import { selectFiles } from './files.js'
import { DrillRefusal } from './refusal.js'
import { BY_ID, checkBackup, LATEST } from './select.js'
import { type Chosen, walkCandidates } from './walk.js'

/** What the checks read: a restore's settings give `compute` too, a download's have none. */
export type PreflightSettings = Pick<
  CommonSettings,
  'jobId' | 'files' | 'maxBackupAgeMs' | 'written'
> & {
  readonly compute?: Compute | null
}

export interface Preflight {
  files: BackupFile[]
  request: RestoreRequest
  backupAgeMs: number | null
  checks: Check[]
}

/** What resolves a backup: a UUID, or a choice among the job's backups. */
export type TargetSettings = Pick<CommonSettings, 'backupId' | 'jobId'> &
  Partial<Pick<CommonSettings, 'choice'>>

/**
 * `latest` or `random`: the job's listing walked for the candidates of `choice` (a bare
 * `latest` without one: the newest completed backup); a UUID: that backup, asked directly.
 * Throws SelectionRefusal, with the selection evidence, when no candidate fits.
 */
export async function chooseBackup(
  settings: TargetSettings,
  client: Pick<SnapShooterClient, 'getBackup' | 'listJobBackups'>,
  now: number,
  random: () => number = Math.random,
): Promise<Chosen<Backup>> {
  const { backupId, jobId } = settings
  const choice = settings.choice ?? (backupId === 'latest' ? LATEST : null)
  if (choice !== null && jobId !== null) {
    const listPage = (page: number) => client.listJobBackups(jobId, page)
    return walkCandidates(listPage, choice, { jobId, now, random })
  }
  const selection = { ...BY_ID }
  return { backup: await client.getBackup(backupId), selection }
}

/** The backup alone, as chooseBackup finds it. */
export async function resolveBackup(
  settings: TargetSettings,
  client: Pick<SnapShooterClient, 'getBackup' | 'listJobBackups'>,
  now: number,
): Promise<Backup> {
  return (await chooseBackup(settings, client, now)).backup
}

/** Pure: the checks on a resolved backup at time `now`. Throws DrillRefusal on the first that fails. */
export function preflight(settings: PreflightSettings, backup: Backup, now: number): Preflight {
  checkBackup(backup, settings.jobId)
  const files = selectFiles(backup.id, backup.files, settings.files)
  const ageMs = backupAgeMs(backup.completedAt, now)
  const checks =
    settings.maxBackupAgeMs === null
      ? []
      : [
          limitCheck(
            'max_backup_age',
            settings.maxBackupAgeMs,
            ageMs,
            settings.written?.max_backup_age,
          ),
        ]
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
  // The measure as the job summary shows it, the limit as the workflow wrote it.
  let actual = formatElapsed(check.actualSeconds * 1000)
  let limit = check.limit ?? formatDuration(check.limitSeconds * 1000)
  // 60.4 s against 60 s would read "took 1m, longer than 1m": show the tenths that differ.
  if (actual === formatElapsed(check.limitSeconds * 1000))
    [actual, limit] = [`${check.actualSeconds}s`, `${check.limitSeconds}s`]
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
