// The fault matrix of download mode, as data beside fault-cases.ts: every fault on the
// download-links POST (retried like a read: it creates nothing) and on the storage GET of one
// file (retried like a read too, each attempt from the first byte; after MAX_ATTEMPTS the run
// fails naming the file), with the outcome docs/architecture.md promises for each.
import { SEED } from '../../simulator/index.js'
import { FAULTS, type Expected, type FaultBody, type FaultKind } from './fault-cases.js'

export type DownloadRoute = 'download' | 'storage'
export const DOWNLOAD_ROUTES: readonly DownloadRoute[] = ['download', 'storage']

const LATEST = SEED.backups.latest
const FILE = 'db.sql.gz'
const LINKS = `POST download links of backup ${LATEST}`
const DOWNLOAD = `Download of ${FILE} (file ${SEED.files.latestDb}) failed`
const DAMAGED = [`${FILE} (file ${SEED.files.latestDb}) failed verification`, 'may be damaged']

/**
 * The storage-only faults: bytes that are not the file. A body that breaks off is a network
 * failure, retried; a complete-looking body with the wrong bytes is a damaged file, not retried.
 */
export const STORAGE_FAULTS: readonly FaultKind[] = [
  {
    name: 'a connection dropped mid-file',
    fault: { kind: 'truncate' },
    class: 'retryable',
    says: 'the connection broke off after',
  },
  {
    name: 'a body shorter than listed, with an honest length',
    fault: { kind: 'shortBody' },
    class: 'unreadable',
    says: 'bytes arrived, but SnapShooter lists its size as',
  },
  {
    name: 'a body of the right length with damaged bytes',
    fault: { kind: 'corrupt' },
    class: 'unreadable',
    says: 'it does not gunzip',
  },
]

/**
 * `timeout` for the faults that outlast a request on storage: its request timeout is not the
 * test's short one, so the deadline is what ends a storage request that never answers.
 */
export const STORAGE_SLOW_TIMEOUT = '1s'

export interface DownloadFaultCase {
  route: DownloadRoute
  kind: FaultKind
  /** Once, or on every request (Infinity). */
  times: number
  inputs: Record<string, string>
  expected: Expected
}

const ok: Expected = { outcome: 'succeeded', posts: 0, restores: 0, says: [], never: [] }
const failed = (...says: string[]): Expected => ({
  outcome: 'failed',
  posts: 0,
  restores: 0,
  says,
  never: [],
})

function statusOf(fault: FaultBody): number | undefined {
  return fault.kind === 'status' ? fault.status : fault.kind === 'html' ? 502 : undefined
}

function expectedLinks(kind: FaultKind, times: number): Expected {
  if (kind.class === 'retryable' && times === 1) return ok
  if (kind.class === 'retryable') return failed(LINKS, kind.says, 'after 5 attempts')
  // A 404 names the missing thing rather than the request.
  if (statusOf(kind.fault) === 404) return failed(`backup ${LATEST}`, kind.says)
  return failed(LINKS, kind.says)
}

function expectedStorage(kind: FaultKind, times: number): Expected {
  const status = statusOf(kind.fault)
  const { fault } = kind
  if (fault.kind === 'delay' || fault.kind === 'hang') {
    return {
      ...failed(`was not fully downloaded when \`timeout\` (${STORAGE_SLOW_TIMEOUT}) ran out`),
      outcome: 'timed_out',
    }
  }
  // A 2xx whose body is not the file: it arrives whole, and fails verification.
  if (fault.kind === 'malformed' || fault.kind === 'wrongShape') return failed(...DAMAGED)
  if (kind.class === 'unreadable') return failed(...DAMAGED, kind.says)
  const says = status !== undefined ? `storage answered HTTP ${status}` : kind.says
  if (kind.class === 'retryable' && times === 1) return ok
  if (kind.class === 'retryable') {
    return failed(DOWNLOAD, 'after 5 attempts', says, 'worth re-running later')
  }
  const expired = status === 403 ? ' (the signed link was refused; it may have expired)' : ''
  return failed(`${DOWNLOAD}: ${says}${expired}: re-run to get fresh links.`)
}

function inputsFor(route: DownloadRoute, kind: FaultKind): Record<string, string> {
  const inputs = { backup_id: 'latest', job_id: SEED.jobs.main, mode: 'download', files: FILE }
  const slow = kind.fault.kind === 'delay' || kind.fault.kind === 'hang'
  return route === 'storage' && slow ? { ...inputs, timeout: STORAGE_SLOW_TIMEOUT } : inputs
}

/** Every fault on both routes of download mode, once and (where it differs) on every request. */
export function downloadFaultCases(): DownloadFaultCase[] {
  const cases: DownloadFaultCase[] = []
  for (const route of DOWNLOAD_ROUTES) {
    for (const kind of route === 'storage' ? [...FAULTS, ...STORAGE_FAULTS] : FAULTS) {
      for (const times of [1, Infinity] as const) {
        const expected =
          route === 'download' ? expectedLinks(kind, times) : expectedStorage(kind, times)
        const once = cases.at(-1)
        // A fault that ends the run at once looks the same whether it would come back or not.
        if (times === Infinity && once !== undefined && once.expected.outcome !== 'succeeded')
          continue
        cases.push({ route, kind, times, inputs: inputsFor(route, kind), expected })
      }
    }
  }
  return cases
}
