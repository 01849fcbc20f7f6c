import type { Backup, BackupPage } from '../snapshooter/types.js'
import { aheadOfClockMs, parseTime } from './checks.js'
import { DrillRefusal } from './refusal.js'

// A job with thousands of failed backups in a row is a finding in itself; stop looking there.
export const MAX_PAGES = 20

/**
 * The newest completed backup of a job. The listing is asked newest first, but its order is
 * not trusted within a page, and no server-side status filter is relied on.
 */
export async function findLatestCompleted(
  jobId: string,
  listPage: (page: number) => Promise<BackupPage>,
  now: number,
): Promise<Backup> {
  let seen = 0
  let ahead = 0
  let page: number | null = 1
  for (let asked = 0; page !== null && asked < MAX_PAGES; asked++) {
    const result: BackupPage = await listPage(page)
    seen += result.backups.length
    ahead += result.backups.filter((b) => isCompleted(b) && isAhead(b, now)).length
    const newest = newestCompleted(result.backups, now)
    if (newest !== null) return newest
    page = result.nextPage
  }
  const scope = page === null ? `all ${seen} of its backups` : `its newest ${seen} backups`
  const skipped =
    ahead === 0
      ? ''
      : `; ${ahead} completed backup(s) skipped, their completed_at ahead of the runner's clock`
  throw new DrillRefusal(
    `Job ${jobId} has no completed backup (looked at ${scope}${skipped}): check the job in SnapShooter, or give a backup id as \`backup_id\`.`,
  )
}

/**
 * The completed backup with the latest completion time. One completed further ahead of `now`
 * than clocks disagree is no candidate: its time says nothing, and letting it win would hide
 * every real backup behind it.
 */
export function newestCompleted(backups: readonly Backup[], now: number): Backup | null {
  let best: Backup | null = null
  for (const backup of backups) {
    if (!isCompleted(backup) || isAhead(backup, now)) continue
    if (best === null || completedTime(backup) > completedTime(best)) best = backup
  }
  return best
}

function isCompleted(backup: Backup): boolean {
  return backup.status.toLowerCase() === 'completed'
}

function isAhead(backup: Backup, now: number): boolean {
  return aheadOfClockMs(backup.completedAt, now) > 0
}

function completedTime(backup: Backup): number {
  return parseTime(backup.completedAt) ?? -Infinity
}

/** The pre-flight checks on the backup itself: it is completed and belongs to the job asked for. */
export function checkBackup(backup: Backup, jobId: string | null): void {
  if (jobId !== null && backup.jobId.toLowerCase() !== jobId) {
    throw new DrillRefusal(
      `Backup ${backup.id} belongs to job ${backup.jobId}, not to job ${jobId}: check \`backup_id\` and \`job_id\`.`,
    )
  }
  if (backup.status.toLowerCase() !== 'completed') {
    throw new DrillRefusal(
      `Backup ${backup.id} is ${backup.status}, not completed: only a completed backup can be restored. Pick another \`backup_id\`, or use \`latest\`.`,
    )
  }
}
