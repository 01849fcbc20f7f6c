import { setTimeout as delay } from 'node:timers/promises'

/** Milliseconds since the epoch. Injected so that waits and retries can be tested without real time. */
export interface Clock {
  now(): number
}

/** Pauses for `ms`; rejects at once when `signal` aborts, leaving no timer behind. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>

export const systemClock: Clock = { now: () => Date.now() }

export const realSleep: Sleep = async (ms, signal) => {
  if (ms <= 0) {
    signal?.throwIfAborted()
    return
  }
  await delay(ms, undefined, { signal })
}
