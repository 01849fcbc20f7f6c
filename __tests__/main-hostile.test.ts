// Whole runs, in-process on a fake clock, against a simulator whose answers do not add up: a
// backup from the future, an answer about another backup, a restore that failed at once.
import { describe, expect, it } from '@jest/globals'
import { SEED } from '../simulator/index.js'
import { drillInputs } from './fixtures/inputs.js'
import { runInProcess, useLab } from './helpers/in-process.js'

const HOUR = 3_600_000
const lab = useLab({ restoreDurationMs: 5_000 })
const posts = (): number => lab.sim.count('createRestore', 'POST')

describe('a backup whose completed_at is ahead of the runner’s clock', () => {
  it('never wins `latest` over a real backup', async () => {
    const future = lab.sim.addBackup({
      jobId: SEED.jobs.other,
      completedAt: lab.time.clock.now() + 2 * HOUR,
    })
    const run = await runInProcess(
      lab.time,
      drillInputs(lab.sim, { job_id: SEED.jobs.other, dry_run: 'true', max_backup_age: '4h' }),
    )
    expect(run.outputs).toMatchObject({ outcome: 'dry_run', backup_id: SEED.backups.otherJob })
    expect(run.outputs.backup_id).not.toBe(future)
  })

  it('fails `max_backup_age` in one line and restores nothing', async () => {
    const future = lab.sim.addBackup({
      jobId: SEED.jobs.other,
      completedAt: lab.time.clock.now() + 2 * HOUR,
    })
    const before = posts()
    const run = await runInProcess(
      lab.time,
      drillInputs(lab.sim, { backup_id: future, job_id: '', max_backup_age: '1d' }),
    )
    expect(run.exitCode).toBe(1)
    expect(run.outputs.outcome).toBe('failed')
    expect(run.errors).toEqual([
      expect.stringMatching(
        new RegExp(
          `^Backup ${future}: the backup's completed_at is 2h ahead of the runner's clock, so its age cannot be measured`,
        ),
      ),
    ])
    expect(Number(run.outputs.backup_age_seconds)).toBeLessThan(0)
    expect(run.summary).toContain("2h ahead of the runner's clock")
    expect(posts()).toBe(before)
  })
})

describe('an answer about another backup', () => {
  it('GET backup answered with backup B: B is neither restored nor reported', async () => {
    lab.sim.inject({ route: 'getBackup', kind: 'rewrite', patch: { id: SEED.backups.older } })
    const before = posts()
    const run = await runInProcess(
      lab.time,
      drillInputs(lab.sim, { backup_id: SEED.backups.latest, job_id: '' }),
    )
    expect(run.outputs).toMatchObject({ outcome: 'failed', backup_id: '' })
    expect(run.errors).toEqual([
      expect.stringContaining(
        `GET backup ${SEED.backups.latest} failed: the answer was not the expected JSON (\`data.id\` is ${SEED.backups.older}`,
      ),
    ])
    // The error names B, as the reason; the backup's facts name no backup at all.
    expect(run.summary).toContain('### Backup\n\n- **id:** –\n')
    expect(posts()).toBe(before)
  })

  it('a restore answer naming another backup fails once, saying a restore may have started', async () => {
    lab.sim.inject({
      route: 'createRestore',
      kind: 'rewrite',
      patch: { backup_id: SEED.backups.older },
    })
    const before = posts()
    const run = await runInProcess(lab.time, drillInputs(lab.sim))
    expect(run.exitCode).toBe(1)
    expect(run.outputs.outcome).toBe('failed')
    expect(run.errors).toEqual([
      expect.stringContaining('a restore may have started: check SnapShooter before running again'),
    ])
    expect(run.summary).toContain('a restore may have started')
    expect(posts() - before).toBe(1)
  })
})

describe('a restore SnapShooter answers as failed already', () => {
  it('fails with `wait: false`, rather than reporting not_waited', async () => {
    lab.sim.inject({ route: 'createRestore', kind: 'rewrite', patch: { status: 'failed' } })
    const run = await runInProcess(lab.time, drillInputs(lab.sim, { wait: 'false' }))
    expect(run.exitCode).toBe(1)
    expect(run.outputs).toMatchObject({
      outcome: 'failed',
      status: 'failed',
      restore_id: lab.sim.restores.at(-1)?.id,
    })
    expect(run.errors).toEqual([
      `Restore ${lab.sim.restores.at(-1)?.id} ended with status "failed" as soon as it was created: SnapShooter could not restore the backup; see the restore's log in SnapShooter.`,
    ])
  })

  it('fails at once with `wait: true`, without a status check', async () => {
    lab.sim.inject({ route: 'createRestore', kind: 'rewrite', patch: { status: 'Error' } })
    const checks = lab.sim.count('getRestore')
    const run = await runInProcess(lab.time, drillInputs(lab.sim))
    expect(run.outputs).toMatchObject({ outcome: 'failed', status: 'Error' })
    expect(lab.sim.count('getRestore')).toBe(checks)
  })
})
