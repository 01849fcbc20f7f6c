import { describe, expect, it } from '@jest/globals'
import {
  backupAgeMs,
  limitCheck,
  parseTime,
  restoreDurationMs,
  seconds,
  type Check,
} from '../src/drill/checks.js'
import {
  checkFailure,
  preflight,
  refuseOnFailedChecks,
  resolveBackup,
} from '../src/drill/preflight.js'
import { DrillRefusal } from '../src/drill/refusal.js'
import type { Settings } from '../src/inputs/settings.js'
import type { Backup, BackupPage } from '../src/snapshooter/types.js'
import {
  BACKUP_ID,
  backup,
  file,
  id,
  JOB_ID,
  OTHER_JOB_ID,
  page,
  pattern,
  restore,
  uuid,
} from './fixtures/values.js'

const COMPLETED_AT = '2023-07-06T21:02:49.000000Z'
const COMPLETED = Date.parse(COMPLETED_AT)
const HOUR = 3_600_000
/** The runner's clock when resolving: a day after the fixtures' backups completed. */
const NOW = COMPLETED + 24 * HOUR
/** How far ahead of the runner's clock a completion may be and still count as now. */
const MAX_CLOCK_SKEW_MS = 5 * 60_000

describe('parseTime', () => {
  it('reads SnapShooter timestamps with microseconds as UTC', () => {
    expect(parseTime('2023-07-06T21:02:49.000000Z')).toBe(Date.UTC(2023, 6, 6, 21, 2, 49))
  })

  it('is null for no time or a text that is not a time', () => {
    expect(parseTime(null)).toBeNull()
    expect(parseTime('')).toBeNull()
    expect(parseTime('yesterday')).toBeNull()
  })
})

describe('backupAgeMs', () => {
  it('is the time since the backup completed', () => {
    expect(backupAgeMs(COMPLETED_AT, COMPLETED + 2 * HOUR)).toBe(2 * HOUR)
  })

  it('is never negative when the backup’s clock is ahead of ours', () => {
    expect(backupAgeMs(COMPLETED_AT, COMPLETED - 5000)).toBe(0)
  })

  it('is null when SnapShooter gave no completion time', () => {
    expect(backupAgeMs(null, COMPLETED)).toBeNull()
    expect(backupAgeMs('not a time', COMPLETED)).toBeNull()
  })

  it('counts a completion up to five minutes ahead as age 0, and one further ahead as negative', () => {
    expect(backupAgeMs(COMPLETED_AT, COMPLETED - MAX_CLOCK_SKEW_MS)).toBe(0)
    expect(backupAgeMs(COMPLETED_AT, COMPLETED - MAX_CLOCK_SKEW_MS - 1)).toBe(
      -MAX_CLOCK_SKEW_MS - 1,
    )
    expect(backupAgeMs(COMPLETED_AT, COMPLETED - 2 * HOUR)).toBe(-2 * HOUR)
  })

  it('reads only ISO 8601 times with a zone', () => {
    expect(backupAgeMs('1', COMPLETED)).toBeNull()
    expect(backupAgeMs('2023-07-06T21:02:49', COMPLETED)).toBeNull()
  })
})

describe('a backup completed ahead of the runner’s clock', () => {
  const ahead = backup({ completedAt: COMPLETED_AT })
  const now = COMPLETED - 2 * HOUR

  it('fails `max_backup_age`, however generous, and says why in one line', () => {
    const result = preflight(settings({ maxBackupAgeMs: 24 * HOUR }), ahead, now)
    expect(result.checks).toEqual([
      { name: 'max_backup_age', limitSeconds: 86_400, actualSeconds: -7200, passed: false },
    ])
    const reason = checkFailure(result.checks[0] as Check, `Backup ${BACKUP_ID}`)
    expect(reason).toBe(
      `Backup ${BACKUP_ID}: the backup's completed_at is 2h ahead of the runner's clock, so its age cannot be measured and \`max_backup_age\` cannot pass: check the runner's clock and the job in SnapShooter. Nothing was restored.`,
    )
    expect(() => refuseOnFailedChecks(result.checks, `Backup ${BACKUP_ID}`)).toThrow(DrillRefusal)
  })

  it('is never a pass of any limit check', () => {
    expect(limitCheck('max_backup_age', 24 * HOUR, -1).passed).toBe(false)
  })
})

