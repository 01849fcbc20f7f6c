import { describe, expect, it } from '@jest/globals'
import { DrillRefusal } from '../src/drill/refusal.js'
import {
  checkBackup,
  findLatestCompleted,
  MAX_PAGES,
  newestCompleted,
} from '../src/drill/select.js'
import type { Backup, BackupPage } from '../src/snapshooter/types.js'
import { servePages } from './fixtures/listed.js'
import { backup, JOB_ID, OTHER_JOB_ID, page, uuid } from './fixtures/values.js'
import { rejected } from './helpers/thrown.js'

// The runner's clock in these tests: long after every completion time of the fixtures.
const NOW = Date.UTC(2023, 7, 1)

const completed = (n: number, completedAt: string | null): Backup =>
  backup({ id: uuid(n), status: 'completed', completedAt })
const failed = (n: number): Backup => backup({ id: uuid(n), status: 'failed', completedAt: null })
const running = (n: number): Backup =>
  backup({ id: uuid(n), status: 'in_progress', completedAt: null })

/** A listing that serves the given pages and records which pages were asked for. */
const listing = (pages: BackupPage[]) => servePages(pages)

const refusal = (promise: Promise<unknown>): Promise<DrillRefusal> =>
  rejected(DrillRefusal, promise)

describe('newestCompleted', () => {
  it('picks the completed backup with the latest completion time, even out of order', () => {
    const older = completed(1, '2023-07-05T21:02:49.000000Z')
    const newest = completed(2, '2023-07-06T21:02:49.000000Z')
    const oldest = completed(3, '2023-07-04T21:02:49.000000Z')
    expect(newestCompleted([older, oldest, newest], NOW)).toBe(newest)
  })

  it('skips backups that are not completed, however recent', () => {
    const done = completed(1, '2023-07-05T21:02:49.000000Z')
    const broken = backup({ id: uuid(2), status: 'failed' })
    expect(newestCompleted([running(3), broken, done], NOW)).toBe(done)
  })

  it('reads the status case-insensitively', () => {
    const done = backup({ id: uuid(1), status: 'Completed' })
    expect(newestCompleted([failed(2), done], NOW)).toBe(done)
  })

  it('prefers a backup with a completion time over one without', () => {
    const undated = completed(1, null)
    const dated = completed(2, '2023-07-06T21:02:49.000000Z')
    expect(newestCompleted([undated, dated], NOW)).toBe(dated)
    expect(newestCompleted([dated, undated], NOW)).toBe(dated)
  })

  it('still picks a completed backup that has no completion time', () => {
    const undated = completed(1, null)
    expect(newestCompleted([failed(2), undated], NOW)).toBe(undated)
  })

  it('never picks a backup completed further ahead of the clock than clocks disagree', () => {
    const real = completed(1, '2023-07-31T22:00:00.000000Z')
    const future = completed(2, '2023-08-01T01:00:00.000000Z')
    const skewed = completed(3, '2023-08-01T00:04:00.000000Z')
    expect(newestCompleted([future, real], NOW)).toBe(real)
    expect(newestCompleted([future], NOW)).toBeNull()
    expect(newestCompleted([real, skewed], NOW)).toBe(skewed)
  })

  it('is null when no backup is completed', () => {
    expect(newestCompleted([failed(1), running(2)], NOW)).toBeNull()
    expect(newestCompleted([], NOW)).toBeNull()
  })
})

