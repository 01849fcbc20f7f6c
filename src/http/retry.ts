// The retry policy as pure functions: which failures are worth another attempt, and how long to
// wait first (docs/architecture.md, Retries). The attempt loop (attempts.ts) owns the loop; these
// decide. Reads and the restore POST differ, so each caller hands the loop its policy.

import type { FailureKind } from './codes.js'

/** Network errors without an answer aside, only these statuses are worth asking again. */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([408, 429, 500, 502, 503, 504])
/** The only status on which the non-idempotent restore POST is sent again. */
export const POST_RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429])
/** A refused connection proves the POST never reached the server, so it may be sent again. */
export const POST_RETRYABLE_CODES: ReadonlySet<string> = new Set(['ECONNREFUSED'])

/** Attempts per request, the first included. */
export const MAX_ATTEMPTS = 5
/** The time one attempt may take, unless the deadline is nearer. */
export const REQUEST_TIMEOUT_MS = 30_000

export const BACKOFF_BASE_MS = 1_000
export const BACKOFF_CAP_MS = 30_000
/** Spread added to a server's Retry-After, so drills sharing one token do not return in lockstep. */
export const RETRY_AFTER_JITTER_MS = 1_000

/** The facts about a failed attempt that the policy looks at. */
export interface FailureFacts {
  kind: FailureKind
  status?: number
  code?: string
}

/** Whether asking again may help after a failed attempt: handed to the attempt loop. */
export interface RetryPolicy<F extends FailureFacts = FailureFacts> {
  retryable(failure: F): boolean
  /** A failure that proves the server did not act, asked again until the deadline, not 5 times. */
  untilDeadline?(failure: F): boolean
}

/** A Retry-After value (seconds, or an HTTP date) as milliseconds from now; undefined if unreadable. */
export function parseRetryAfter(value: string | undefined, nowMs: number): number | undefined {
  const text = value?.trim() ?? ''
  if (text === '') return undefined
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1_000)
  // An HTTP date names its month; Date.parse alone would read `-3` as a year.
  const at = /[a-z]/i.test(text) ? Date.parse(text) : NaN
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs)
}

/**
 * The pause before retry `attempt` (0 for the first retry). The server's Retry-After wins, plus up
 * to a second of spread; without it, full-jitter exponential backoff.
 */
export function retryDelayMs(
  attempt: number,
  retryAfter: string | undefined,
  nowMs: number,
  random: () => number,
): number {
  const serverDelay = parseRetryAfter(retryAfter, nowMs)
  if (serverDelay !== undefined) return serverDelay + Math.floor(random() * RETRY_AFTER_JITTER_MS)
  const ceiling = Math.min(
    BACKOFF_CAP_MS,
    BACKOFF_BASE_MS * 2 ** Math.min(Math.max(attempt, 0), 30),
  )
  return Math.floor(random() * ceiling)
}

// A certificate the runner does not trust stays untrusted however often it is asked again.
const CERTIFICATE_FAILURE = /CERT|UNABLE_TO_VERIFY|^ERR_TLS_|^ERR_SSL_/

/** GETs (and the download POST, which creates nothing) may be repeated without harm. */
export function isRetryableRead(err: FailureFacts): boolean {
  if (err.status !== undefined) return RETRYABLE_STATUSES.has(err.status)
  if (err.code !== undefined && CERTIFICATE_FAILURE.test(err.code)) return false
  return err.kind === 'network' || err.kind === 'timeout'
}

/**
 * The restore POST starts a restore each time it lands, so it is sent again only when the server
 * surely did not act: it said 429, or the connection was refused before a byte was sent.
 */
export function isRetryablePost(err: FailureFacts): boolean {
  if (err.status !== undefined) return POST_RETRYABLE_STATUSES.has(err.status)
  return err.kind === 'network' && err.code !== undefined && POST_RETRYABLE_CODES.has(err.code)
}

const isRateLimited = (err: FailureFacts): boolean => err.status === 429

/** Reads: GETs, and the download-links POST, which creates nothing. */
export const READ_POLICY: RetryPolicy = { retryable: isRetryableRead }
/**
 * The restore POST, which is not idempotent. A 429 proves the server did not act on it, so it is
 * sent again until the deadline (docs/architecture.md, Rate limits).
 */
export const POST_POLICY: RetryPolicy = { retryable: isRetryablePost, untilDeadline: isRateLimited }
/**
 * One status check of the wait loop: a 429 is not retried here but handed back, and the loop
 * holds the next check as the budget says, so that drills sharing a token do not return together.
 */
export const CHECK_POLICY: RetryPolicy = {
  retryable: (err) => isRetryableRead(err) && !isRateLimited(err),
}
