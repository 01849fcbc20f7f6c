import type { Settings } from '../inputs/settings.js'
import type { Backup, BackupPage } from '../snapshooter/types.js'
import { type Criteria, type Selection, classify, pick, selectionOf } from './choose.js'
import { DrillRefusal } from './refusal.js'
import { walkCandidates } from './walk.js'

export { MAX_PAGES } from './walk.js'

/** `latest` without filters: the newest completed backup, whatever its tags and age. */
export const LATEST: Criteria = { rule: 'latest', tag: null, windowMs: null, completedBefore: null }

/** The selection of a backup given by its id: no walk chose it. */
export const BY_ID: Selection = Object.freeze({
  rule: 'id',
  tag: null,
  window_seconds: null,
  completed_before: null,
  candidates: null,
})

/**
 * What the settings ask for, before any answer: the candidates stay null until a walk counts
 * them, so that a listing that fails says nothing it does not know.
 */
export function askedSelection(settings: Settings): Selection {
  if (settings.command === 'watch') return { ...BY_ID, rule: 'restore_id' }
  const choice = settings.choice ?? (settings.backupId === 'latest' ? LATEST : null)
  return choice === null ? { ...BY_ID } : { ...selectionOf(choice, 0), candidates: null }
}

/**
 * The newest completed backup of a job. The listing is asked newest first, but its order is
 * not trusted within a page, and no server-side status filter is relied on (see walk.ts).
 */
export async function findLatestCompleted(
  jobId: string,
  listPage: (page: number) => Promise<BackupPage>,
  now: number,
): Promise<Backup> {
  const chosen = await walkCandidates(listPage, LATEST, { jobId, now, random: Math.random })
  return chosen.backup
}

/**
 * The completed backup with the latest completion time. One completed further ahead of `now`
 * than clocks disagree is no candidate: its time says nothing, and letting it win would hide
 * every real backup behind it.
 */
export function newestCompleted(backups: readonly Backup[], now: number): Backup | null {
  const candidates = backups.filter((backup) => classify(backup, LATEST, now) === 'candidate')
  return pick('latest', candidates, Math.random)
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
