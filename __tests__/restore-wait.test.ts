import { describe, expect, it } from '@jest/globals'
import {
  LAST_CHECK_GRACE_MS,
  MAX_FAILED_CHECKS,
  waitForRestore,
  type WaitEvent,
  type WaitPlan,
} from '../src/restore/wait.js'
import { Budget } from '../src/http/budget.js'
import { ApiError, type ApiErrorKind } from '../src/snapshooter/errors.js'
import { fakeTime } from './fixtures/fake-time.js'
import { RESTORE_ID as ID, restore } from './fixtures/values.js'

function apiError(kind: ApiErrorKind, status?: number): ApiError {
  return new ApiError({
    kind,
    status,
    request: `GET restore ${ID}`,
    subject: { noun: 'restore', id: ID },
  })
}

/** Runs the loop against a status script: a function of ms since creation, returning a word or throwing. */
async function wait(
  script: (elapsedMs: number, check: number) => string,
  options: Partial<WaitPlan> & { abortAtMs?: number } = {},
) {
  const time = fakeTime()
  const createdAt = time.clock.now()
  const controller = new AbortController()
  const events: WaitEvent[] = []
  const checkedAt: number[] = []
  const untils: number[] = []
  const end = await waitForRestore(
    { restoreId: ID, createdAt, timeoutMs: 60_000, pollIntervalMs: 15_000, ...options },
    {
      clock: time.clock,
      sleep: async (ms, signal) => {
        const at = time.clock.now() - createdAt
        if (options.abortAtMs !== undefined && at + ms >= options.abortAtMs) controller.abort()
        await time.sleep(ms, signal)
      },
      signal: controller.signal,
      notify: (event) => events.push(event),
      getRestore: async (_, until) => {
        untils.push(until - createdAt)
        const elapsed = time.clock.now() - createdAt
        checkedAt.push(elapsed)
        return restore({ id: ID, status: script(elapsed, checkedAt.length) })
      },
    },
  )
  return { end, events, checkedAt, untils }
}

