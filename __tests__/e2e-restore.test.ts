// Every outcome of a restore drill, through dist/index.js against the simulator (the choice of
// the backup and the pre-flight refusals: e2e-preflight.test.ts).
import { beforeAll, describe, expect, it, jest } from '@jest/globals'
import { actionYml } from './helpers/action-yml.js'
import {
  SEED,
  drill,
  expectEveryRunRules,
  expectOneError,
  leaks,
  useDrillLab,
  type DrillRun,
} from './helpers/drill.js'

jest.setTimeout(30_000)

const lab = useDrillLab()
const posts = (): number => lab.sim.count('createRestore', 'POST')
/** Every run of these tests also keeps the rules of every run (see 'every run' below). */
const keep = (run: DrillRun): DrillRun => (expectEveryRunRules(run), run)

describe('a restore drill', () => {
  it('succeeds, and leaves outputs, a summary and a result file', async () => {
    const before = posts()
    const run = keep(
      await drill(lab.sim, {
        files: '*.sql.gz',
        max_backup_age: '26h',
        max_restore_duration: '1m',
      }),
    )
    expect(run.code).toBe(0)
    expect(run.errors).toEqual([])
    expect(posts() - before).toBe(1)
    const restore = lab.sim.restores.at(-1)
    expect(run.outputs).toMatchObject({
      outcome: 'succeeded',
      status: 'completed',
      restore_id: restore?.id,
      backup_id: SEED.backups.latest,
      job_id: SEED.jobs.main,
      file_ids: JSON.stringify([SEED.files.latestDb]),
      file_count: '1',
    })
    expect(run.outputs.started_at).toMatch(/^\d{4}-\d\d-\d\dT/)
    expect(run.outputs.completed_at).toMatch(/^\d{4}-\d\d-\d\dT/)
    expect(Number(run.outputs.duration_seconds)).toBeCloseTo(1, 0)
    expect(Number(run.outputs.backup_age_seconds)).toBeGreaterThan(3500)
    expect(JSON.parse(run.outputs.result ?? '')).toEqual(run.resultFile)
    expect(run.outputs.result_file).toMatch(/evidence\/result\.json$/)
    expect(run.resultFile).toMatchObject({
      version: 1,
      outcome: 'succeeded',
      backup: { id: SEED.backups.latest, job_id: SEED.jobs.main },
      restore: { id: restore?.id, status: 'completed', compute: null },
      files: [
        {
          id: SEED.files.latestDb,
          name: expect.stringMatching(/db\.sql\.gz$/),
          size: expect.any(String),
        },
      ],
      checks: [
        { name: 'max_backup_age', limit_seconds: 93_600, passed: true },
        { name: 'max_restore_duration', limit_seconds: 60, passed: true },
      ],
      error: null,
      run: {
        repository: 'acme/backups',
        run_id: '4242',
        run_attempt: '1',
        event: 'schedule',
        actor: 'octocat',
      },
    })
    expect(run.summary).toContain('## ✅ Restore drill succeeded')
    expect(run.summary).toContain(restore?.id)
    expect(run.stdout).toMatch(/status pending → running|status running/)
  })

  it('notices a short restore within about a second', async () => {
    const run = keep(await drill(lab.sim, { poll_interval: '15s' }))
    expect(run.outputs.outcome).toBe('succeeded')
    // The restore takes 1.2 s; checks at 1 s and 2.5 s, never a 15 s wait.
    expect(run.elapsedMs).toBeLessThan(6000)
  })

  it('sends the compute target and restores every file when `files` is empty', async () => {
    const run = keep(
      await drill(lab.sim, { compute_type: 'ss_agent', server_id: String(SEED.servers.agent) }),
    )
    expect(run.outputs.outcome).toBe('succeeded')
    expect(run.outputs.file_count).toBe('3')
    const post = lab.sim.requests.filter((request) => request.route === 'createRestore').at(-1)
    expect(post?.body).toEqual({ compute: { type: 'ss_agent', server_id: SEED.servers.agent } })
    expect(run.resultFile).toMatchObject({
      restore: { compute: { type: 'ss_agent', server_id: SEED.servers.agent } },
    })
  })

  it('returns at once with `wait: false`', async () => {
    const gets = lab.sim.count('getRestore')
    const run = keep(await drill(lab.sim, { wait: 'false' }))
    expect(run.code).toBe(0)
    expect(run.outputs).toMatchObject({
      outcome: 'not_waited',
      status: 'pending',
      restore_id: lab.sim.restores.at(-1)?.id,
    })
    expect(lab.sim.count('getRestore')).toBe(gets)
    expect(run.summary).toContain('not waited for')
  })

  it('sends nothing on a dry run, and shows the request', async () => {
    const before = posts()
    const run = keep(
      await drill(lab.sim, { dry_run: 'true', files: `${SEED.files.latestRun}\n*.tar.gz` }),
    )
    expect(run.code).toBe(0)
    expect(posts()).toBe(before)
    expect(run.outputs).toMatchObject({ outcome: 'dry_run', restore_id: '', file_count: '2' })
    expect(run.stdout).toContain(
      `Dry run: would send POST /v1/backups/${SEED.backups.latest}/restore`,
    )
    expect(run.summary).toContain('<pre><code>POST /v1/backups/')
    expect(run.summary).toContain(SEED.files.latestRun)
  })

  it('fails when the restore fails at SnapShooter', async () => {
    lab.sim.configure({ restoreFinalStatus: 'failed' })
    const run = keep(await drill(lab.sim))
    expect(run.code).toBe(1)
    expect(run.outputs).toMatchObject({ outcome: 'failed', status: 'failed' })
    expectOneError(run, `Restore ${lab.sim.restores.at(-1)?.id} ended with status "failed"`)
    expect(run.summary).toContain('## ❌ Restore drill failed')
  })

  it('fails the RTO check when the restore took too long', async () => {
    lab.sim.configure({ restoreDurationMs: 2200 })
    const run = keep(await drill(lab.sim, { max_restore_duration: '1s' }))
    expect(run.code).toBe(1)
    expect(run.outputs).toMatchObject({ outcome: 'failed', status: 'completed' })
    expectOneError(run, 'longer than `max_restore_duration` (1s)')
    expect(run.resultFile).toMatchObject({
      checks: [{ name: 'max_restore_duration', limit_seconds: 1, passed: false }],
    })
  })

  it('times out with a failure by default', async () => {
    lab.sim.configure({ restoreDurationMs: 60_000 })
    const run = keep(await drill(lab.sim, { timeout: '2s', poll_interval: '1s' }))
    expect(run.code).toBe(1)
    expect(run.outputs).toMatchObject({ outcome: 'timed_out', status: 'running' })
    expectOneError(run, '`timeout` (2s) ran out', 'goes on at SnapShooter')
    expect(run.elapsedMs).toBeLessThan(6000)
    // The error line says the restore goes on; the summary says it once.
    expect(run.summary).not.toContain('Left behind')
    expect(run.summary.match(/goes on at SnapShooter/g)).toHaveLength(1)
  })

  it('times out with only a warning when `on_timeout: warn`', async () => {
    lab.sim.configure({ restoreDurationMs: 60_000 })
    const run = keep(await drill(lab.sim, { timeout: '2s', on_timeout: 'warn' }))
    expect(run.code).toBe(0)
    expect(run.outputs.outcome).toBe('timed_out')
    expect(run.errors).toEqual([])
    expect(run.warnings.some((warning) => warning.includes('`timeout` (2s) ran out'))).toBe(true)
  })

  it('is cancelled by SIGINT while waiting, keeping its evidence', async () => {
    lab.sim.configure({ restoreDurationMs: 60_000 })
    const run = keep(
      await drill(
        lab.sim,
        { timeout: '1m' },
        { signals: [{ name: 'SIGINT', when: 'status pending' }] },
      ),
    )
    expect(run.code).toBe(1)
    expect(run.exitAfterSignalMs).toBeLessThan(2000)
    expect(run.outputs).toMatchObject({
      outcome: 'cancelled',
      restore_id: lab.sim.restores.at(-1)?.id,
    })
    expectOneError(run, 'cancelled', 'goes on at SnapShooter')
    expect(run.summary).toContain('## 🚫 Restore drill cancelled')
    expect(run.resultFile).toMatchObject({ outcome: 'cancelled' })
  })

  it('is cancelled by SIGTERM while the restore request is in flight', async () => {
    lab.sim.inject({ route: 'createRestore', kind: 'delay', ms: 5000 })
    const run = keep(
      await drill(lab.sim, {}, { signals: [{ name: 'SIGTERM', when: 'POST /v1/backups/' }] }),
    )
    expect(run.code).toBe(1)
    expect(run.exitAfterSignalMs).toBeLessThan(2000)
    expect(run.outputs.outcome).toBe('cancelled')
    expectOneError(run, 'in flight', 'may have started')
  })

  it('explains a status endpoint that is not there', async () => {
    lab.sim.configure({ statusEndpoint: false })
    const run = keep(await drill(lab.sim))
    expect(run.code).toBe(1)
    expect(run.outputs.restore_id).toBe(lab.sim.restores.at(-1)?.id)
    expectOneError(run, 'was created', '`wait: false`')
  })

  it('writes no summary, and still succeeds, where the runner has none', async () => {
    const run = keep(await drill(lab.sim, {}, { noSummary: true }))
    expect(run.code).toBe(0)
    expect(run.summary).toBe('')
  })
})

