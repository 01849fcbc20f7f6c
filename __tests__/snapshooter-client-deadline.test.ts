// Wire tests of the deadline, cancellation and clean-up: the real client against the real
// simulator. Sleeps are recorded and return at once unless a test needs a real pause.
import { describe, expect, it } from '@jest/globals'
import { DEMO_TOKEN, SEED } from '../simulator/index.js'
import { realSleep, type Sleep } from '../src/time.js'
import { fakeTime } from './fixtures/fake-time.js'
import { MAY_HAVE_STARTED } from './fixtures/values.js'
import { failure, useClientLab } from './helpers/client.js'

const { backups } = SEED

const lab = useClientLab()
const { client } = lab

describe('the deadline', () => {
  it('no retry starts when its pause would pass the deadline; the last error stands', async () => {
    const time = fakeTime(Date.now())
    lab.sim.inject({ route: 'getBackup', kind: 'status', status: 503, times: 5 })
    const { clock, sleep } = time
    const api = client({ clock, sleep, deadline: clock.now() + 1500, random: () => 0.999 })
    const error = await failure(api.getBackup(backups.latest))
    expect(error.kind).toBe('server')
    expect(error.attempts).toBe(2)
    expect(time.sleeps).toEqual([999])
    expect(lab.sim.count('getBackup')).toBe(2)
  })

  it('a pause that overruns the deadline ends with the failure before it', async () => {
    const time = fakeTime(Date.now())
    const overrun: Sleep = async (ms, signal) => {
      await time.sleep(ms, signal)
      await time.sleep(5_000, signal)
    }
    lab.sim.inject({ route: 'getBackup', kind: 'status', status: 502, times: 5 })
    const deadline = time.clock.now() + 3_000
    const error = await failure(
      client({ clock: time.clock, sleep: overrun, deadline }).getBackup(backups.latest),
    )
    expect(error.kind).toBe('server')
    expect(error.status).toBe(502)
    expect(error.attempts).toBe(1)
  })

  it('a deadline already passed sends nothing', async () => {
    const error = await failure(client({ deadline: Date.now() - 1 }).getBackup(backups.latest))
    expect(error.kind).toBe('deadline')
    expect(error.attempts).toBe(0)
    expect(error.message).toBe(
      `GET backup ${backups.latest} was not sent: the time limit (\`timeout\`) ran out`,
    )
    expect(lab.sim.requests).toHaveLength(0)
  })

  it('the request timeout is cut to the time left', async () => {
    lab.sim.inject({ route: 'getRestore', kind: 'delay', ms: 3000 })
    const started = Date.now()
    const api = client({ deadline: started + 150, requestTimeoutMs: 5000 })
    const error = await failure(api.getRestore(SEED.unknownId))
    expect(Date.now() - started).toBeLessThan(1000)
    expect(error.kind).toBe('deadline')
    expect(error.attempts).toBe(1)
    expect(error.message).toContain('got no answer before the time limit')
  })

  it('withDeadline keeps the connection settings and changes only the deadline', async () => {
    const api = client()
    const expired = api.withDeadline(Date.now() - 1)
    expect((await failure(expired.getBackup(backups.latest))).kind).toBe('deadline')
    expect((await api.withDeadline(Date.now() + 10_000).getBackup(backups.latest)).id).toBe(
      backups.latest,
    )
    expect(lab.sim.requests[0]?.headers.authorization).toBe(`Bearer ${DEMO_TOKEN}`)
  })
})

describe('cancellation', () => {
  it('an abort cancels a slow request at once', async () => {
    lab.sim.inject({ route: 'getBackup', kind: 'delay', ms: 5000 })
    const controller = new AbortController()
    const started = Date.now()
    setTimeout(() => controller.abort(), 50)
    const api = client({ signal: controller.signal, requestTimeoutMs: 10_000 })
    const error = await failure(api.getBackup(backups.latest))
    expect(error.kind).toBe('cancelled')
    expect(error.message).toBe(`GET backup ${backups.latest} was cancelled`)
    expect(Date.now() - started).toBeLessThan(1000)
  })

  it('an abort ends the pause between two attempts', async () => {
    lab.sim.inject({ route: 'getBackup', kind: 'status', status: 503, retryAfter: '30' })
    const controller = new AbortController()
    const started = Date.now()
    const api = client({ signal: controller.signal, sleep: realSleep })
    const pending = failure(api.getBackup(backups.latest))
    setTimeout(() => controller.abort(), 50)
    const error = await pending
    expect(error.kind).toBe('cancelled')
    expect(error.attempts).toBe(1)
    expect(Date.now() - started).toBeLessThan(1000)
    expect(lab.sim.count('getBackup')).toBe(1)
  })

  it('an aborted signal sends nothing', async () => {
    const controller = new AbortController()
    controller.abort()
    const error = await failure(client({ signal: controller.signal }).getBackup(backups.latest))
    expect(error.kind).toBe('cancelled')
    expect(error.attempts).toBe(0)
    expect(lab.sim.requests).toHaveLength(0)
  })

  it('a restore POST cancelled in flight may have started', async () => {
    lab.sim.inject({ route: 'createRestore', kind: 'delay', ms: 5000 })
    const controller = new AbortController()
    setTimeout(() => controller.abort(), 50)
    const api = client({ signal: controller.signal })
    const error = await failure(api.createRestore(backups.latest, {}))
    expect(error.kind).toBe('cancelled')
    expect(error.mayHaveStarted).toBe(true)
    expect(error.message).toContain(MAY_HAVE_STARTED)
  })
})

describe('after the work', () => {
  it('leaves no timer or socket that keeps the process alive', async () => {
    const live = (): string[] =>
      process.getActiveResourcesInfo().filter((r) => r === 'Timeout' || r === 'TCPSocketWrap')
    const before = live().length
    lab.sim.inject({ route: 'getBackup', kind: 'status', status: 503 })
    await client({ requestTimeoutMs: 30_000 }).getBackup(backups.latest)
    await new Promise((resolve) => setImmediate(resolve))
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(live().length).toBeLessThanOrEqual(before)
  })
})
