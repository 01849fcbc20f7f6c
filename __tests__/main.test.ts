// The flow of run(), in-process, against the simulator on a fake clock: long restores,
// timeouts, outages and cancellation, in milliseconds.
import { afterAll, afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startSimulator, type Simulator, type SimulatorOptions } from '../simulator/index.js'
import { MAX_FAILED_CHECKS } from '../src/restore/wait.js'
import { drillInputs } from './fixtures/inputs.js'
import { removeRunFiles, runInProcess, sharedTime } from './helpers/in-process.js'

const MINUTE = 60_000
let sim: Simulator
let time: ReturnType<typeof sharedTime>

async function lab(options: SimulatorOptions): Promise<void> {
  time = sharedTime()
  sim = await startSimulator({ now: time.clock.now, pendingMs: 5000, ...options })
}

const drill = (inputs: Record<string, string> = {}, abortAfterMs?: number) =>
  runInProcess(time, drillInputs(sim, inputs), { abortAfterMs })

beforeEach(() => lab({ restoreDurationMs: 10 * MINUTE }))
afterEach(() => sim.close())
afterAll(removeRunFiles)

describe('run()', () => {
  it('waits out a ten-minute restore with few status checks', async () => {
    const run = await drill({ max_restore_duration: '15m' })
    expect(run.exitCode).toBe(0)
    expect(run.outputs).toMatchObject({ outcome: 'succeeded', status: 'completed' })
    expect(Number(run.outputs.duration_seconds)).toBeCloseTo(595, 0)
    // Growing pauses, then one check per 15 s: about 45 checks, not 600.
    expect(sim.count('getRestore')).toBeLessThan(50)
    expect(run.log).toContain('still waiting (status running)')
  })

  it('times out at the deadline, with the last check on it', async () => {
    await sim.close()
    await lab({ restoreDurationMs: 120 * MINUTE })
    const run = await drill({ timeout: '30m' })
    expect(run.exitCode).toBe(1)
    expect(run.outputs).toMatchObject({ outcome: 'timed_out', status: 'running' })
    const checks = sim.requests.filter((request) => request.route === 'getRestore')
    const created = sim.restores[0]
    expect(checks.at(-1)?.at).toBe((created?.createdAt ?? NaN) + 30 * MINUTE)
    expect(run.errors).toEqual([expect.stringContaining('`timeout` (30m) ran out')])
    expect(run.log).not.toContain('status check failed')
  })

  it('rides out an outage of the status endpoint', async () => {
    sim.inject({ route: 'getRestore', kind: 'status', status: 503, times: 12 })
    const run = await drill()
    expect(run.outputs.outcome).toBe('succeeded')
    expect(run.log).toContain('status check failed (1 in a row)')
  })

  it(`gives up after ${MAX_FAILED_CHECKS} failed status checks in a row`, async () => {
    sim.inject({ route: 'getRestore', kind: 'status', status: 503, times: Infinity })
    const run = await drill({ timeout: '6h' })
    expect(run.exitCode).toBe(1)
    expect(run.outputs.outcome).toBe('failed')
    expect(run.errors).toEqual([
      expect.stringContaining(`${MAX_FAILED_CHECKS} status checks in a row failed`),
    ])
    expect(run.summary).toContain('goes on at SnapShooter')
  })

  it('warns once about a status word it does not know', async () => {
    sim.configure({ runningStatus: 'defrosting' })
    const run = await drill()
    expect(run.outputs.outcome).toBe('succeeded')
    expect(run.warnings.filter((warning) => warning.includes('"defrosting"'))).toHaveLength(1)
  })

  it('keeps its evidence when cancelled while waiting', async () => {
    const run = await drill({}, 3 * MINUTE)
    expect(run.exitCode).toBe(1)
    expect(run.outputs).toMatchObject({ outcome: 'cancelled', restore_id: sim.restores[0]?.id })
    expect(run.summary).toContain('🚫 Restore drill cancelled')
    // Said once, in the error line: which restore, its last status, and that it goes on.
    expect(run.summary).toContain(
      `waiting for restore ${sim.restores[0]?.id} (last status running); the restore goes on at SnapShooter`,
    )
    expect(run.summary.match(/goes on at SnapShooter/g)).toHaveLength(1)
  })

  it('says nothing was restored when cancelled before the request', async () => {
    sim.inject({ route: 'listBackups', kind: 'status', status: 503, times: Infinity })
    const run = await drill({}, 500)
    expect(run.outputs.outcome).toBe('cancelled')
    expect(run.errors).toEqual([
      'The run was cancelled before a restore was requested: nothing was restored.',
    ])
    expect(sim.count('createRestore')).toBe(0)
  })

  it('absorbs the rate limit while resolving and waiting', async () => {
    sim.configure({
      restoreDurationMs: 20_000,
      // One request a window: the restore POST meets a 429 even though status checks are paced.
      rateLimit: { limit: 1, windowMs: 1000, retryAfterSeconds: 1 },
    })
    const run = await drill({ poll_interval: '100ms' })
    expect(run.outputs.outcome).toBe('succeeded')
    expect(sim.requests.some((request) => request.status === 429)).toBe(true)
    // One restore: the POST answered 429 was sent again, and only that.
    expect(sim.restores).toHaveLength(1)
    const posts = sim.requests.filter((r) => r.route === 'createRestore').map((r) => r.status)
    expect(posts).toEqual([429, 201])
  })

  it('rides out sixty status checks answered 429: none counts as a failed check', async () => {
    sim.configure({ restoreDurationMs: 20_000 })
    sim.inject({ route: 'getRestore', kind: 'status', status: 429, retryAfter: '1', times: 60 })
    const run = await drill({ poll_interval: '5s' })
    expect([run.outputs.outcome, run.errors]).toEqual(['succeeded', []])
    expect(sim.count('getRestore')).toBeGreaterThan(60)
    expect(sim.count('createRestore')).toBe(1)
  })

  it('fails in one line, sending nothing, for bad input', async () => {
    const run = await drill({ backup_id: 'newest' })
    expect(run.exitCode).toBe(1)
    expect(run.errors).toEqual([expect.stringMatching(/^Invalid inputs: `backup_id`/)])
    expect(sim.requests).toHaveLength(0)
    expect(run.outputs).toMatchObject({ outcome: 'failed', file_ids: '[]', restore_id: '' })
  })

  it('stops before the restore on a dry run, and returns at once without wait', async () => {
    expect((await drill({ dry_run: 'true' })).outputs.outcome).toBe('dry_run')
    expect(sim.count('createRestore')).toBe(0)
    const run = await drill({ wait: 'false' })
    expect(run.outputs).toMatchObject({ outcome: 'not_waited', restore_id: sim.restores[0]?.id })
    expect(sim.count('getRestore')).toBe(0)
  })

  it('does not resend a restore POST that may have started', async () => {
    sim.inject({ route: 'createRestore', kind: 'status', status: 502 })
    const run = await drill()
    expect(run.outputs.outcome).toBe('failed')
    expect(sim.count('createRestore')).toBe(1)
    expect(run.errors).toEqual([expect.stringContaining('may have started')])
    expect(run.summary).toContain('a restore may have started')
  })

  it('warns, and keeps the outcome, when the result file cannot be written', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'snapshooter-result-'))
    const run = await drill({ dry_run: 'true', result_file: folder })
    expect(run.outputs).toMatchObject({ outcome: 'dry_run', result_file: '' })
    expect(run.warnings).toEqual([
      expect.stringContaining(`The result file ${folder} could not be written`),
    ])
  })
})
