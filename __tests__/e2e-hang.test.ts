// Requests the simulator never answers (the `hang` fault), through dist/index.js in real time:
// whatever hangs, the run ends by `timeout` with its documented outcome, and exits by itself.
import { afterAll, beforeAll, beforeEach, expect, it, jest } from '@jest/globals'
import type { Simulator } from '../simulator/index.js'
import { FAST, drill, leaks, startLab } from './helpers/drill.js'

jest.setTimeout(30_000)

let sim: Simulator
beforeAll(async () => {
  sim = await startLab()
})
afterAll(() => sim.close())
beforeEach(() => {
  sim.configure(FAST)
  sim.clearFaults()
})

it('a silent status endpoint ends the wait at `timeout`, not a grace period later', async () => {
  sim.inject({ route: 'getRestore', kind: 'hang', times: Infinity })
  const started = Date.now()
  const run = await drill(sim, { timeout: '5s' })
  const ended = started + run.elapsedMs
  const created = sim.restores.at(-1)?.createdAt ?? Number.NaN
  expect(run.code).toBe(1)
  expect(run.outputs.outcome).toBe('timed_out')
  expect(run.errors).toHaveLength(1)
  expect(run.errors[0]).toContain('when `timeout` (5s) ran out')
  // The check in flight is cut at the deadline, and nothing is sent after it.
  expect(ended - created).toBeGreaterThanOrEqual(5_000)
  expect(ended - created).toBeLessThan(6_000)
  expect(sim.count('getRestore')).toBe(1)
  expect(leaks(run)).toEqual([])
})
