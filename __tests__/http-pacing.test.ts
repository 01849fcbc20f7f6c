// Many drills on one token, over the wire: the restore POST answered 429 is sent again until it
// passes, a 429 is no failed status check, and checks paced by the token's budget meet fewer 429s
// than checks on the schedule alone. Every request crosses a real socket to the simulator's
// Laravel-like limiter; time is a virtual clock shared by the legs and the simulator.
import { describe, expect, it } from '@jest/globals'
import { DEMO_TOKEN, SEED, startSimulator, type Simulator } from '../simulator/index.js'
import { MAX_ATTEMPTS } from '../src/http/retry.js'
import { waitDeps } from '../src/restore/run.js'
import { waitForRestore, type WaitDeps, type WaitEnd } from '../src/restore/wait.js'
import { createClient, type SnapShooterClient } from '../src/snapshooter/client.js'
import type { Sleep } from '../src/time.js'
import { TEST_USER_AGENT, useClientLab } from './helpers/client.js'

const lab = useClientLab()

describe('the restore POST answered 429', () => {
  it(`is sent again past ${MAX_ATTEMPTS} attempts until it passes, creating one restore`, async () => {
    lab.sim.inject({
      route: 'createRestore',
      kind: 'status',
      status: 429,
      retryAfter: '1',
      times: 8,
    })
    const restore = await lab.client().createRestore(SEED.backups.latest, {})
    expect(lab.sim.count('createRestore')).toBe(9)
    expect(lab.sim.restores.map((r) => r.id)).toEqual([restore.id])
  })

  it('still ends at the deadline when the limit never lifts', async () => {
    lab.sim.configure({ rateLimit: { limit: 0, windowMs: 2_000 } })
    let now = Date.now()
    const client = lab.client({
      deadline: now + 30_000,
      clock: { now: () => now },
      sleep: async (ms) => {
        now += ms
      },
    })
    await expect(client.createRestore(SEED.backups.latest, {})).rejects.toMatchObject({
      kind: 'rate_limited',
    })
    expect(lab.sim.count('createRestore')).toBeGreaterThan(MAX_ATTEMPTS)
    expect(lab.sim.restores).toHaveLength(0)
  })
})

/** Legs sharing one virtual clock: it moves to the next wake-up once every leg sleeps. */
function virtualTime(start: number) {
  let now = start
  let active = 0
  const sleepers: Array<{ at: number; wake: () => void }> = []
  const step = (): void => {
    if (active === 0 || sleepers.length < active) return
    sleepers.sort((a, b) => a.at - b.at)
    const next = sleepers.shift()
    if (next === undefined) return
    now = Math.max(now, next.at)
    next.wake()
  }
  const sleep: Sleep = (ms, signal) => {
    signal?.throwIfAborted()
    return new Promise((resolve) => {
      sleepers.push({ at: now + Math.max(0, ms), wake: resolve })
      step()
    })
  }
  return {
    now: () => now,
    sleep,
    async leg<T>(work: () => Promise<T>): Promise<T> {
      active++
      try {
        return await work()
      } finally {
        active--
        step()
      }
    },
  }
}

type VirtualTime = ReturnType<typeof virtualTime>

/** A repeatable random source: the same legs, the same spreads, every run. */
function seeded(seed: number): () => number {
  let state = seed
  return () => (state = (state * 16807) % 2147483647) / 2147483647
}

/** A leg's client of the simulator, on the virtual clock, with an hour to go. */
function legClient(sim: Simulator, time: VirtualTime, random: () => number): SnapShooterClient {
  return createClient({
    baseUrl: sim.url,
    token: DEMO_TOKEN,
    userAgent: TEST_USER_AGENT,
    deadline: time.now() + 3_600_000,
    clock: { now: time.now },
    sleep: time.sleep,
    random,
    mask: () => undefined,
  })
}

/** The leg's wait for the restore it created just now, checked every 15 s for up to an hour. */
function waitFromNow(
  client: SnapShooterClient,
  restoreId: string,
  time: VirtualTime,
  signal: AbortSignal,
  adjust: (deps: WaitDeps) => void,
): Promise<WaitEnd> {
  const deps = waitDeps(client, { clock: { now: time.now }, sleep: time.sleep, signal })
  deps.notify = () => undefined
  adjust(deps)
  const plan = { restoreId, createdAt: time.now(), timeoutMs: 3_600_000, pollIntervalMs: 15_000 }
  return waitForRestore(plan, deps)
}

