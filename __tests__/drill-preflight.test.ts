// The pre-flight of a drill: the backup resolved (by id, or the newest completed of the job),
// checked against the inputs, and the restore request it leads to; and the refusal of a backup
// whose completion is ahead of the runner's clock. The checks themselves: drill-checks.test.ts.
import { describe, expect, it } from '@jest/globals'
import { limitCheck, type Check } from '../src/drill/checks.js'
import {
  checkFailure,
  preflight,
  refuseOnFailedChecks,
  resolveBackup,
} from '../src/drill/preflight.js'
import { DrillRefusal } from '../src/drill/refusal.js'
import type { Settings } from '../src/inputs/settings.js'
import type { Backup, BackupPage } from '../src/snapshooter/types.js'
import { HOUR } from './fixtures/listed.js'
import {
  BACKUP_ID,
  backup,
  file,
  id,
  JOB_ID,
  OTHER_JOB_ID,
  page,
  pattern,
  uuid,
} from './fixtures/values.js'

const COMPLETED_AT = '2023-07-06T21:02:49.000000Z'
const COMPLETED = Date.parse(COMPLETED_AT)
/** The runner's clock when resolving: a day after the fixtures' backups completed. */
const NOW = COMPLETED + 24 * HOUR

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

  it('keeps the RPO limit as the workflow wrote it, and says it so when the check fails', () => {
    const written = { max_backup_age: '2h' }
    const result = preflight(settings({ maxBackupAgeMs: 2 * HOUR, written }), b, now)
    expect(result.checks[0]).toMatchObject({ limit: '2h', passed: false })
    expect(checkFailure(result.checks[0] as Check, 'Backup x')).toContain(
      'completed 3h ago, older than `max_backup_age` (2h)',
    )
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
