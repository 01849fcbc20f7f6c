// The one attempt loop, on plain values and a fake clock: what ends it (success, a refusal, the
// attempts spent, the deadline, a cancel), the pauses it takes, and that no retry is started
// that could not finish before the deadline.
import { describe, expect, it } from '@jest/globals'
import { withAttempts, type Attempt, type AttemptDeps } from '../src/http/attempts.js'
import { MAX_ATTEMPTS, POST_POLICY, READ_POLICY, type FailureFacts } from '../src/http/retry.js'
import { fakeTime } from './fixtures/fake-time.js'

interface Fail extends FailureFacts {
  name: string
}

const fail = (name: string, facts: Partial<Fail> = {}, retryAfter?: string) =>
  ({
    ok: false,
    failure: { kind: 'server', status: 503, name, ...facts },
    ...(retryAfter !== undefined ? { retryAfter } : {}),
  }) as Attempt<string, Fail>
const succeed = (value: string): Attempt<string, Fail> => ({ ok: true, value })

/** Attempts that answer `script` in turn, recording each call's number and time left. */
function scripted(script: Attempt<string, Fail>[]) {
  const calls: { attempt: number; leftMs: number }[] = []
  const attempt = async (n: number, leftMs: number): Promise<Attempt<string, Fail>> => {
    calls.push({ attempt: n, leftMs })
    const next = script[n - 1]
    if (next === undefined) throw new Error(`attempt ${n} was not expected`)
    return next
  }
  return { attempt, calls }
}

function setup(overrides: Partial<AttemptDeps<Fail>> = {}) {
  const time = fakeTime(1_000_000)
  const notices: { attempt: number; delayMs: number; name: string }[] = []
  const deps: AttemptDeps<Fail> = {
    deadline: time.clock.now() + 600_000,
    clock: time.clock,
    sleep: time.sleep,
    random: () => 0.5,
    onRetry: ({ attempt, delayMs, failure }) =>
      notices.push({ attempt, delayMs, name: failure.name }),
    ...overrides,
  }
  return { time, deps, notices }
}