describe('restoreDurationMs', () => {
  const started = '2023-07-21T15:36:40.000000Z'
  const done = '2023-07-21T15:38:10.500000Z'

  it('prefers SnapShooter’s own start and completion times over the measured time', () => {
    expect(restoreDurationMs(restore({ startedAt: started, completedAt: done }), 120_000)).toBe(
      90_500,
    )
  })

  it('falls back to the measured time when the start time is missing', () => {
    expect(restoreDurationMs(restore({ startedAt: null, completedAt: done }), 120_000)).toBe(
      120_000,
    )
  })

  it('falls back to the measured time when the completion time is missing', () => {
    expect(restoreDurationMs(restore({ startedAt: started, completedAt: null }), 120_000)).toBe(
      120_000,
    )
  })

  it('falls back to the measured time when SnapShooter says it completed before it started', () => {
    expect(restoreDurationMs(restore({ startedAt: done, completedAt: started }), 120_000)).toBe(
      120_000,
    )
  })

  it('is zero when the restore started and completed at the same instant', () => {
    expect(restoreDurationMs(restore({ startedAt: started, completedAt: started }), 120_000)).toBe(
      0,
    )
  })

  it('uses the measured time when there is no restore, and is null when nothing was measured', () => {
    expect(restoreDurationMs(null, 4_000)).toBe(4_000)
    expect(restoreDurationMs(null, null)).toBeNull()
    expect(restoreDurationMs(restore(), null)).toBeNull()
  })
})

describe('limitCheck', () => {
  it('passes when the actual value is within the limit, the limit included', () => {
    expect(limitCheck('max_backup_age', 2 * HOUR, 2 * HOUR)).toEqual({
      name: 'max_backup_age',
      limitSeconds: 7200,
      actualSeconds: 7200,
      passed: true,
    })
  })

  it('fails when the actual value is over the limit, even by less than the rounding', () => {
    expect(limitCheck('max_restore_duration', 60_000, 60_001)).toEqual({
      name: 'max_restore_duration',
      limitSeconds: 60,
      actualSeconds: 60,
      passed: false,
    })
  })

  it('cannot decide when nothing was measured', () => {
    expect(limitCheck('max_restore_duration', 60_000, null)).toEqual({
      name: 'max_restore_duration',
      limitSeconds: 60,
      actualSeconds: null,
      passed: null,
    })
  })
})

describe('seconds', () => {
  it('rounds milliseconds to a tenth of a second', () => {
    expect(seconds(0)).toBe(0)
    expect(seconds(1234)).toBe(1.2)
    expect(seconds(1250)).toBe(1.3)
    expect(seconds(90_500)).toBe(90.5)
    expect(seconds(49)).toBe(0)
  })
})

