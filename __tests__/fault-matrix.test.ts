// Every fault the simulator can inject, on every route the action calls, through run() on a
// fake clock: the documented outcome, exactly the allowed restore POSTs, one error line, and
// no secret in anything the run left behind.
import { afterAll, afterEach, describe, expect, it } from '@jest/globals'
import { DEMO_TOKEN, startSimulator, type Simulator } from '../simulator/index.js'
import {
  FAULTS,
  ROUTES,
  SHORT_REQUEST_TIMEOUT_MS,
  faultCases,
  type FaultCase,
} from './helpers/fault-cases.js'
import { removeRunFiles, runInProcess, sharedTime } from './helpers/in-process.js'
import { leaks } from './helpers/leaks.js'

const CASES = faultCases()
let sim: Simulator | undefined

afterEach(() => sim?.close())
afterAll(removeRunFiles)

describe('the fault matrix', () => {
  it('covers every fault on every route the action calls', () => {
    for (const route of ROUTES)
      for (const kind of FAULTS)
        expect(CASES.some((c) => c.route === route && c.kind === kind)).toBe(true)
    expect(new Set(CASES.map((c) => c.kind.fault.kind))).toEqual(
      new Set(['status', 'drop', 'delay', 'malformed', 'html', 'wrongShape']),
    )
  })

  it.each(
    CASES.map((c): [string, FaultCase] => [
      `${c.route}: ${c.kind.name} ${c.times === 1 ? 'once' : 'on every request'}`,
      c,
    ]),
  )('%s', async (_, { route, kind, times, inputs, expected }) => {
    const time = sharedTime()
    sim = await startSimulator({ now: time.clock.now, restoreDurationMs: 20_000 })
    sim.inject({ route, times, ...kind.fault })
    const run = await runInProcess(
      time,
      { api_token: DEMO_TOKEN, api_url: sim.url, ...inputs },
      // Only the delay fault needs the short timeout; other answers keep the whole 30 s.
      { requestTimeoutMs: kind.fault.kind === 'delay' ? SHORT_REQUEST_TIMEOUT_MS : undefined },
    )

    expect({
      outcome: run.outputs.outcome,
      posts: sim.count('createRestore', 'POST'),
      restores: sim.restores.length,
    }).toEqual({ outcome: expected.outcome, posts: expected.posts, restores: expected.restores })
    expect(run.exitCode).toBe(expected.outcome === 'succeeded' ? 0 : 1)
    if (expected.outcome === 'succeeded') {
      expect(run.errors).toEqual([])
      // The fault was met and ridden out: the route was asked again after it.
      expect(sim.count(route)).toBeGreaterThanOrEqual(2)
    } else {
      expect(run.errors).toHaveLength(1)
      const [line = ''] = run.errors
      expect(line).not.toMatch(/[\r\n]/)
      for (const part of expected.says) expect(line).toContain(part)
      for (const part of expected.never) expect(line).not.toContain(part)
    }
    expect(leaks(run)).toEqual([])
  })
})
