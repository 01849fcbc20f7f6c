// When to check a restore's status: soon after creation, so that a short restore is seen
// within about a second, then less and less often, so that a long one costs few requests.

export const FIRST_CHECK_MS = 1000
export const GROWTH = 1.5

/** The pause before the next check: the first min(1 s, interval), then ×1.5 up to the interval. */
export function nextPause(previousPause: number | null, pollIntervalMs: number): number {
  if (previousPause === null) return Math.min(FIRST_CHECK_MS, pollIntervalMs)
  return Math.min(previousPause * GROWTH, pollIntervalMs)
}

/** The pause cut so that the check lands on the deadline, never after it; 0 when it is due. */
export function pauseUntilDeadline(pause: number, now: number, deadline: number): number {
  return Math.max(0, Math.min(pause, deadline - now))
}

/** The times (ms after creation) of every check a restore running past the deadline gets. */
export function checkTimes(timeoutMs: number, pollIntervalMs: number): number[] {
  const times: number[] = []
  let at = 0
  let pause: number | null = null
  while (at < timeoutMs) {
    pause = nextPause(pause, pollIntervalMs)
    at += pauseUntilDeadline(pause, at, timeoutMs)
    times.push(at)
  }
  return times
}