describe('resolveBackup', () => {
  /** A plain collaborator with the two calls resolveBackup may make, recording them. */
  function client(pages: BackupPage[], one: Backup = backup()) {
    const calls: string[] = []
    return {
      calls,
      getBackup: async (backupId: string): Promise<Backup> => {
        calls.push(`getBackup ${backupId}`)
        return one
      },
      listJobBackups: async (jobId: string, n: number): Promise<BackupPage> => {
        calls.push(`listJobBackups ${jobId} ${n}`)
        const found = pages[n - 1]
        if (found === undefined) throw new Error(`page ${n} was not expected`)
        return found
      },
    }
  }

  it('fetches the backup named by its UUID', async () => {
    const named = backup({ id: BACKUP_ID })
    const fake = client([], named)
    await expect(resolveBackup({ backupId: BACKUP_ID, jobId: JOB_ID }, fake, NOW)).resolves.toBe(
      named,
    )
    expect(fake.calls).toEqual([`getBackup ${BACKUP_ID}`])
  })

  it('takes the newest completed backup of the job for `latest`, across pages', async () => {
    const newest = backup({ id: uuid(3), completedAt: '2023-07-06T21:02:49.000000Z' })
    const fake = client([
      page([backup({ id: uuid(1), status: 'failed', completedAt: null })], 2),
      page([backup({ id: uuid(2), completedAt: '2023-07-05T21:02:49.000000Z' }), newest]),
    ])
    await expect(resolveBackup({ backupId: 'latest', jobId: JOB_ID }, fake, NOW)).resolves.toBe(
      newest,
    )
    expect(fake.calls).toEqual([`listJobBackups ${JOB_ID} 1`, `listJobBackups ${JOB_ID} 2`])
  })

  it('refuses `latest` when the job has no completed backup', async () => {
    const fake = client([page([backup({ status: 'failed' })])])
    await expect(resolveBackup({ backupId: 'latest', jobId: JOB_ID }, fake, NOW)).rejects.toThrow(
      DrillRefusal,
    )
  })
})

type PreflightSettings = Parameters<typeof preflight>[0]

function settings(overrides: Partial<Settings> = {}): PreflightSettings {
  return { jobId: JOB_ID, files: [], compute: null, maxBackupAgeMs: null, ...overrides }
}

describe('preflight', () => {
  const dump = file('test.sql.gz')
  const config = file('my.cnf')
  const b = backup({ files: [dump, config], completedAt: COMPLETED_AT })
  const now = COMPLETED + 3 * HOUR

  it('restores every file with an empty request body when no `files` are given', () => {
    const result = preflight(settings(), b, now)
    expect(result.files).toEqual([dump, config])
    expect(result.request).toEqual({})
    expect('files' in result.request).toBe(false)
  })

  it('sends the ids of the selected files when `files` is given', () => {
    const result = preflight(settings({ files: [pattern('*.sql.gz')] }), b, now)
    expect(result.files).toEqual([dump])
    expect(result.request).toEqual({ files: [dump.id] })
  })

  it('lists the selected ids in the backup’s order', () => {
    const result = preflight(settings({ files: [pattern('my.cnf'), id(dump.id)] }), b, now)
    expect(result.request.files).toEqual([dump.id, config.id])
  })

  it('moves the restore to the given server as `{type, server_id}`', () => {
    const result = preflight(settings({ compute: { type: 'ss_agent', serverId: 9362 } }), b, now)
    expect(result.request).toEqual({ compute: { type: 'ss_agent', server_id: 9362 } })
  })

  it('sends both the files and the compute when both are given', () => {
    const result = preflight(
      settings({ files: [id(config.id)], compute: { type: 'server', serverId: 12 } }),
      b,
      now,
    )
    expect(result.request).toEqual({
      files: [config.id],
      compute: { type: 'server', server_id: 12 },
    })
  })

  it('reports the backup’s age at the given time', () => {
    expect(preflight(settings(), b, now).backupAgeMs).toBe(3 * HOUR)
  })

  it('runs no RPO check when `max_backup_age` is not set', () => {
    expect(preflight(settings(), b, now).checks).toEqual([])
  })

  it('records a passing RPO check when the backup is young enough', () => {
    const result = preflight(settings({ maxBackupAgeMs: 24 * HOUR }), b, now)
    expect(result.checks).toEqual([
      { name: 'max_backup_age', limitSeconds: 86_400, actualSeconds: 10_800, passed: true },
    ])
  })

  it('records a failing RPO check without refusing, so the evidence can show it', () => {
    const result = preflight(settings({ maxBackupAgeMs: HOUR }), b, now)
    expect(result.checks).toEqual([
      { name: 'max_backup_age', limitSeconds: 3600, actualSeconds: 10_800, passed: false },
    ])
  })

  it('leaves the RPO check undecided when the backup has no completion time', () => {
    const undated = backup({ files: [dump], completedAt: null })
    const result = preflight(settings({ maxBackupAgeMs: HOUR }), undated, now)
    expect(result.backupAgeMs).toBeNull()
    expect(result.checks).toEqual([
      { name: 'max_backup_age', limitSeconds: 3600, actualSeconds: null, passed: null },
    ])
  })

  it('refuses a backup of another job before looking at the files', () => {
    const foreign = backup({ jobId: OTHER_JOB_ID, files: [dump] })
    expect(() => preflight(settings({ files: [pattern('*.nothing')] }), foreign, now)).toThrow(
      /belongs to job/,
    )
  })

  it('refuses a backup that is not completed', () => {
    const running = backup({ status: 'in_progress', completedAt: null })
    expect(() => preflight(settings(), running, now)).toThrow(DrillRefusal)
  })

  it('refuses a `files` entry that matches nothing', () => {
    expect(() => preflight(settings({ files: [pattern('*.tar')] }), b, now)).toThrow(
      `\`files\` entry "*.tar" matches no file of backup ${b.id}`,
    )
  })
})

