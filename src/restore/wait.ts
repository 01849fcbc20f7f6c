// Waits for a restore to reach a terminal status, the deadline, or cancellation. Every
// dependency on the outside (the status request, time, sleeping, the cancel signal) is
// injected, so the loop runs in milliseconds under test.
import { Failure } from '../failure.js'
import { ApiError, type ApiErrorKind } from '../snapshooter/errors.js'
import type { Restore } from '../snapshooter/types.js'
import type { Clock, Sleep } from '../time.js'
import { nextPause, pauseUntilDeadline } from './schedule.js'
import { classifyStatus } from './status.js'

/** Failed checks in a row that end the wait: a short outage is ridden out, a long one is not. */
export const MAX_FAILED_CHECKS = 10
export const PROGRESS_EVERY_MS = 60_000
/**
 * The last check is made on the deadline; its request may take this long to be answered.
 * Without it a client bound to the deadline would refuse to send that check at all. It belongs to
 * that check alone: one sent earlier is cut at the deadline, when nothing more is to be sent.
 */
export const LAST_CHECK_GRACE_MS = 10_000

// A check that fails for these reasons may succeed next time; anything else ends the wait.
const TRANSIENT: ReadonlySet<ApiErrorKind> = new Set([
  'network',
  'timeout',
  'rate_limited',
  'server',
  'malformed',
  'deadline',
])

export interface WaitPlan {
  restoreId: string
  /** Clock time when the restore was created; the deadline is this plus timeoutMs. */
  createdAt: number
  timeoutMs: number
  pollIntervalMs: number
  /**
   * What a 404 on the first check means. After the POST, the restore exists, so the status
   * endpoint must be missing (the default); following a restore given by id, the restore may not.
   */
  notFound?: (restoreId: string, cause: ApiError) => Error
}

export interface WaitDeps {
  /** One status check, given up at `until` (epoch ms). */
  getRestore(restoreId: string, until: number): Promise<Restore>
  /**
   * How long the shared rate-limit budget says to hold the next check back (ms from now); the
   * schedule's pause wins when longer, and the deadline cuts both (docs/architecture.md, Rate
   * limits). Without it, checks follow the schedule alone.
   */
  holdMs?(createdAt: number): number
  clock: Clock
  sleep: Sleep
  signal: AbortSignal
  notify(event: WaitEvent): void
}

export type WaitEvent =
  | { type: 'status'; from: string | null; to: string; elapsedMs: number }
  | { type: 'progress'; status: string | null; elapsedMs: number }
  | { type: 'unknown_status'; word: string }
  | { type: 'check_failed'; message: string; inARow: number }
  | { type: 'rate_limited'; message: string }

export type WaitEnd =
  | { kind: 'succeeded' | 'failed'; restore: Restore; elapsedMs: number; checks: number }
  | { kind: 'timed_out' | 'cancelled'; restore: Restore | null; elapsedMs: number; checks: number }
  | { kind: 'error'; error: Error; restore: Restore | null; elapsedMs: number; checks: number }

export async function waitForRestore(plan: WaitPlan, deps: WaitDeps): Promise<WaitEnd> {
  const { clock, signal } = deps
  const deadline = plan.createdAt + plan.timeoutMs
  const elapsed = (): number => clock.now() - plan.createdAt
  const warned = new Set<string>()
  let last: Restore | null = null
  let pause: number | null = null
  let checks = 0
  let failedInARow = 0
  let nextProgress = PROGRESS_EVERY_MS
  const end = <T extends WaitEnd['kind']>(kind: T, extra: object = {}): WaitEnd =>
    ({ kind, restore: last, elapsedMs: elapsed(), checks, ...extra }) as WaitEnd

  for (;;) {
    pause = nextPause(pause, plan.pollIntervalMs)
    const hold = deps.holdMs?.(plan.createdAt) ?? 0
    const wait = pauseUntilDeadline(Math.max(pause, hold), clock.now(), deadline)
    // Decided before the pause, so that a timer firing a little early cannot rob it of its grace.
    const onDeadline = clock.now() + wait >= deadline
    try {
      await deps.sleep(wait, signal)
    } catch (error) {
      if (signal.aborted) return end('cancelled')
      throw error
    }

    checks++
    try {
      const lastCheck = onDeadline || clock.now() >= deadline
      const until = lastCheck ? deadline + LAST_CHECK_GRACE_MS : deadline
      const restore = await deps.getRestore(plan.restoreId, until)
      failedInARow = 0
      if (restore.status !== last?.status) {
        deps.notify({
          type: 'status',
          from: last?.status ?? null,
          to: restore.status,
          elapsedMs: elapsed(),
        })
      }
      last = restore
      const reading = classifyStatus(restore.status)
      if (!reading.known && !warned.has(restore.status)) {
        warned.add(restore.status)
        deps.notify({ type: 'unknown_status', word: restore.status })
      }
      if (reading.class !== 'running') return end(reading.class)
    } catch (error) {
      if (signal.aborted) return end('cancelled')
      if (!(error instanceof ApiError)) throw error
      if (error.kind === 'not_found' && checks === 1) {
        const notFound = plan.notFound ?? ((id, cause) => new StatusEndpointMissing(id, cause))
        return end('error', { error: notFound(plan.restoreId, error) })
      }
      if (!TRANSIENT.has(error.kind)) return end('error', { error })
      // A check cut short by the deadline is the timeout, not a failure to report; the client's
      // word for it counts too, as its timer may fire a moment before this clock says so.
      if (error.kind === 'deadline' || clock.now() >= deadline) return end('timed_out')
      // A 429 proves only that the token's budget is spent, shared with other drills: the next
      // check waits for the window (holdMs), and it counts as no failure.
      if (error.kind === 'rate_limited') {
        deps.notify({ type: 'rate_limited', message: error.message })
      } else {
        failedInARow++
        deps.notify({ type: 'check_failed', message: error.message, inARow: failedInARow })
        if (failedInARow >= MAX_FAILED_CHECKS) {
          const tooMany = new TooManyFailedChecks(plan.restoreId, failedInARow, error)
          return end('error', { error: tooMany })
        }
      }
    }

    if (clock.now() >= deadline) return end('timed_out')
    if (elapsed() >= nextProgress) {
      deps.notify({ type: 'progress', status: last?.status ?? null, elapsedMs: elapsed() })
      nextProgress += PROGRESS_EVERY_MS
    }
  }
}

/** 404 on the first check: the restore exists, but the assumed status endpoint does not. */
export class StatusEndpointMissing extends Failure {
  constructor(restoreId: string, cause: ApiError) {
    const requestId = cause.requestId === undefined ? '' : ` (request id ${cause.requestId})`
    super(
      `Restore ${restoreId} was created, but its status cannot be read: the status endpoint answered 404${requestId}. ` +
        'The restore goes on at SnapShooter: check it there, or set `wait: false` to skip the status check.',
      { cause },
    )
    this.name = 'StatusEndpointMissing'
  }
}

export class TooManyFailedChecks extends Failure {
  constructor(restoreId: string, count: number, cause: ApiError) {
    super(
      `Restore ${restoreId}: ${count} status checks in a row failed, the last with: ${cause.message} ` +
        'The restore goes on at SnapShooter: check it there.',
      { cause },
    )
    this.name = 'TooManyFailedChecks'
  }
}
