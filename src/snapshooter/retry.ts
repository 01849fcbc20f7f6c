// The retry policy as pure functions: which failures are worth another attempt, and how long to
// wait first. The client owns the loop; these decide.

import {
  BACKOFF_BASE_MS,
  BACKOFF_CAP_MS,
  POST_RETRYABLE_CODES,
  POST_RETRYABLE_STATUSES,
  RETRY_AFTER_JITTER_MS,
  RETRYABLE_STATUSES,
} from './api.js'
import type { ApiError } from './errors.js'

/** The facts about a failed attempt that the policy looks at. */
export type FailureFacts = Pick<ApiError, 'kind' | 'status' | 'code'>

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
