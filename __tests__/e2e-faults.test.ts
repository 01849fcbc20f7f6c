// A sample of the fault matrix (fault-matrix.test.ts runs all of it in-process) through
// dist/index.js, with real sockets, real time and real backoff.
import { expect, it, jest } from '@jest/globals'
import { drill, leaks, useDrillLab } from './helpers/drill.js'
import { faultCases, type FaultCase } from './helpers/fault-cases.js'

jest.setTimeout(30_000)

// One of each ending: a read that recovers, a read that gives up, a POST resent after 429, a
// POST never resent, a status check that recovers, and an unreadable answer.
const SAMPLE: Array<[FaultCase['route'], string, number]> = [
  ['getBackup', 'HTTP 503', 1],
  ['listBackups', 'a dropped connection', 1],
  ['listBackups', 'HTTP 502', Infinity],
  ['createRestore', 'HTTP 429 with Retry-After', 1],
  ['createRestore', 'HTTP 502', 1],
  ['createRestore', 'a dropped connection', 1],
  ['getRestore', 'an HTML error page', 1],
  ['getBackup', 'malformed JSON', 1],
]
const CASES = SAMPLE.map(([route, name, times]) => {
  const found = faultCases().find(
    (c) => c.route === route && c.kind.name === name && c.times === times,
  )
  if (found === undefined) throw new Error(`no such fault case: ${route} ${name} ×${times}`)
  return found
})

const lab = useDrillLab()

it.each(CASES.map((c): [string, FaultCase] => [`${c.route}: ${c.kind.name} ×${c.times}`, c]))(
  '%s',
  async (_, { route, kind, times, inputs, expected }) => {
    const [posts, restores] = [lab.sim.count('createRestore', 'POST'), lab.sim.restores.length]
    lab.sim.inject({ route, times, ...kind.fault })
    // A persistent fault is cut short by the deadline rather than five full backoffs.
    const timeout = times === 1 ? '20s' : '4s'
    const run = await drill(lab.sim, { ...inputs, timeout })
    expect({
      outcome: run.outputs.outcome,
      posts: lab.sim.count('createRestore', 'POST') - posts,
      restores: lab.sim.restores.length - restores,
    }).toEqual({ outcome: expected.outcome, posts: expected.posts, restores: expected.restores })
    if (expected.outcome === 'failed') {
      expect(run.errors).toHaveLength(1)
      // Attempts before the deadline vary with real backoff; the rest of the line does not.
      for (const part of expected.says.filter((p) => !p.startsWith('after ')))
        expect(run.errors[0]).toContain(part)
    } else {
      expect(run.errors).toEqual([])
    }
    expect(leaks(run)).toEqual([])
  },
)
