// Polling economy on a fake clock: how many status requests a restore costs, and how late its
// completion is seen, for the action's wait loop and for fixed pollers driven the same way.
import { waitForRestore } from '../../src/restore/wait.js'
import type { Restore } from '../../src/snapshooter/types.js'
// The test fixture: the bench drives the same wait loop the tests do, with the same values.
import { restore } from '../../__tests__/fixtures/values.js'
import type { Clock, Sleep } from '../../src/time.js'

export interface PollFigures {
  /** Status requests, median over the spread of durations. */
  requests: number
  /** The latest any completion was seen after it happened. */
  worstDelayMs: number
}

export interface Poller {
  name: string
  poll(durationMs: number): Promise<{ checks: number; seenAtMs: number }>
}

// Each duration is run this many times, spread evenly over ±10 % around the nominal one, so
// that completion falls at every phase of every poller's schedule.
const SAMPLES = 101
const SPREAD = 0.1
const SIX_HOURS = 6 * 3_600_000

interface Lab {
  clock: Clock
  sleep: Sleep
  getRestore(id: string): Promise<Restore>
}

/** A restore that reads `running` until `durationMs` after creation, then `completed`. */
function lab(durationMs: number): Lab {
  let now = 0
  return {
    clock: { now: () => now },
    sleep: async (ms) => {
      now += ms
    },
    getRestore: async () => restore({ status: now >= durationMs ? 'completed' : 'running' }),
  }
}

/** The action's own wait loop, with `poll_interval` as given. */
export function adaptivePoller(pollIntervalMs: number): Poller {
  return {
    name: `this action (poll_interval ${pollIntervalMs / 1000} s)`,
    async poll(durationMs) {
      const { clock, sleep, getRestore } = lab(durationMs)
      const plan = { restoreId: 'r', createdAt: 0, timeoutMs: SIX_HOURS, pollIntervalMs }
      const signal = new AbortController().signal
      const end = await waitForRestore(plan, { getRestore, clock, sleep, signal, notify() {} })
      if (end.kind !== 'succeeded') throw new Error(`the wait ended ${end.kind}`)
      return { checks: end.checks, seenAtMs: end.elapsedMs }
    },
  }
}

/** A loop that sleeps a fixed period before every check. */
export function fixedPoller(periodMs: number): Poller {
  return {
    name: `fixed ${periodMs / 1000} s`,
    async poll(durationMs) {
      const { clock, sleep, getRestore } = lab(durationMs)
      for (let checks = 1; ; checks++) {
        await sleep(periodMs)
        if ((await getRestore('r')).status === 'completed') return { checks, seenAtMs: clock.now() }
      }
    },
  }
}

export async function pollFigures(poller: Poller, nominalMs: number): Promise<PollFigures> {
  const checks: number[] = []
  let worstDelayMs = 0
  for (let i = 0; i < SAMPLES; i++) {
    const durationMs = Math.round(nominalMs * (1 - SPREAD + (2 * SPREAD * i) / (SAMPLES - 1)))
    const result = await poller.poll(durationMs)
    checks.push(result.checks)
    worstDelayMs = Math.max(worstDelayMs, result.seenAtMs - durationMs)
  }
  return { requests: median(checks), worstDelayMs }
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1
    ? (sorted[mid] ?? NaN)
    : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2
}
