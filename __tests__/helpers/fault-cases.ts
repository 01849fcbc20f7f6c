// The fault matrix as data: every fault the simulator can inject, on every route the action
// calls in restore mode, with the outcome docs/architecture.md promises. The tests run it
// in-process on a fake clock, and a sample of it through dist/index.js. Download mode (the
// download route, the storage GET and the storage-only faults) is in download-fault-cases.ts.
import { SEED, type Fault } from '../../simulator/index.js'

export type ActionRoute = 'getBackup' | 'listBackups' | 'createRestore' | 'getRestore'
export const ROUTES: readonly ActionRoute[] = [
  'getBackup',
  'listBackups',
  'createRestore',
  'getRestore',
]

type Strip<F> = F extends unknown ? Omit<F, 'route' | 'times' | 'match'> : never
export type FaultBody = Strip<Fault>

/** Real time: a request timeout is a socket's. The delay fault outlasts it by far. */
export const SHORT_REQUEST_TIMEOUT_MS = 400
const DELAY_MS = 1500
/** Real time too: a request never answered costs this much, so fifty of them stay cheap. */
export const HANG_REQUEST_TIMEOUT_MS = 50

/**
 * retryable: the client tries again (docs/architecture.md, Retries: network errors, 408, 429, 5xx).
 * refused: a 4xx that no retry will change. unreadable: a 2xx whose body is not the JSON expected.
 */
type Class = 'retryable' | 'refused' | 'unreadable'

export interface FaultKind {
  name: string
  fault: FaultBody
  class: Class
  /** What the one error line says about it. */
  says: string
  /** A request timeout shorter than the 30 s default, for the faults that outlast it. */
  requestTimeoutMs?: number
}

const status = (code: number, retryAfter?: string): FaultBody =>
  retryAfter === undefined
    ? { kind: 'status', status: code }
    : { kind: 'status', status: code, retryAfter }

export const FAULTS: readonly FaultKind[] = [
  { name: 'HTTP 408', fault: status(408), class: 'retryable', says: 'HTTP 408' },
  {
    name: 'HTTP 429 with Retry-After',
    fault: status(429, '1'),
    class: 'retryable',
    says: 'HTTP 429 (too many requests)',
  },
  {
    name: 'HTTP 429 without Retry-After',
    fault: status(429),
    class: 'retryable',
    says: 'HTTP 429 (too many requests)',
  },
  ...[500, 502, 503, 504].map((code): FaultKind => ({
    name: `HTTP ${code}`,
    fault: status(code),
    class: 'retryable',
    says: `HTTP ${code}`,
  })),
  { name: 'HTTP 401', fault: status(401), class: 'refused', says: 'the API token was rejected' },
  { name: 'HTTP 403', fault: status(403), class: 'refused', says: 'the API token may not do this' },
  { name: 'HTTP 404', fault: status(404), class: 'refused', says: 'not found (HTTP 404)' },
  { name: 'HTTP 422', fault: status(422), class: 'refused', says: 'was refused (HTTP 422)' },
  { name: 'a dropped connection', fault: { kind: 'drop' }, class: 'retryable', says: 'ECONNRESET' },
  {
    name: 'an answer slower than the request timeout',
    fault: { kind: 'delay', ms: DELAY_MS },
    class: 'retryable',
    says: `no answer within ${SHORT_REQUEST_TIMEOUT_MS} ms`,
    requestTimeoutMs: SHORT_REQUEST_TIMEOUT_MS,
  },
  {
    name: 'a request never answered',
    fault: { kind: 'hang' },
    class: 'retryable',
    says: `no answer within ${HANG_REQUEST_TIMEOUT_MS} ms`,
    requestTimeoutMs: HANG_REQUEST_TIMEOUT_MS,
  },
  { name: 'an HTML error page', fault: { kind: 'html' }, class: 'retryable', says: 'HTTP 502' },
  {
    name: 'malformed JSON',
    fault: { kind: 'malformed' },
    class: 'unreadable',
    says: 'not the expected JSON',
  },
  {
    name: 'JSON of the wrong shape',
    fault: { kind: 'wrongShape' },
    class: 'unreadable',
    says: 'not the expected JSON',
  },
]

export interface Expected {
  outcome: 'succeeded' | 'failed' | 'timed_out'
  /** Restore POSTs the simulator saw (at least, when `atLeast`), and restores it created. */
  posts: number
  atLeast?: boolean
  restores: number
  /** Parts of the one error line; empty when the run succeeds. */
  says: string[]
  /** Must not be in the error line. */
  never: string[]
}

export interface FaultCase {
  route: ActionRoute
  kind: FaultKind
  /** How many requests in a row get the fault: once, or every one (Infinity). */
  times: number
  inputs: Record<string, string>
  expected: Expected
}

const MAY_HAVE_STARTED = 'a restore may have started'
const LATEST = SEED.backups.latest

