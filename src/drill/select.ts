import type { Backup, BackupPage } from '../snapshooter/types.js'
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
): Promise<Backup> {
  let seen = 0
  let page: number | null = 1
  for (let asked = 0; page !== null && asked < MAX_PAGES; asked++) {
    const result: BackupPage = await listPage(page)
    seen += result.backups.length
    const newest = newestCompleted(result.backups)
    if (newest !== null) return newest
    page = result.nextPage
  }
  const scope = page === null ? `all ${seen} of its backups` : `its newest ${seen} backups`
  throw new DrillRefusal(
    `Job ${jobId} has no completed backup (looked at ${scope}): check the job in SnapShooter, or give a backup id as \`backup_id\`.`,
  )
}

export function newestCompleted(backups: readonly Backup[]): Backup | null {
  let best: Backup | null = null
  for (const backup of backups) {
    if (backup.status.toLowerCase() !== 'completed') continue
    if (best === null || completedTime(backup) > completedTime(best)) best = backup
  }
  return best
}

function completedTime(backup: Backup): number {
  const time = Date.parse(backup.completedAt ?? '')
  return Number.isNaN(time) ? -Infinity : time
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
