// Before any restore, through dist/index.js against the simulator: the backup chosen (past the
// first page, or by id), and each pre-flight refusal, which sends no restore and explains itself.
import { describe, expect, it, jest } from '@jest/globals'
import {
  SEED,
  drill,
  expectEveryRunRules,
  expectOneError,
  useDrillLab,
  type DrillRun,
} from './helpers/drill.js'

jest.setTimeout(30_000)

const lab = useDrillLab()
const posts = (): number => lab.sim.count('createRestore', 'POST')
/** Every run of these tests also keeps the rules of every run (see e2e-restore.test.ts). */
const keep = (run: DrillRun): DrillRun => (expectEveryRunRules(run), run)

describe('choosing the backup', () => {
  it('finds the newest completed backup past the first page', async () => {
    const lists = lab.sim.count('listBackups')
    const run = keep(await drill(lab.sim, { job_id: SEED.jobs.paged, dry_run: 'true' }))
    expect(run.outputs).toMatchObject({ outcome: 'dry_run', backup_id: SEED.backups.pagedLatest })
    expect(lab.sim.count('listBackups') - lists).toBe(2)
  })

  it('restores a backup given by id', async () => {
    const run = keep(
      await drill(lab.sim, { backup_id: SEED.backups.older, job_id: '', dry_run: 'true' }),
    )
    expect(run.outputs).toMatchObject({
      outcome: 'dry_run',
      backup_id: SEED.backups.older,
      file_count: '2',
    })
  })
})

describe('a pre-flight refusal sends no restore', () => {
  it.each<[string, Record<string, string>, string[]]>([
    [
      'a backup that is not completed',
      { backup_id: SEED.backups.failed, job_id: '' },
      ['is failed, not completed'],
    ],
    [
      'a backup of another job',
      { backup_id: SEED.backups.otherJob },
      ['belongs to job', SEED.jobs.other],
    ],
    [
      'a job with no completed backup',
      { job_id: SEED.jobs.empty },
      [`Job ${SEED.jobs.empty} has no completed backup`],
    ],
    [
      'a `files` entry that matches nothing',
      { files: '*.sql.gz, *.zip' },
      ['"*.zip" matches no file', 'db.sql.gz'],
    ],
    [
      'a file id of another backup',
      { files: SEED.files.olderDb },
      [SEED.files.olderDb, 'matches no file'],
    ],
    [
      'a backup older than `max_backup_age`',
      { max_backup_age: '30m' },
      ['older than `max_backup_age` (30m)'],
    ],
    [
      'an unknown backup',
      { backup_id: SEED.unknownId, job_id: '' },
      [SEED.unknownId, 'not found', 'backup_id'],
    ],
    ['an unknown job', { job_id: SEED.unknownId }, [SEED.unknownId, 'not found', 'job_id']],
    ['a rejected token', { api_token: 'not-a-real-token' }, ['api_token']],
  ])('%s', async (_, inputs, parts) => {
    const before = posts()
    const run = keep(await drill(lab.sim, inputs))
    expect(run.code).toBe(1)
    expect(run.outputs.outcome).toBe('failed')
    expectOneError(run, ...parts)
    expect(posts()).toBe(before)
    expect(run.summary).toContain('## ❌ Restore drill failed')
    expect(run.resultFile).toMatchObject({ outcome: 'failed', error: { message: run.errors[0] } })
  })

  it('records the failed RPO check as evidence', async () => {
    const run = keep(await drill(lab.sim, { max_backup_age: '30m' }))
    expect(run.resultFile).toMatchObject({
      checks: [{ name: 'max_backup_age', limit_seconds: 1800, passed: false }],
    })
    expect(run.summary).toContain('❌ failed')
  })
})
