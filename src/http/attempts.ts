// The one attempt loop: every request the action makes, to the API or to storage, is a series of
// attempts under one deadline and one cancel signal, retried as the caller's policy says, with the
// pause of retry.ts (the server's Retry-After, else backoff). Time is injected (clock, sleep,
// random), so that tests run hours of retries without waiting.
//
// The loop throws nothing of its own: it says how it ended, and each caller turns that into its
// own error (an API error, a failed download). An attempt that throws ends the loop at once.

import type { Clock, Sleep } from '../time.js'
import { MAX_ATTEMPTS, retryDelayMs, type FailureFacts, type RetryPolicy } from './retry.js'

/** What one attempt came to: a value, or a failure for the policy to judge. */
export type Attempt<T, F> = { ok: true; value: T } | { ok: false; failure: F; retryAfter?: string }

export interface RetryNotice<F> {
  /** The attempt that failed (1-based). */
  attempt: number
  delayMs: number
  failure: F
}

export interface AttemptDeps<F> {
  /** Epoch ms: no attempt starts, and no pause ends, at or after it. */
  deadline: number
  /** Stops the loop before an attempt or during a pause; the attempt itself must heed it too. */
  signal?: AbortSignal
  clock: Clock
  sleep: Sleep
  random: () => number
  /** Told before each pause. */
  onRetry?: (notice: RetryNotice<F>) => void
}

/**
 * How the attempts ended. `attempts` counts those made. `last` is the last failure: the one worth
 * reporting when the time ran out after it. `refused`: the policy saw no use in asking again;
 * `exhausted`: MAX_ATTEMPTS were made.
 */
export type Attempts<T, F> =
  | { ok: true; value: T; attempts: number }
  | { ok: false; end: 'cancelled'; attempts: number; last?: F }
  | { ok: false; end: 'deadline'; attempts: number; last?: F }
  | { ok: false; end: 'refused' | 'exhausted'; attempts: number; last: F }

/**
 * Runs `attempt` (given its number and the time left before the deadline) until it succeeds, the
 * policy refuses another, MAX_ATTEMPTS are spent (unless the policy asks again until the
 * deadline), the deadline comes or the signal fires.
 */
export async function withAttempts<T, F extends FailureFacts>(
  attempt: (attempt: number, leftMs: number) => Promise<Attempt<T, F>>,
  policy: RetryPolicy<NoInfer<F>>,
  deps: AttemptDeps<F>,
): Promise<Attempts<T, F>> {
  const { clock, signal, deadline } = deps
  let last: F | undefined
  for (let n = 1; ; n++) {
    if (aborted(signal)) return { ok: false, end: 'cancelled', attempts: n - 1, last }
    const leftMs = deadline - clock.now()
    // A pause that overran the deadline: the failure before it is the one worth reporting.
    if (leftMs <= 0) return { ok: false, end: 'deadline', attempts: n - 1, last }
    const result = await attempt(n, leftMs)
    if (result.ok) return { ok: true, value: result.value, attempts: n }
    const failure = (last = result.failure)
    if (!policy.retryable(failure)) return { ok: false, end: 'refused', attempts: n, last: failure }
    // A failure that proves the server did nothing (a 429 to the restore POST) may use the
    // whole deadline (docs/architecture.md, Rate limits); others get MAX_ATTEMPTS.
    const bounded = policy.untilDeadline?.(failure) !== true
    if (bounded && n >= MAX_ATTEMPTS) {
      return { ok: false, end: 'exhausted', attempts: n, last: failure }
    }
    const delayMs = retryDelayMs(n - 1, result.retryAfter, clock.now(), deps.random)
    // A retry that could not finish in time would only hide the real failure behind a deadline.
    if (clock.now() + delayMs >= deadline) return { ok: false, end: 'deadline', attempts: n, last }
    deps.onRetry?.({ attempt: n, delayMs, failure })
    try {
      await deps.sleep(delayMs, signal)
    } catch (error) {
      if (aborted(signal)) return { ok: false, end: 'cancelled', attempts: n, last }
      throw error
    }
  }
}

// A function, not an inline check, so the compiler does not assume the flag stays as first read.
function aborted(signal: AbortSignal | undefined): boolean {
  return signal?.aborted === true
}