describe('findLatestCompleted', () => {
  it('takes the newest completed backup of the first page and asks no further', async () => {
    const newest = completed(2, '2023-07-06T21:02:49.000000Z')
    const { listPage, asked } = listing([
      page([completed(1, '2023-07-05T21:02:49.000000Z'), newest], 2),
      page([completed(3, '2023-07-07T21:02:49.000000Z')]),
    ])
    await expect(findLatestCompleted(JOB_ID, listPage, NOW)).resolves.toBe(newest)
    expect(asked).toEqual([1])
  })

  it('follows the next page until it finds a completed backup', async () => {
    const done = completed(9, '2023-07-01T21:02:49.000000Z')
    const { listPage, asked } = listing([
      page([failed(1), running(2)], 2),
      page([failed(3)], 5),
      page([]),
      page([]),
      page([failed(4), done], null),
    ])
    await expect(findLatestCompleted(JOB_ID, listPage, NOW)).resolves.toBe(done)
    expect(asked).toEqual([1, 2, 5])
  })

  it('refuses when none of the job’s backups completed, counting all it looked at', async () => {
    const { listPage } = listing([page([failed(1), failed(2)], 2), page([running(3)])])
    const error = await refusal(findLatestCompleted(JOB_ID, listPage, NOW))
    expect(error.message).toBe(
      `Job ${JOB_ID} has no completed backup (looked at all 3 of its backups): ` +
        'check the job in SnapShooter, or give a backup id as `backup_id`.',
    )
  })

  it('walks past backups completed in the future, and counts them when none is left', async () => {
    const real = completed(5, '2023-07-31T22:00:00.000000Z')
    const future = completed(4, '2023-08-02T00:00:00.000000Z')
    const found = listing([page([future, failed(1)], 2), page([real])])
    await expect(findLatestCompleted(JOB_ID, found.listPage, NOW)).resolves.toBe(real)
    expect(found.asked).toEqual([1, 2])
    const none = listing([page([future, failed(1)])])
    const error = await refusal(findLatestCompleted(JOB_ID, none.listPage, NOW))
    expect(error.message).toBe(
      `Job ${JOB_ID} has no completed backup (looked at all 2 of its backups; 1 completed backup(s) skipped, their completed_at ahead of the runner's clock): ` +
        'check the job in SnapShooter, or give a backup id as `backup_id`.',
    )
  })

  it('refuses a job that has no backups at all', async () => {
    const { listPage } = listing([page([])])
    const error = await refusal(findLatestCompleted(JOB_ID, listPage, NOW))
    expect(error.message).toContain('(looked at all 0 of its backups)')
  })

  it(`stops after ${MAX_PAGES} pages and says how many backups it looked at`, async () => {
    const pages = Array.from({ length: MAX_PAGES + 5 }, (_, i) =>
      page([failed(2 * i), failed(2 * i + 1)], i + 2),
    )
    const { listPage, asked } = listing(pages)
    const error = await refusal(findLatestCompleted(JOB_ID, listPage, NOW))
    expect(asked).toHaveLength(MAX_PAGES)
    expect(error.message).toContain(`(looked at its newest ${2 * MAX_PAGES} backups)`)
    expect(error.message).toContain(`Job ${JOB_ID} has no completed backup`)
  })

  it(`says it looked at all backups when the last page is page ${MAX_PAGES}`, async () => {
    const pages = Array.from({ length: MAX_PAGES }, (_, i) =>
      page([failed(i)], i + 1 < MAX_PAGES ? i + 2 : null),
    )
    const { listPage, asked } = listing(pages)
    const error = await refusal(findLatestCompleted(JOB_ID, listPage, NOW))
    expect(asked).toHaveLength(MAX_PAGES)
    expect(error.message).toContain(`(looked at all ${MAX_PAGES} of its backups)`)
  })

  it('passes on an error from the listing', async () => {
    const boom = new Error('GET job backups failed')
    await expect(
      findLatestCompleted(
        JOB_ID,
        async () => {
          throw boom
        },
        NOW,
      ),
    ).rejects.toBe(boom)
  })
})

describe('checkBackup', () => {
  it('accepts a completed backup of the job asked for', () => {
    expect(() => checkBackup(backup(), JOB_ID)).not.toThrow()
  })

  it('accepts a completed backup when no job was given', () => {
    expect(() => checkBackup(backup({ jobId: OTHER_JOB_ID }), null)).not.toThrow()
  })

  it('compares the job id case-insensitively', () => {
    expect(() => checkBackup(backup({ jobId: JOB_ID.toUpperCase() }), JOB_ID)).not.toThrow()
  })

  it('accepts a status of `Completed` in any case', () => {
    expect(() => checkBackup(backup({ status: 'COMPLETED' }), JOB_ID)).not.toThrow()
  })

  it('refuses a backup of another job, naming both jobs and both inputs', () => {
    const b = backup({ jobId: OTHER_JOB_ID })
    expect(() => checkBackup(b, JOB_ID)).toThrow(DrillRefusal)
    expect(() => checkBackup(b, JOB_ID)).toThrow(
      `Backup ${b.id} belongs to job ${OTHER_JOB_ID}, not to job ${JOB_ID}: check \`backup_id\` and \`job_id\`.`,
    )
  })

  it('refuses a backup that is not completed, naming its status and what to do', () => {
    const b = backup({ status: 'in_progress', completedAt: null })
    expect(() => checkBackup(b, null)).toThrow(DrillRefusal)
    expect(() => checkBackup(b, null)).toThrow(
      `Backup ${b.id} is in_progress, not completed: only a completed backup can be restored. ` +
        'Pick another `backup_id`, or use `latest`.',
    )
  })

  it('names the wrong job first when a backup is both of another job and not completed', () => {
    const b = backup({ jobId: OTHER_JOB_ID, status: 'failed' })
    expect(() => checkBackup(b, JOB_ID)).toThrow(/belongs to job/)
  })
})