/** `legs` drills on one token limited to 10 a minute: their 429s, and how each wait ended. */
async function fleet(legs: number, paced: boolean): Promise<{ limited: number; ends: WaitEnd[] }> {
  const time = virtualTime(Date.now())
  const sim = await startSimulator({
    now: time.now,
    restoreDurationMs: 180_000,
    rateLimit: { limit: 10, windowMs: 60_000 },
  })
  try {
    const random = seeded(1)
    const signal = new AbortController().signal
    const ends = await Promise.all(
      Array.from({ length: legs }, () =>
        time.leg(async () => {
          const client = legClient(sim, time, random)
          const restore = await client.createRestore(SEED.backups.latest, {})
          return waitFromNow(client, restore.id, time, signal, (deps) => {
            if (!paced) delete deps.holdMs
          })
        }),
      ),
    )
    return { limited: sim.requests.filter((r) => r.status === 429).length, ends }
  } finally {
    await sim.close()
  }
}

describe('status checks sharing one token', () => {
  it('paced by the budget meet fewer 429s than on the schedule alone, and all succeed', async () => {
    const alone = await fleet(6, false)
    const paced = await fleet(6, true)
    expect(paced.ends.map((end) => end.kind)).toEqual(Array(6).fill('succeeded'))
    expect(alone.limited).toBeGreaterThan(0)
    expect(paced.limited).toBeLessThan(alone.limited / 2)
  })
})

/**
 * `legs` drills on one token limited to 10 a minute that each look up the backups and start a
 * restore at once, then wait for it: most POSTs are refused and pass in the next window. Counts
 * the checks that the restores started in that window got before it closed.
 */
async function startBurst(legs: number, byAge: boolean) {
  const time = virtualTime(Date.now())
  const sim = await startSimulator({
    now: time.now,
    restoreDurationMs: 150_000,
    rateLimit: { limit: 10, windowMs: 60_000 },
  })
  try {
    const random = seeded(7)
    const signal = new AbortController().signal
    const ends = await Promise.all(
      Array.from({ length: legs }, (_, leg) =>
        time.leg(async () => {
          await time.sleep(leg * 100)
          const client = legClient(sim, time, random)
          await client.listJobBackups(SEED.jobs.main, 1)
          // The legs' lookups come first, as when every leg's runner starts at once.
          await time.sleep(1_000)
          const restore = await client.createRestore(SEED.backups.latest, {})
          return waitFromNow(client, restore.id, time, signal, (deps) => {
            // Without the restore's age, the budget cannot tell a fresh restore from an old one.
            if (!byAge) deps.holdMs = () => client.checkHoldMs()
          })
        }),
      ),
    )
    const counted = sim.requests.filter((r) => r.status !== 429)
    const firstAt = counted[0]?.at ?? 0
    // The limiter opens a window at the first counted request after the last one closed.
    const secondOpens = counted.find((r) => r.at >= firstAt + 60_000)?.at ?? Infinity
    const late = new Set(
      sim.restores.filter((r) => r.createdAt >= secondOpens).map((restore) => restore.id),
    )
    const wasted = counted.filter(
      (r) =>
        r.route === 'getRestore' &&
        r.at < secondOpens + 60_000 &&
        late.has(r.path.split('/').pop() ?? ''),
    ).length
    return { ends, late: late.size, wasted, restores: sim.restores.length }
  } finally {
    await sim.close()
  }
}

describe('restores started in the window after the token ran out', () => {
  it('are first checked in the window after, leaving theirs to the restores started before', async () => {
    const byAge = await startBurst(8, true)
    expect(byAge.ends.map((end) => end.kind)).toEqual(Array(8).fill('succeeded'))
    expect(byAge.restores).toBe(8)
    expect(byAge.late).toBeGreaterThan(2)
    expect(byAge.wasted).toBe(0)
    const blind = await startBurst(8, false)
    expect(blind.wasted).toBeGreaterThan(0)
  })
})
