// Requests the simulator never answers (the `hang` fault), through dist/index.js in real time:
// whatever hangs, the run ends by `timeout` with its documented outcome, and exits by itself.
import { expect, it, jest } from '@jest/globals'
import { SEED, drill, leaks, useDrillLab } from './helpers/drill.js'

jest.setTimeout(30_000)

const lab = useDrillLab()

it('a silent status endpoint ends the wait at `timeout`, not a grace period later', async () => {
  lab.sim.inject({ route: 'getRestore', kind: 'hang', times: Infinity })
  const run = await drill(lab.sim, { timeout: '5s' })
  // Read after the process has gone, so that it is never earlier than the run's true end.
  const ended = Date.now()
  const created = lab.sim.restores.at(-1)?.createdAt ?? Number.NaN
  expect(run.code).toBe(1)
  expect(run.outputs.outcome).toBe('timed_out')
  expect(run.errors).toHaveLength(1)
  expect(run.errors[0]).toContain('when `timeout` (5s) ran out')
  // The check in flight is cut at the deadline, and nothing is sent after it.
  expect(ended - created).toBeGreaterThanOrEqual(5_000)
  expect(ended - created).toBeLessThan(6_000)
  expect(lab.sim.count('getRestore')).toBe(1)
  expect(leaks(run)).toEqual([])
})

it('a restore POST that is never answered is sent once, and may have started', async () => {
  lab.sim.inject({ route: 'createRestore', kind: 'hang', times: Infinity })
  const posts = lab.sim.count('createRestore', 'POST')
  const run = await drill(lab.sim, { timeout: '3s' })
  expect(run.code).toBe(1)
  expect(run.outputs.outcome).toBe('failed')
  expect(run.errors).toHaveLength(1)
  expect(run.errors[0]).toContain('a restore may have started')
  expect(lab.sim.count('createRestore', 'POST') - posts).toBe(1)
  expect(run.elapsedMs).toBeLessThan(5_000)
})

it('download links never answered: the run fails at `timeout`, naming the request', async () => {
  lab.sim.inject({ route: 'download', kind: 'hang', times: Infinity })
  const run = await drill(lab.sim, { mode: 'download', timeout: '3s' })
  expect(run.code).toBe(1)
  expect(run.outputs).toMatchObject({ outcome: 'failed', status: 'failed' })
  expect(run.errors).toEqual([
    `POST download links of backup ${SEED.backups.latest} got no answer before the time limit (\`timeout\`) ran out`,
  ])
  expect(run.elapsedMs).toBeLessThan(5_000)
})

it('storage never answering: the download times out at `timeout`', async () => {
  lab.sim.inject({ route: 'storage', kind: 'hang', times: Infinity })
  const run = await drill(lab.sim, { mode: 'download', timeout: '3s' })
  expect(run.code).toBe(1)
  expect(run.outputs).toMatchObject({ outcome: 'timed_out', status: 'failed' })
  expect(run.errors).toHaveLength(1)
  expect(run.errors[0]).toContain('was not fully downloaded when `timeout` (3s) ran out')
  expect(run.elapsedMs).toBeLessThan(5_000)
  expect(leaks(run)).toEqual([])
})
