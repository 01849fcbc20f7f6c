// The black-hole proxy on every route it applies to, as data beside the fault matrix: the API
// behind a proxy whose tunnels die from the Nth on (`tunnel-after:N`), so that each route in
// turn is the first request left unanswered, with the outcome docs/architecture.md promises (Deadlines).
// Storage behind such a proxy has tests of its own (e2e-proxy-faults.test.ts).
import { SEED } from '../../simulator/index.js'
import type { Expected } from './fault-cases.js'

export type BlackHoleRoute =
  'getBackup' | 'listBackups' | 'createRestore' | 'getRestore' | 'download'
export const BLACK_HOLE_ROUTES: readonly BlackHoleRoute[] = [
  'getBackup',
  'listBackups',
  'createRestore',
  'getRestore',
  'download',
]

/** `timeout` for every case: long enough for the routes before to answer, short for the test. */
export const BLACK_HOLE_TIMEOUT = '3s'

export interface BlackHoleCase {
  route: BlackHoleRoute
  /** Tunnels the proxy relays before it goes silent: one per request the run makes first. */
  relayed: number
  inputs: Record<string, string>
  expected: Expected
}

const LATEST = SEED.backups.latest
const NO_ANSWER = 'got no answer before the time limit (`timeout`) ran out'
const MAY_HAVE_STARTED = 'a restore may have started'

const failed = (says: string[], never: string[] = []): Expected => ({
  outcome: 'failed',
  posts: 0,
  restores: 0,
  says,
  never,
})

export function blackHoleCases(): BlackHoleCase[] {
  const byId = { backup_id: LATEST, job_id: '' }
  const latest = { backup_id: 'latest', job_id: SEED.jobs.main }
  return [
    {
      route: 'getBackup',
      relayed: 0,
      inputs: byId,
      expected: failed([`GET backup ${LATEST} ${NO_ANSWER}`], [MAY_HAVE_STARTED]),
    },
    {
      route: 'listBackups',
      relayed: 0,
      inputs: latest,
      expected: failed([`GET backups of job ${SEED.jobs.main} (page 1) ${NO_ANSWER}`]),
    },
    {
      // The POST went into the tunnel and nothing came back: it may have landed, and is not resent.
      route: 'createRestore',
      relayed: 1,
      inputs: latest,
      expected: failed([`POST restore of backup ${LATEST}`, MAY_HAVE_STARTED]),
    },
    {
      // Every check goes unanswered: the schedule reaches the deadline long before ten failures.
      route: 'getRestore',
      relayed: 2,
      inputs: latest,
      expected: {
        outcome: 'timed_out',
        posts: 1,
        restores: 1,
        says: [`when \`timeout\` (${BLACK_HOLE_TIMEOUT}) ran out`],
        never: [],
      },
    },
    {
      route: 'download',
      relayed: 1,
      inputs: { ...latest, mode: 'download' },
      expected: failed([`POST download links of backup ${LATEST} ${NO_ANSWER}`]),
    },
  ]
}