describe('checkFailure', () => {
  it('shows tenths of a second when the rounded figures would read the same', () => {
    const reason = checkFailure(
      { name: 'max_restore_duration', limitSeconds: 60, actualSeconds: 60.4, passed: false },
      'Restore r',
    )
    expect(reason).toContain('took 60.4s, longer than `max_restore_duration` (60s)')
  })

  const check = (overrides: Partial<Check>): Check => ({
    name: 'max_backup_age',
    limitSeconds: 3600,
    actualSeconds: 10_800,
    passed: false,
    ...overrides,
  })

  it('explains a backup older than `max_backup_age`, and that nothing was restored', () => {
    expect(checkFailure(check({}), `Backup ${BACKUP_ID}`)).toBe(
      `Backup ${BACKUP_ID} completed 3h ago, older than \`max_backup_age\` (1h): ` +
        'the job may have stopped backing up; check it in SnapShooter. Nothing was restored.',
    )
  })

  it('explains a restore slower than `max_restore_duration` as a missed RTO', () => {
    const slow = check({ name: 'max_restore_duration', limitSeconds: 300, actualSeconds: 330 })
    expect(checkFailure(slow, 'Restore ed6ca4f1')).toBe(
      'Restore ed6ca4f1 completed but took 5m30s, longer than `max_restore_duration` (5m): ' +
        'the recovery time objective was missed.',
    )
  })

  it('is null for a check that passed', () => {
    expect(checkFailure(check({ passed: true, actualSeconds: 60 }), 'Backup x')).toBeNull()
  })

  it('is null for a check that could not be measured', () => {
    expect(checkFailure(check({ passed: null, actualSeconds: null }), 'Backup x')).toBeNull()
  })
})

describe('refuseOnFailedChecks', () => {
  const passed: Check = {
    name: 'max_backup_age',
    limitSeconds: 3600,
    actualSeconds: 60,
    passed: true,
  }
  const undecided: Check = {
    name: 'max_backup_age',
    limitSeconds: 3600,
    actualSeconds: null,
    passed: null,
  }
  const tooOld: Check = { ...passed, actualSeconds: 7200, passed: false }

  it('lets the drill go on when every check passed or could not be measured', () => {
    expect(() => refuseOnFailedChecks([], `Backup ${BACKUP_ID}`)).not.toThrow()
    expect(() => refuseOnFailedChecks([passed, undecided], `Backup ${BACKUP_ID}`)).not.toThrow()
  })

  it('refuses the drill with the reason of the failed check', () => {
    let error: unknown
    try {
      refuseOnFailedChecks([passed, tooOld], `Backup ${BACKUP_ID}`)
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(DrillRefusal)
    expect((error as DrillRefusal).message).toBe(checkFailure(tooOld, `Backup ${BACKUP_ID}`))
    expect((error as DrillRefusal).name).toBe('DrillRefusal')
  })
})
