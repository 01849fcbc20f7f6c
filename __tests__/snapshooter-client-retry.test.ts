// Wire tests of the retry rules, the deadline and cancellation: the real client against the real
// simulator. Sleeps are recorded and return at once unless a test needs a real pause.
import { afterEach, describe, expect, it } from '@jest/globals'
import { SEED, type Simulator, startSimulator } from '../simulator/index.js'
import type { Sleep } from '../src/time.js'
import { MAY_HAVE_STARTED } from './fixtures/values.js'
import { failure, recordingSleep, useClientLab } from './helpers/client.js'
import { closedPort } from './helpers/proxy.js'

const { backups, files } = SEED

const lab = useClientLab()
const { client, sleeps, retries } = lab
const extra: Simulator[] = []

afterEach(async () => {
  await Promise.all(extra.splice(0).map((s) => s.close()))
})

describe('reads ride out passing trouble', () => {
  it('429 with Retry-After waits what the server asked, then succeeds', async () => {
    lab.sim.inject({ route: 'getBackup', kind: 'status', status: 429, retryAfter: '2', times: 2 })
    const backup = await client().getBackup(backups.latest)
    expect(backup.id).toBe(backups.latest)
    expect(sleeps).toEqual([2000, 2000])
    expect(retries.map((r) => [r.attempt, r.reason])).toEqual([
      [1, 'HTTP 429'],
      [2, 'HTTP 429'],
    ])
    expect(retries[0]?.request).toBe(`GET backup ${backups.latest}`)
    expect(lab.sim.count('getBackup')).toBe(3)
  })

  it('429 without Retry-After backs off with jitter, then succeeds', async () => {
    lab.sim.inject({ route: 'listBackups', kind: 'status', status: 429, times: 2 })
    const page = await client({ random: () => 0.5 }).listJobBackups(SEED.jobs.main, 1)
    expect(page.backups.length).toBeGreaterThan(0)
    expect(sleeps).toEqual([500, 1000])
  })

  it.each([500, 502, 503, 504])('HTTP %i is retried for reads', async (status) => {
    lab.sim.inject({ route: 'getBackup', kind: 'status', status })
    await client().getBackup(backups.latest)
    expect(lab.sim.count('getBackup')).toBe(2)
    expect(retries[0]?.reason).toBe(`HTTP ${status}`)
  })

  it("a proxy's 502 HTML page is retried like any 502", async () => {
    lab.sim.inject({ route: 'getRestore', kind: 'html', status: 502, times: 2 })
    const api = client()
    const created = await api.createRestore(backups.latest, {})
    expect((await api.getRestore(created.id)).id).toBe(created.id)
    expect(lab.sim.count('getRestore')).toBe(3)
  })

  it('a dropped connection is retried for reads', async () => {
    lab.sim.inject({ route: 'getBackup', kind: 'drop' })
    await client().getBackup(backups.latest)
    expect(lab.sim.count('getBackup')).toBe(2)
    expect(retries[0]?.reason).toBe('ECONNRESET')
  })

  it('a slow answer past the request timeout is abandoned and retried', async () => {
    lab.sim.inject({ route: 'getBackup', kind: 'delay', ms: 500 })
    const started = Date.now()
    await client({ requestTimeoutMs: 100 }).getBackup(backups.latest)
    expect(Date.now() - started).toBeLessThan(450)
    expect(retries[0]?.reason).toBe('no answer within 100 ms')
    expect(lab.sim.count('getBackup')).toBe(2)
  })

  it('the download links POST creates nothing, so it is retried like a read', async () => {
    lab.sim.inject({ route: 'download', kind: 'status', status: 503 })
    lab.sim.inject({ route: 'download', kind: 'drop' })
    const links = await client().getDownloadLinks(backups.latest)
    expect(Object.keys(links).length).toBeGreaterThan(0)
    expect(lab.sim.count('download', 'POST')).toBe(3)
  })

  it('gives up after 5 attempts, with the status, the count and the request id', async () => {
    lab.sim.inject({ route: 'getBackup', kind: 'status', status: 503, times: 10 })
    const error = await failure(client().getBackup(backups.latest))
    expect(error.kind).toBe('server')
    expect(error.attempts).toBe(5)
    expect(error.message).toMatch(
      /failed after 5 attempts: SnapShooter answered HTTP 503: "Service Unavailable": worth re-running later \(request id req_5\)$/,
    )
    expect(sleeps).toHaveLength(4)
    expect(lab.sim.count('getBackup')).toBe(5)
  })

  it('five slow answers end as a timeout after 5 attempts', async () => {
    lab.sim.inject({ route: 'getBackup', kind: 'delay', ms: 500, times: 5 })
    const error = await failure(client({ requestTimeoutMs: 100 }).getBackup(backups.latest))
    expect(error.kind).toBe('timeout')
    expect(error.attempts).toBe(5)
    expect(error.message).toContain('failed after 5 attempts: no answer within 100 ms')
  })

  it('a refused connection is retried, then points at api_url', async () => {
    const port = await closedPort()
    const api = client({ baseUrl: `http://127.0.0.1:${port}` })
    const error = await failure(api.getBackup(backups.latest))
    expect(error.kind).toBe('network')
    expect(error.code).toBe('ECONNREFUSED')
    expect(error.attempts).toBe(5)
    expect(error.message).toContain('connection refused (ECONNREFUSED): check `api_url`')
  })
})