describe('every run', () => {
  // One run of each outcome, made here rather than borrowed from the tests above, so that these
  // tests stand alone; each test above checks its own run the same way.
  const runs: DrillRun[] = []
  beforeAll(async () => {
    const { sim } = lab
    sim.reset()
    runs.push(await drill(sim, { files: '*.sql.gz', max_backup_age: '26h' }))
    runs.push(await drill(sim, { wait: 'false' }))
    runs.push(await drill(sim, { dry_run: 'true' }))
    runs.push(await drill(sim, { max_backup_age: '30m' }))
    runs.push(await drill(sim, { timeout: 'forever' }))
    sim.configure({ restoreDurationMs: 60_000 })
    runs.push(await drill(sim, { timeout: '2s', poll_interval: '1s' }))
    runs.push(
      await drill(
        sim,
        { timeout: '1m' },
        { signals: [{ name: 'SIGINT', when: 'status pending' }] },
      ),
    )
  })

  it('sets only declared outputs, and always the outcome and the result', () => {
    expect(runs.map((run) => run.outputs.outcome)).toEqual([
      'succeeded',
      'not_waited',
      'dry_run',
      'failed',
      'failed',
      'timed_out',
      'cancelled',
    ])
    const declared = Object.keys(actionYml().outputs)
    for (const run of runs) {
      for (const name of Object.keys(run.outputs)) expect(declared).toContain(name)
      expect(run.outputs.outcome).toBeDefined()
      expect(JSON.parse(run.outputs.result ?? '').outcome).toBe(run.outputs.outcome)
    }
  })

  it('never leaks the token, an encryption key or a signed URL', () => {
    expect(runs).toHaveLength(7)
    for (const run of runs)
      expect({ outcome: run.outputs.outcome, leaks: leaks(run) }).toEqual({
        outcome: run.outputs.outcome,
        leaks: [],
      })
  })
})