const READ_REQUEST: Record<'getBackup' | 'listBackups', string> = {
  getBackup: `GET backup ${LATEST}`,
  listBackups: `GET backups of job ${SEED.jobs.main} (page 1)`,
}

const ok = (posts = 1): Expected => ({
  outcome: 'succeeded',
  posts,
  restores: 1,
  says: [],
  never: [],
})
const failed = (posts: number, restores: number, says: string[], never: string[] = []) => ({
  outcome: 'failed' as const,
  posts,
  restores,
  says,
  never,
})

const timedOut = (...says: string[]): Expected => ({
  outcome: 'timed_out',
  posts: 1,
  restores: 1,
  says,
  never: [],
})

function expectedRead(route: 'getBackup' | 'listBackups', kind: FaultKind, times: number) {
  const request = READ_REQUEST[route]
  if (kind.class === 'retryable' && times === 1) return ok()
  if (kind.class === 'retryable') return failed(0, 0, [request, kind.says, 'after 5 attempts'])
  // A 404 names the missing thing rather than the request.
  if (kind.fault.kind === 'status' && kind.fault.status === 404) {
    const what = route === 'getBackup' ? `backup ${LATEST}` : `job ${SEED.jobs.main}`
    return failed(0, 0, [what, kind.says])
  }
  return failed(0, 0, [request, kind.says])
}

function expectedPost(kind: FaultKind, times: number): Expected {
  const request = `POST restore of backup ${LATEST}`
  const is429 = kind.fault.kind === 'status' && kind.fault.status === 429
  // 429 is the one answer that proves the server did nothing: the POST is sent again.
  if (is429 && times === 1) return ok(2)
  // On every request: sent again until the run's deadline, well past the five attempts of a read.
  if (is429) {
    const says = [request, kind.says, 'worth re-running later']
    return { ...failed(6, 0, says, [MAY_HAVE_STARTED]), atLeast: true }
  }
  // A 4xx refused the request, except 408: a timeout, after which the restore may have started.
  const refusedByStatus =
    kind.fault.kind === 'status' && kind.fault.status < 500 && kind.fault.status !== 408
  if (refusedByStatus) {
    const subject = kind.fault.kind === 'status' && kind.fault.status === 404 ? '' : request
    return failed(1, 0, [subject, kind.says], [MAY_HAVE_STARTED])
  }
  // 5xx, 408, a dropped or slow answer, an unreadable 2xx: it may have landed, so it is not resent.
  return failed(1, 0, [request, MAY_HAVE_STARTED])
}

function expectedStatusCheck(kind: FaultKind, times: number): Expected {
  if (kind.class !== 'refused' && times === 1) return ok()
  // A 429 is no failed check: the wait goes on to its deadline.
  if (isStatus(kind, 429)) return timedOut('`timeout` (2m) ran out')
  if (kind.class !== 'refused') return failed(1, 1, ['10 status checks in a row failed', kind.says])
  if (kind.fault.kind === 'status' && kind.fault.status === 404)
    return failed(1, 1, ['was created', 'status endpoint answered 404'])
  return failed(1, 1, ['GET restore', kind.says])
}

function inputsFor(route: ActionRoute): Record<string, string> {
  return route === 'getBackup'
    ? { backup_id: LATEST, job_id: '' }
    : { backup_id: 'latest', job_id: SEED.jobs.main }
}

/** Every route × fault, once and (where it makes a difference) on every request. */
export function faultCases(): FaultCase[] {
  const cases: FaultCase[] = []
  for (const route of ROUTES) {
    for (const kind of FAULTS) {
      for (const times of [1, Infinity] as const) {
        const expected =
          route === 'createRestore'
            ? expectedPost(kind, times)
            : route === 'getRestore'
              ? expectedStatusCheck(kind, times)
              : expectedRead(route, kind, times)
        const once = cases.at(-1)
        // A fault that ends the run at once looks the same whether it would come back or not.
        if (times === Infinity && once?.expected.outcome === 'failed') continue
        // Fifty slow status checks (10 checks × 5 attempts) prove nothing the reads do not.
        if (times === Infinity && route === 'getRestore' && kind.fault.kind === 'delay') continue
        // A 429 on every request lasts until the deadline: a short one keeps the test short.
        const waits = route === 'createRestore' || route === 'getRestore'
        const until: Record<string, string> =
          waits && times === Infinity && isStatus(kind, 429) ? { timeout: '2m' } : {}
        cases.push({ route, kind, times, inputs: { ...inputsFor(route), ...until }, expected })
        // A status endpoint that never answers, with a `timeout` too short for ten failed checks.
        if (times === Infinity && route === 'getRestore' && kind.fault.kind === 'hang') {
          const inputs = { ...inputsFor(route), timeout: '20s' }
          cases.push({ route, kind, times, inputs, expected: timedOut('`timeout` (20s) ran out') })
        }
      }
    }
  }
  return cases
}

function isStatus(kind: FaultKind, status: number): boolean {
  return kind.fault.kind === 'status' && kind.fault.status === status
}