describe('withAttempts', () => {
  it('returns the first success, with the attempts it took', async () => {
    const { deps, time } = setup()
    const { attempt, calls } = scripted([succeed('done')])
    expect(await withAttempts(attempt, READ_POLICY, deps)).toEqual({
      ok: true,
      value: 'done',
      attempts: 1,
    })
    expect(calls).toEqual([{ attempt: 1, leftMs: 600_000 }])
    expect(time.sleeps).toEqual([])
  })

  it('retries what the policy allows, pausing by backoff, and says so before each pause', async () => {
    const { deps, time, notices } = setup()
    const { attempt, calls } = scripted([fail('a'), fail('b'), succeed('done')])
    const ended = await withAttempts(attempt, READ_POLICY, deps)
    expect(ended).toEqual({ ok: true, value: 'done', attempts: 3 })
    // Full jitter at 0.5: half of 1 s, then half of 2 s.
    expect(time.sleeps).toEqual([500, 1000])
    expect(notices).toEqual([
      { attempt: 1, delayMs: 500, name: 'a' },
      { attempt: 2, delayMs: 1000, name: 'b' },
    ])
    // Each attempt is told the time left before the deadline.
    expect(calls.map((call) => call.leftMs)).toEqual([600_000, 599_500, 598_500])
  })

  it("waits for the server's Retry-After, plus its spread", async () => {
    const { deps, time } = setup()
    const { attempt } = scripted([
      fail('busy', { kind: 'rate_limited', status: 429 }, '7'),
      succeed('ok'),
    ])
    await withAttempts(attempt, READ_POLICY, deps)
    expect(time.sleeps).toEqual([7_500])
  })

  it('ends at once on a failure the policy refuses, with that failure', async () => {
    const { deps, time, notices } = setup()
    const { attempt, calls } = scripted([fail('gone', { kind: 'not_found', status: 404 })])
    const ended = await withAttempts(attempt, READ_POLICY, deps)
    expect(ended).toMatchObject({ ok: false, end: 'refused', attempts: 1, last: { name: 'gone' } })
    expect([calls.length, time.sleeps, notices]).toEqual([1, [], []])
  })

  it(`gives up after ${MAX_ATTEMPTS} attempts, with the last failure`, async () => {
    const { deps, time } = setup()
    const { attempt, calls } = scripted(['1', '2', '3', '4', '5'].map((n) => fail(n)))
    const ended = await withAttempts(attempt, READ_POLICY, deps)
    expect(ended).toMatchObject({ ok: false, end: 'exhausted', attempts: 5, last: { name: '5' } })
    expect([calls.length, time.sleeps.length]).toEqual([5, 4])
  })

  it.each<[string, Partial<Fail>, boolean]>([
    ['a 429', { kind: 'rate_limited', status: 429 }, true],
    ['a refused connection', { kind: 'network', status: undefined, code: 'ECONNREFUSED' }, true],
    ['a 503', { kind: 'server', status: 503 }, false],
    ['a reset connection', { kind: 'network', status: undefined, code: 'ECONNRESET' }, false],
    ['a timeout', { kind: 'timeout', status: undefined }, false],
  ])('under the restore POST policy, %s is sent again: %s', async (_, facts, again) => {
    const { deps } = setup()
    const { attempt, calls } = scripted([fail('first', facts), succeed('created')])
    const ended = await withAttempts(attempt, POST_POLICY, deps)
    expect(calls.length).toBe(again ? 2 : 1)
    expect(ended.ok).toBe(again)
  })

  it('starts no attempt once the deadline has come', async () => {
    const { deps, time } = setup()
    const { attempt, calls } = scripted([succeed('late')])
    const ended = await withAttempts(attempt, READ_POLICY, { ...deps, deadline: time.clock.now() })
    expect(ended).toEqual({ ok: false, end: 'deadline', attempts: 0, last: undefined })
    expect(calls).toEqual([])
  })

  it('starts no retry whose pause would reach the deadline: the real failure is kept', async () => {
    const { deps, time, notices } = setup()
    const deadline = time.clock.now() + 7_500
    const { attempt, calls } = scripted([fail('busy', { kind: 'rate_limited', status: 429 }, '7')])
    const ended = await withAttempts(attempt, READ_POLICY, { ...deps, deadline })
    expect(ended).toMatchObject({ ok: false, end: 'deadline', attempts: 1, last: { name: 'busy' } })
    expect([calls.length, time.sleeps, notices]).toEqual([1, [], []])
  })

  it('retries when the pause ends before the deadline, with only the time left', async () => {
    const { deps, time } = setup()
    const deadline = time.clock.now() + 7_501
    const { attempt, calls } = scripted([
      fail('busy', { kind: 'rate_limited', status: 429 }, '7'),
      succeed('in time'),
    ])
    const ended = await withAttempts(attempt, READ_POLICY, { ...deps, deadline })
    expect(ended).toMatchObject({ ok: true, value: 'in time', attempts: 2 })
    expect(calls[1]).toEqual({ attempt: 2, leftMs: 1 })
  })

  it('keeps the failure before a pause that overran the deadline', async () => {
    const { deps, time } = setup()
    // A sleep that oversleeps, as a busy runner may.
    const sleep = async (ms: number): Promise<void> => time.advance(ms + 10_000)
    const deadline = time.clock.now() + 5_000
    const { attempt, calls } = scripted([fail('first')])
    const ended = await withAttempts(attempt, READ_POLICY, { ...deps, sleep, deadline })
    expect(ended).toMatchObject({
      ok: false,
      end: 'deadline',
      attempts: 1,
      last: { name: 'first' },
    })
    expect(calls.length).toBe(1)
  })

  it('starts nothing when already cancelled', async () => {
    const controller = new AbortController()
    controller.abort()
    const { deps } = setup({ signal: controller.signal })
    const { attempt, calls } = scripted([succeed('never')])
    const ended = await withAttempts(attempt, READ_POLICY, deps)
    expect(ended).toEqual({ ok: false, end: 'cancelled', attempts: 0, last: undefined })
    expect(calls).toEqual([])
  })

  it('is cancelled during a pause, with the attempts made and the failure before', async () => {
    const controller = new AbortController()
    const { deps, time } = setup({ signal: controller.signal })
    const sleep = async (ms: number, signal?: AbortSignal): Promise<void> => {
      controller.abort()
      await time.sleep(ms, signal)
    }
    const { attempt, calls } = scripted([fail('first'), succeed('never')])
    const ended = await withAttempts(attempt, READ_POLICY, { ...deps, sleep })
    expect(ended).toMatchObject({
      ok: false,
      end: 'cancelled',
      attempts: 1,
      last: { name: 'first' },
    })
    expect(calls.length).toBe(1)
  })

  it('lets a sleep that fails for another reason, or an attempt that throws, through', async () => {
    const { deps } = setup()
    const broken = async (): Promise<void> => {
      throw new Error('no timers left')
    }
    const { attempt } = scripted([fail('first')])
    await expect(withAttempts(attempt, READ_POLICY, { ...deps, sleep: broken })).rejects.toThrow(
      'no timers left',
    )
    const throwing = async (): Promise<Attempt<string, Fail>> => {
      throw new Error('the disk is full')
    }
    await expect(withAttempts(throwing, READ_POLICY, deps)).rejects.toThrow('the disk is full')
  })
})
