// Following a restore made before (`restore_id`), through dist/index.js against the simulator:
// no backup lookup and no POST, only the wait, its deadline counted from the run's start.
import { afterAll, beforeAll, beforeEach, describe, expect, it, jest } from '@jest/globals'
import type { Simulator } from '../simulator/index.js'
import { FAST, SEED, drill, startLab, type DrillRun, type RunOptions } from './helpers/drill.js'

jest.setTimeout(30_000)

const UNKNOWN_RESTORE = '0b7e4c21-9a3d-4f86-b512-7d0c3e9a6f48'

let sim: Simulator
beforeAll(async () => {
  sim = await startLab()
})
afterAll(() => sim.close())
beforeEach(() => {
  sim.configure({ ...FAST, restoreFinalStatus: 'completed', statusEndpoint: true })
  sim.clearFaults()
})

/** A restore started by a run with `wait: false`, as a person would follow it later. */
async function startedRestore(): Promise<string> {
  const run = await drill(sim, { wait: 'false' })
  expect(run.outputs.outcome).toBe('not_waited')
  return run.outputs.restore_id ?? ''
}

const follow = (
  restoreId: string,
  inputs: Record<string, string> = {},
  options: Omit<RunOptions, 'inputs'> = {},
): Promise<DrillRun> =>
  drill(sim, { backup_id: '', job_id: '', restore_id: restoreId, ...inputs }, options)

/** Requests that look up a backup or start a restore. */
const lookups = (): number =>
  sim.count('getBackup') + sim.count('listBackups') + sim.count('createRestore', 'POST')

describe('restore_id', () => {
  it('follows the restore to its end, with the ids and times of its own answer', async () => {
    const restoreId = await startedRestore()
    const before = lookups()
    const run = await follow(restoreId, { max_restore_duration: '1m' })
    expect(run.errors).toEqual([])
    expect(run.code).toBe(0)
    expect(lookups()).toBe(before)
    expect(run.outputs).toMatchObject({
      outcome: 'succeeded',
      status: 'completed',
      restore_id: restoreId,
      backup_id: SEED.backups.latest,
      job_id: SEED.jobs.main,
    })
    expect(run.outputs.started_at).toMatch(/^\d{4}-\d\d-\d\dT/)
    expect(run.outputs.completed_at).toMatch(/^\d{4}-\d\d-\d\dT/)
    expect(Number(run.outputs.duration_seconds)).toBeGreaterThan(0)
    const selection = {
      rule: 'restore_id',
      tag: null,
      window_seconds: null,
      completed_before: null,
      candidates: null,
    }
    expect(JSON.parse(run.outputs.selection ?? '')).toEqual(selection)
    expect(run.resultFile).toMatchObject({
      version: 1,
      outcome: 'succeeded',
      mode: 'watch',
      selection,
      restore: { id: restoreId, status: 'completed' },
      checks: [{ name: 'max_restore_duration', passed: true }],
    })
    expect(run.summary).toContain('the backup of the restore given as <code>restore_id</code>')
  })

  it('says a restore that does not exist does not, naming `restore_id`', async () => {
    const run = await follow(UNKNOWN_RESTORE)
    expect(run.code).toBe(1)
    expect(run.outputs).toMatchObject({ outcome: 'failed', restore_id: UNKNOWN_RESTORE })
    expect(run.errors).toHaveLength(1)
    expect(run.errors[0]).toContain(`Restore ${UNKNOWN_RESTORE} does not exist`)
    expect(run.errors[0]).toContain('`restore_id`')
    expect(run.errors[0]).not.toContain('status endpoint')
  })

  it('times out at `timeout` from the run start', async () => {
    sim.configure({ restoreDurationMs: 60_000 })
    const restoreId = await startedRestore()
    const started = Date.now()
    const run = await follow(restoreId, { timeout: '2s' })
    expect(run.code).toBe(1)
    expect(run.outputs).toMatchObject({ outcome: 'timed_out', restore_id: restoreId })
    expect(run.errors).toHaveLength(1)
    expect(run.errors[0]).toContain('`timeout` (2s) ran out')
    expect(Date.now() - started).toBeLessThan(10_000)
  })

  it('is cancelled by SIGINT while waiting, saying the restore goes on', async () => {
    sim.configure({ restoreDurationMs: 60_000 })
    const restoreId = await startedRestore()
    const run = await follow(
      restoreId,
      { timeout: '1m' },
      { signals: [{ name: 'SIGINT', when: 'status ' }] },
    )
    expect(run.code).toBe(1)
    expect(run.exitAfterSignalMs).toBeLessThan(2000)
    expect(run.outputs).toMatchObject({ outcome: 'cancelled', restore_id: restoreId })
    expect(run.errors).toHaveLength(1)
    expect(run.errors[0]).toContain(`waiting for restore ${restoreId}`)
    expect(run.errors[0]).toContain('goes on at SnapShooter')
    expect(run.resultFile).toMatchObject({ outcome: 'cancelled', mode: 'watch' })
  })

  it('refuses the inputs of a new restore before any request', async () => {
    const requests = sim.requests.length
    const run = await follow(UNKNOWN_RESTORE, {
      backup_id: SEED.backups.latest,
      wait: 'false',
      mode: 'download',
    })
    expect(run.code).toBe(1)
    expect(sim.requests.length).toBe(requests)
    expect(run.errors).toHaveLength(1)
    for (const name of ['backup_id', 'wait', 'mode']) expect(run.errors[0]).toContain(`\`${name}\``)
  })
})