describe('the restore POST is sent again only when the server surely did not act', () => {
  it.each([500, 502, 503, 504])(
    'after HTTP %i: exactly one POST, and the error says a restore may have started',
    async (status) => {
      lab.sim.inject({ route: 'createRestore', kind: 'status', status, times: 5 })
      const error = await failure(client().createRestore(backups.latest, {}))
      expect(error.kind).toBe('server')
      expect(error.mayHaveStarted).toBe(true)
      expect(error.message).toContain(MAY_HAVE_STARTED)
      expect(lab.sim.count('createRestore', 'POST')).toBe(1)
    },
  )

  it('after a timeout: exactly one POST', async () => {
    // A limit long enough for the POST to reach the simulator on a loaded machine: the count
    // below is of POSTs the server saw, and a request cut before it arrived would count none.
    lab.sim.inject({ route: 'createRestore', kind: 'delay', ms: 3000, times: 5 })
    const error = await failure(
      client({ requestTimeoutMs: 1000 }).createRestore(backups.latest, {}),
    )
    expect(error.kind).toBe('timeout')
    expect(error.mayHaveStarted).toBe(true)
    expect(error.message).toContain(`no answer within 1 s: ${MAY_HAVE_STARTED}`)
    expect(lab.sim.count('createRestore', 'POST')).toBe(1)
  })

  it('after a dropped connection: exactly one POST', async () => {
    lab.sim.inject({ route: 'createRestore', kind: 'drop', times: 5 })
    const error = await failure(client().createRestore(backups.latest, {}))
    expect(error.kind).toBe('network')
    expect(error.mayHaveStarted).toBe(true)
    expect(lab.sim.count('createRestore', 'POST')).toBe(1)
  })

  it('after an unreadable 2xx answer: the restore may have started', async () => {
    lab.sim.inject({ route: 'createRestore', kind: 'malformed' })
    const error = await failure(client().createRestore(backups.latest, {}))
    expect(error.kind).toBe('malformed')
    expect(error.status).toBe(200)
    expect(error.message).toContain(MAY_HAVE_STARTED)
    expect(lab.sim.count('createRestore', 'POST')).toBe(1)
  })

  it('after a 429: sent again, and exactly one restore exists', async () => {
    lab.sim.inject({ route: 'createRestore', kind: 'status', status: 429, retryAfter: '1' })
    const body = { files: [files.latestDb] }
    const restore = await client().createRestore(backups.latest, body)
    expect(lab.sim.count('createRestore', 'POST')).toBe(2)
    expect(lab.sim.restores).toHaveLength(1)
    expect(lab.sim.restores[0]?.id).toBe(restore.id)
    expect(sleeps).toEqual([1000])
  })

  it('after 429 until the deadline: not started, worth re-running later', async () => {
    lab.sim.inject({ route: 'createRestore', kind: 'status', status: 429, times: Infinity })
    let now = 1_700_000_000_000
    const clock = { now: () => now }
    const sleep: Sleep = async (ms) => {
      now += ms
    }
    const api = client({ clock, sleep, random: () => 0.5, deadline: now + 60_000 })
    const error = await failure(api.createRestore(backups.latest, {}))
    expect(error.kind).toBe('rate_limited')
    expect(error.mayHaveStarted).toBe(false)
    // A 429 proves the server did not act: sent again until the deadline, not five times.
    expect(error.attempts).toBeGreaterThan(5)
    expect(error.message).toContain(
      `after ${error.attempts} attempts: SnapShooter answered HTTP 429`,
    )
    expect(error.message).toContain('worth re-running later')
    expect(lab.sim.restores).toHaveLength(0)
  })

  it('a refused connection is retried: nothing was sent', async () => {
    const port = await closedPort()
    let started = false
    const sleep: Sleep = async (ms, signal) => {
      await recordingSleep({ sleeps })(ms, signal)
      // The API comes up while the client waits to retry.
      if (!started) extra.push(await startSimulator({ port }))
      started = true
    }
    const api = client({ baseUrl: `http://127.0.0.1:${port}`, sleep })
    const restore = await api.createRestore(backups.latest, {})
    expect(retries[0]?.reason).toBe('ECONNREFUSED')
    expect(extra[0]?.restores.map((r) => r.id)).toEqual([restore.id])
  })

  it('a refused connection five times: not started', async () => {
    const port = await closedPort()
    const api = client({ baseUrl: `http://127.0.0.1:${port}` })
    const error = await failure(api.createRestore(backups.latest, {}))
    expect(error.attempts).toBe(5)
    expect(error.mayHaveStarted).toBe(false)
    expect(error.message).not.toContain(MAY_HAVE_STARTED)
  })
})