describe('waitForRestore', () => {
  it('notices a short restore within about a second', async () => {
    const { end, checkedAt } = await wait((at) => (at < 800 ? 'running' : 'completed'))
    expect(end).toMatchObject({ kind: 'succeeded', elapsedMs: 1000, checks: 1 })
    expect(checkedAt).toEqual([1000])
  })

  it('notices a long restore within one poll interval', async () => {
    const doneAt = 10 * 60_000
    const { end, checkedAt } = await wait((at) => (at < doneAt ? 'running' : 'completed'), {
      timeoutMs: 30 * 60_000,
    })
    expect(end.kind).toBe('succeeded')
    expect(end.elapsedMs - doneAt).toBeLessThanOrEqual(15_000)
    expect(checkedAt.length).toBeLessThan(50)
  })

  it('ends failed on a failure word', async () => {
    const { end } = await wait((at) => (at < 3000 ? 'running' : 'failed'))
    expect(end).toMatchObject({ kind: 'failed', restore: { status: 'failed' } })
  })

  it('logs one line per status change, not per check', async () => {
    const { events } = await wait((at) =>
      at < 2000 ? 'pending' : at < 9000 ? 'running' : 'completed',
    )
    expect(events.filter((event) => event.type === 'status')).toEqual([
      { type: 'status', from: null, to: 'pending', elapsedMs: 1000 },
      { type: 'status', from: 'pending', to: 'running', elapsedMs: 2500 },
      { type: 'status', from: 'running', to: 'completed', elapsedMs: expect.any(Number) },
    ])
  })

  it('times out with the last check on the deadline', async () => {
    const { end, checkedAt } = await wait(() => 'running', { timeoutMs: 20_000 })
    expect(end).toMatchObject({
      kind: 'timed_out',
      elapsedMs: 20_000,
      restore: { status: 'running' },
    })
    expect(checkedAt.at(-1)).toBe(20_000)
  })

  it('says now and then that it is still waiting', async () => {
    const { events } = await wait(() => 'running', { timeoutMs: 5 * 60_000 })
    const progress = events.filter((event) => event.type === 'progress')
    expect(progress.length).toBeGreaterThanOrEqual(4)
    expect(progress[0]).toMatchObject({ status: 'running' })
  })

  it('warns once about an unknown status word and keeps waiting', async () => {
    const { end, events } = await wait((at) => (at < 5000 ? 'thawing' : 'completed'))
    expect(end.kind).toBe('succeeded')
    expect(events.filter((event) => event.type === 'unknown_status')).toEqual([
      { type: 'unknown_status', word: 'thawing' },
    ])
  })

  it('rides out failed checks and recovers', async () => {
    const { end, events } = await wait((_, check) => {
      if (check <= 4) throw apiError(check % 2 ? 'server' : 'network', 503)
      return 'completed'
    })
    expect(end.kind).toBe('succeeded')
    expect(events.filter((event) => event.type === 'check_failed')).toHaveLength(4)
  })

  it(`ends after ${MAX_FAILED_CHECKS} failed checks in a row`, async () => {
    const { end, checkedAt } = await wait(
      () => {
        throw apiError('server', 503)
      },
      { timeoutMs: 3_600_000 },
    )
    expect(end.kind).toBe('error')
    expect(checkedAt).toHaveLength(MAX_FAILED_CHECKS)
    if (end.kind === 'error')
      expect(end.error.message).toContain(`${MAX_FAILED_CHECKS} status checks in a row failed`)
  })

  it('counts no 429 as a failed check: fifteen in a row, then success, succeeds', async () => {
    const { end, checkedAt, events } = await wait(
      (_, check) => {
        if (check <= 15) throw apiError('rate_limited', 429)
        return 'completed'
      },
      { timeoutMs: 3_600_000 },
    )
    expect(end.kind).toBe('succeeded')
    expect(checkedAt).toHaveLength(16)
    expect(events.filter((e) => e.type === 'rate_limited')).toHaveLength(15)
    expect(events.filter((e) => e.type === 'check_failed')).toHaveLength(0)
  })

  it('still ends at its deadline when every check is answered 429', async () => {
    const { end, checkedAt } = await wait(() => {
      throw apiError('rate_limited', 429)
    })
    expect(end.kind).toBe('timed_out')
    expect(checkedAt.at(-1)).toBe(60_000)
  })

  it('holds each check as long as the budget asks, never past the deadline', async () => {
    const time = fakeTime()
    const createdAt = time.clock.now()
    const checkedAt: number[] = []
    const end = await waitForRestore(
      { restoreId: ID, createdAt, timeoutMs: 60_000, pollIntervalMs: 15_000 },
      {
        clock: time.clock,
        sleep: time.sleep,
        signal: new AbortController().signal,
        notify: () => undefined,
        holdMs: () => 25_000,
        getRestore: async () => {
          checkedAt.push(time.clock.now() - createdAt)
          return restore({ id: ID, status: 'in_progress' })
        },
      },
    )
    expect(end.kind).toBe('timed_out')
    expect(checkedAt).toEqual([25_000, 50_000, 60_000])
  })

  it('holds a restore started just after the token ran out for the next window, cut at the deadline or a cancel', async () => {
    const time = fakeTime()
    const createdAt = time.clock.now()
    // Refused (429, the window closing 59 s on), then accepted as the next window opened.
    const budget = new Budget(() => 0)
    budget.observe({ limit: '60', remaining: '20' }, createdAt - 60_500)
    budget.observe({ limit: '60', remaining: '0', retryAfter: '59' }, createdAt - 59_500)
    budget.observe({ limit: '60', remaining: '40' }, createdAt)
    const run = (signal: AbortSignal, sleep = time.sleep) => {
      const checkedAt: number[] = []
      const ended = waitForRestore(
        { restoreId: ID, createdAt, timeoutMs: 30_000, pollIntervalMs: 15_000 },
        {
          clock: time.clock,
          sleep,
          signal,
          notify: () => undefined,
          holdMs: (created) => budget.holdMs(time.clock.now(), created),
          getRestore: async () => {
            checkedAt.push(time.clock.now() - createdAt)
            return restore({ id: ID, status: 'in_progress' })
          },
        },
      )
      return ended.then((end) => ({ end, checkedAt }))
    }
    // The next window opens 59.5 s on: past the deadline, where the one check is made.
    const held = await run(new AbortController().signal)
    expect(held.checkedAt).toEqual([30_000])
    expect(held.end.kind).toBe('timed_out')
    const controller = new AbortController()
    const cancelled = await run(controller.signal, (ms, signal) => {
      controller.abort()
      return time.sleep(ms, signal)
    })
    expect(cancelled).toMatchObject({ end: { kind: 'cancelled' }, checkedAt: [] })
  })

  it('explains a 404 on the first check: the restore exists, the endpoint may not', async () => {
    const { end } = await wait(() => {
      throw apiError('not_found', 404)
    })
    expect(end.kind).toBe('error')
    if (end.kind === 'error') {
      expect(end.error.message).toContain(`Restore ${ID} was created`)
      expect(end.error.message).toContain('`wait: false`')
    }
  })

  it('ends at once on an error that will not go away', async () => {
    const { end, checkedAt } = await wait((_, check) => {
      if (check === 1) return 'running'
      throw apiError('auth', 401)
    })
    expect(end).toMatchObject({ kind: 'error', restore: { status: 'running' } })
    expect(checkedAt).toHaveLength(2)
  })

  it('reports a check cut short by the deadline as the timeout, not as a failed check', async () => {
    const { end, events } = await wait(
      (at) => {
        if (at >= 20_000) throw apiError('deadline')
        return 'running'
      },
      { timeoutMs: 20_000 },
    )
    expect(end.kind).toBe('timed_out')
    expect(events.filter((event) => event.type === 'check_failed')).toEqual([])
  })

  it('cuts every check at the deadline but the one sent on it, which gets the grace', async () => {
    const { end, checkedAt, untils } = await wait(() => 'running', {
      timeoutMs: 5_000,
      pollIntervalMs: 15_000,
    })
    expect(end.kind).toBe('timed_out')
    expect(checkedAt).toEqual([1_000, 2_500, 4_750, 5_000])
    expect(untils).toEqual([5_000, 5_000, 5_000, 5_000 + LAST_CHECK_GRACE_MS])
  })

  it('ends timed out when the client says the deadline cut a check, even a moment early', async () => {
    const { end, events, checkedAt } = await wait(
      (at) => {
        if (at >= 2_500) throw apiError('deadline')
        return 'running'
      },
      { timeoutMs: 5_000 },
    )
    expect(end.kind).toBe('timed_out')
    expect(checkedAt).toEqual([1_000, 2_500])
    expect(events.filter((event) => event.type === 'check_failed')).toEqual([])
  })

  it('stops at once when cancelled', async () => {
    const { end, checkedAt } = await wait(() => 'running', { abortAtMs: 7000 })
    expect(end).toMatchObject({ kind: 'cancelled', restore: { status: 'running' } })
    expect(checkedAt.every((at) => at < 7000)).toBe(true)
  })
})
