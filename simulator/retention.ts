// A job kept the way SnapShooter's retention keeps one, so that choosing the recovery point has
// something to choose among: a backup every hour for 30 days; older ones only where a tier keeps
// them (dailies to 60 days, weeklies to 16 weeks, monthlies to a year). A backup carries every
// tier that keeps it (the midnight run of a Sunday is hourly, daily and weekly at once). Some of
// each tier failed, the newest monthly among them, so that the newest completed monthly one is
// 41 days old. One manual backup sits between two hourlies.
import { type Account, type SimBackup, directory, encryptionKey, fileBytes } from './account.js'
import { SEED, retentionBackupId, retentionFileId } from './seed.js'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR
/** How long one run takes: it starts on the hour and completes this much later. */
const RUN_MS = 95_000

export const RETENTION = {
  hourlyHours: 30 * 24,
  dailyDays: 60,
  weeklyWeeks: 16,
  /** Monthlies ran this many days before the start, then every 30 days before that. */
  monthlyFirstDay: 11,
  monthlyCount: 12,
  /** Days (before the start) whose midnight run failed, by tier. */
  failedDaily: 45,
  failedWeekly: 12 * 7,
  failedMonthly: 11,
  /** Every hourly run whose hour is a multiple of this failed (none of them at midnight). */
  failedHourlyEvery: 53,
  manualAgoMs: 3 * DAY + 5 * HOUR + 30 * MINUTE,
} as const

type Tags = Record<'manual' | 'hourly' | 'daily' | 'weekly' | 'monthly', boolean>

/** The tiers that keep the run of `hoursAgo` hours before the start. */
export function retentionTags(hoursAgo: number): Tags {
  const day = hoursAgo / 24
  const midnight = hoursAgo % 24 === 0
  const sinceFirstMonthly = day - RETENTION.monthlyFirstDay
  return {
    manual: false,
    hourly: hoursAgo >= 1 && hoursAgo <= RETENTION.hourlyHours,
    daily: midnight && day >= 1 && day <= RETENTION.dailyDays,
    weekly: midnight && day >= 7 && day % 7 === 0 && day <= RETENTION.weeklyWeeks * 7,
    monthly:
      midnight &&
      sinceFirstMonthly >= 0 &&
      sinceFirstMonthly % 30 === 0 &&
      sinceFirstMonthly / 30 < RETENTION.monthlyCount,
  }
}

function failed(hoursAgo: number, tags: Tags): boolean {
  const day = hoursAgo / 24
  return (
    (tags.monthly && day === RETENTION.failedMonthly) ||
    (tags.weekly && day === RETENTION.failedWeekly) ||
    (tags.daily && day === RETENTION.failedDaily) ||
    (tags.hourly && hoursAgo % RETENTION.failedHourlyEvery === 0)
  )
}

/** The oldest run any tier keeps, in hours before the start. */
const OLDEST_HOURS = (RETENTION.monthlyFirstDay + 30 * (RETENTION.monthlyCount - 1)) * 24

export function addRetentionJob(account: Account, start: number): void {
  const jobId = SEED.jobs.retention
  const name = 'retention-mysql'
  account.jobs.set(jobId, { id: jobId, name })
  // One dump shared by every backup: hundreds of them must not slow the simulator's start.
  const bytes = fileBytes(jobId, 'db.sql.gz')

  const add = (id: string, fileId: string, startedAt: number, tags: Tags, ok: boolean): void => {
    const dir = directory(jobId, name, startedAt)
    const backup: SimBackup = {
      id,
      jobId,
      status: ok ? 'completed' : 'failed',
      tags,
      s3Directory: dir,
      createdAt: startedAt - 4_000,
      startedAt,
      completedAt: startedAt + RUN_MS,
      encryptionKey: encryptionKey(id),
      files: ok ? [{ id: fileId, name: `${dir}/db.sql.gz`, bytes }] : [],
    }
    account.backups.set(id, backup)
  }

  for (let hoursAgo = 1; hoursAgo <= OLDEST_HOURS; hoursAgo++) {
    const tags = retentionTags(hoursAgo)
    if (!tags.hourly && !tags.daily && !tags.weekly && !tags.monthly) continue
    const id = retentionBackupId(hoursAgo)
    add(id, retentionFileId(hoursAgo), start - hoursAgo * HOUR, tags, !failed(hoursAgo, tags))
  }
  const manual = { manual: true, hourly: false, daily: false, weekly: false, monthly: false }
  const manualFile = retentionFileId(0)
  add(SEED.backups.retentionManual, manualFile, start - RETENTION.manualAgoMs, manual, true)
}
