// Twenty restore drills at once, each its own dist/index.js process as on twenty runners,
// sharing one token against one simulator whose rate limit answers 429 with Retry-After.
// Every drill must succeed, and exactly twenty restores must be created: a 429 is absorbed
// by waiting, never by a second restore. Run by `npm run test:load` (and .ci/run), not npm test.
import { afterAll, beforeAll, expect, it, jest } from '@jest/globals'
import type { Simulator } from '../../simulator/index.js'
import { drill, leaks, startLab, type DrillRun } from '../helpers/drill.js'

const DRILLS = 20
// Ten requests a second for the shared token: far below what twenty drills ask for at first.
const RATE_LIMIT = { limit: 10, windowMs: 1000, retryAfterSeconds: 1 }

jest.setTimeout(180_000)

let sim: Simulator
let runs: DrillRun[]

beforeAll(async () => {
  sim = await startLab({ restoreDurationMs: 800, pendingMs: 200, rateLimit: RATE_LIMIT })
  runs = await Promise.all(
    Array.from({ length: DRILLS }, () =>
      drill(sim, { poll_interval: '5s', timeout: '2m' }, { killAfterMs: 150_000 }),
    ),
  )
})
afterAll(() => sim.close())

it(`runs ${DRILLS} drills at once, each to success, with exactly ${DRILLS} restores`, () => {
  const absorbed = sim.requests.filter((request) => request.status === 429).length
  const byRoute = (route: string): number =>
    sim.requests.filter((r) => r.route === route && r.status === 429).length
  console.log(
    `${DRILLS} drills: ${absorbed} answers of 429 absorbed ` +
      `(list ${byRoute('listBackups')}, POST ${byRoute('createRestore')}, ` +
      `status ${byRoute('getRestore')}) in ${sim.requests.length} requests`,
  )

  // The error line comes along, so that a failure says which request gave up and why.
  const ends = runs.map((run) => ({
    code: run.code,
    outcome: run.outputs.outcome,
    error: run.errors[0],
  }))
  expect(ends).toEqual(runs.map(() => ({ code: 0, outcome: 'succeeded', error: undefined })))
  expect(sim.restores).toHaveLength(DRILLS)
  const ids = new Set(runs.map((run) => run.outputs.restore_id))
  expect(ids).toEqual(new Set(sim.restores.map((restore) => restore.id)))
  // Accepted POSTs are the restores; every other POST was answered 429 and sent again.
  const posts = sim.requests.filter((r) => r.route === 'createRestore')
  expect(posts.filter((r) => r.status === 201)).toHaveLength(DRILLS)
  expect(posts.every((r) => r.status === 201 || r.status === 429)).toBe(true)
  // The limit was really met, or the test proves nothing.
  expect(absorbed).toBeGreaterThan(0)
})

it('leaks nothing in any drill', () => {
  for (const run of runs) expect(leaks(run)).toEqual([])
})
