// `files` patterns against a file name longer than S3 allows, through dist/index.js against the
// simulator: the run answers in well under its timeout, as a runner's timeout and cancel need.
import { describe, expect, it, jest } from '@jest/globals'
import { SEED, drill, useDrillLab, type DrillRun } from './helpers/drill.js'

jest.setTimeout(30_000)

const lab = useDrillLab()

// A backtracking matcher spends minutes on the 1,500-character name, deaf to `timeout` and to
// SIGINT; the runner would have to kill it. Kill it sooner here, and measure.
const onLongName = (files: string): Promise<DrillRun> =>
  drill(
    lab.sim,
    { backup_id: SEED.backups.dashedName, job_id: '', files, dry_run: 'true', timeout: '10s' },
    { killAfterMs: 15_000 },
  )

describe('a pattern beside a 1,500-character file name', () => {
  it('picks the file it names, at once', async () => {
    const run = await onLongName('*-*-*-*.sql.gz')
    expect(run.errors).toEqual([])
    expect(run.code).toBe(0)
    expect(run.outputs.outcome).toBe('dry_run')
    expect(JSON.parse(run.outputs.file_ids ?? '')).toEqual([SEED.files.dashedDb])
    expect(run.elapsedMs).toBeLessThan(10_000)
  })

  it('refuses a pattern that names none, in one line that cuts the long name short', async () => {
    const run = await onLongName('*-*-*-*.tar')
    expect(run.code).toBe(1)
    expect(run.errors).toHaveLength(1)
    expect(run.errors[0]).toContain(
      `\`files\` entry "*-*-*-*.tar" matches no file of backup ${SEED.backups.dashedName}; ` +
        `its files are: db-2023-07-06.sql.gz, ${'-'.repeat(80)}….`,
    )
    expect(run.errors[0]?.length).toBeLessThan(300)
    expect(run.outputs.outcome).toBe('failed')
    expect(lab.sim.count('createRestore', 'POST')).toBe(0)
    expect(run.elapsedMs).toBeLessThan(10_000)
  })
})
