// The simulator's hostile side and its own life: the rate limit, injected faults, reset() and
// close(), over plain HTTP.
import { describe, expect, it } from '@jest/globals'
import { Agent, request } from 'node:http'
import { READ_ONLY_TOKEN, SEED, startSimulator } from '../simulator/index.js'
import { call, json, listPath, restorePath, useSimulator } from './helpers/sim-api.js'

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))
const lab = useSimulator()

describe('rate limit', () => {
  it('answers 429 with Retry-After per token once a window is used up', async () => {
    const s = await lab.start({ rateLimit: { limit: 2, windowMs: 60_000, retryAfterSeconds: 3 } })
    const path = `/v1/backups/${SEED.backups.latest}`
    const remaining = []
    for (let i = 0; i < 2; i++) {
      const res = await call(s, path)
      expect(res.headers.get('x-ratelimit-limit')).toBe('2')
      remaining.push(res.headers.get('x-ratelimit-remaining'))
    }
    expect(remaining).toEqual(['1', '0'])
    const limited = await call(s, path)
    expect(limited.status).toBe(429)
    expect(limited.headers.get('retry-after')).toBe('3')
    expect(limited.headers.get('x-ratelimit-remaining')).toBe('0')
    expect((await call(s, path, { token: READ_ONLY_TOKEN })).status).toBe(200)
    s.configure({ rateLimit: null })
    expect((await call(s, path)).status).toBe(200)
  })
})

describe('rate limit like Laravel', () => {
  it('counts no refused request, and names the end of the window on a 429', async () => {
    let now = 1_700_000_000_500
    const s = await lab.start({ now: () => now, rateLimit: { limit: 2, windowMs: 60_000 } })
    const path = `/v1/backups/${SEED.backups.latest}`
    expect((await call(s, path)).status).toBe(200)
    now += 10_000
    expect((await call(s, path)).status).toBe(200)
    now += 5_000
    for (let i = 0; i < 3; i++) {
      const limited = await call(s, path)
      expect(limited.status).toBe(429)
      expect(limited.headers.get('x-ratelimit-remaining')).toBe('0')
      // The window opened at the first request: 45 s of it are left.
      expect(limited.headers.get('retry-after')).toBe('45')
      expect(limited.headers.get('x-ratelimit-reset')).toBe(String(Math.ceil(now / 1000) + 45))
    }
    // Once it closes the whole limit is there again: the 429s were not counted.
    now += 45_000
    const fresh = await call(s, path)
    expect([fresh.status, fresh.headers.get('x-ratelimit-remaining')]).toEqual([200, '1'])
  })
})

describe('faults', () => {
  const backup = `/v1/backups/${SEED.backups.latest}`

  it('answers an injected status before auth, once by default, in order of injection', async () => {
    lab.sim.inject({ route: 'getBackup', kind: 'status', status: 503, retryAfter: '2' })
    lab.sim.inject({ route: 'getBackup', kind: 'status', status: 500, body: 'oops' })
    const first = await call(lab.sim, backup, { token: null })
    expect([first.status, first.headers.get('retry-after')]).toEqual([503, '2'])
    expect(await first.json()).toEqual({ message: 'Service Unavailable' })
    const second = await call(lab.sim, backup)
    expect([second.status, await second.text()]).toEqual([500, 'oops'])
    expect(second.headers.get('x-request-id')).toMatch(/^req_/)
    expect((await call(lab.sim, backup)).status).toBe(200)
    expect(lab.sim.requests.at(-3)?.status).toBe(503)
  })

  it('honours times and match, and clearFaults', async () => {
    lab.sim.inject({
      route: 'getBackup',
      kind: 'status',
      status: 502,
      times: 2,
      match: SEED.backups.older,
    })
    expect((await call(lab.sim, backup)).status).toBe(200)
    const older = `/v1/backups/${SEED.backups.older}`
    expect([(await call(lab.sim, older)).status, (await call(lab.sim, older)).status]).toEqual([
      502, 502,
    ])
    expect((await call(lab.sim, older)).status).toBe(200)
    lab.sim.inject({ route: 'getBackup', kind: 'drop', times: Infinity })
    lab.sim.clearFaults()
    expect((await call(lab.sim, older)).status).toBe(200)
    expect(() => lab.sim.inject({ route: 'getBackup', kind: 'truncate' })).toThrow(/storage/)
  })

  it('drops the connection, recording a null status', async () => {
    lab.sim.inject({ route: 'createRestore', kind: 'drop' })
    const count = lab.sim.restores.length
    await expect(
      call(lab.sim, restorePath(SEED.backups.latest), { method: 'POST', body: {} }),
    ).rejects.toThrow()
    expect(lab.sim.requests.at(-1)).toMatchObject({
      route: 'createRestore',
      status: null,
      body: {},
    })
    expect(lab.sim.restores.length).toBe(count)
  })

  it('delays, then answers normally', async () => {
    lab.sim.inject({ route: 'getBackup', kind: 'delay', ms: 120 })
    const began = Date.now()
    expect((await call(lab.sim, backup)).status).toBe(200)
    expect(Date.now() - began).toBeGreaterThanOrEqual(110)
  })

  it('sends malformed JSON, an HTML proxy page, and JSON of the wrong shape', async () => {
    lab.sim.inject({ route: 'listBackups', kind: 'malformed' })
    lab.sim.inject({ route: 'listBackups', kind: 'html' })
    lab.sim.inject({ route: 'listBackups', kind: 'wrongShape' })
    const path = listPath(SEED.jobs.main, '')
    const malformed = await call(lab.sim, path)
    expect([malformed.status, malformed.headers.get('content-type')]).toEqual([
      200,
      'application/json',
    ])
    await expect(malformed.json()).rejects.toThrow()
    const html = await call(lab.sim, path)
    expect([html.status, html.headers.get('content-type')]).toEqual([502, 'text/html'])
    expect(await html.text()).toContain('<html>')
    expect(await call(lab.sim, path).then((r) => r.json())).toEqual({ result: [] })
  })
})

describe('reset', () => {
  it('is as if just started: options, faults, recorded requests and restores, added backups', async () => {
    let clock = Date.UTC(2024, 0, 2, 3, 4, 5)
    const s = await lab.start({
      now: () => clock,
      restoreDurationMs: 60_000,
      runningStatus: 'thawing',
    })
    const added = s.addBackup({ jobId: SEED.jobs.other })
    s.configure({ restoreFinalStatus: 'failed', statusEndpoint: false, runningStatus: 'baking' })
    const [, { data }] = await json(s, restorePath(SEED.backups.latest), {
      method: 'POST',
      body: {},
    })
    s.inject({ route: 'getBackup', kind: 'status', status: 503, times: Infinity })
    s.reset()
    expect([s.requests, s.restores]).toEqual([[], []])
    expect((await call(s, `/v1/backups/${SEED.backups.latest}`)).status).toBe(200)
    expect((await call(s, `/v1/backups/${added}`)).status).toBe(404)
    expect((await call(s, `/v1/restores/${data.id}`)).status).toBe(404)
    const [, again] = await json(s, restorePath(SEED.backups.latest), { method: 'POST', body: {} })
    clock += 1_000
    // The options it was started with: the status endpoint back, the start's running word.
    expect((await json(s, `/v1/restores/${again.data.id}`))[1].data.status).toBe('thawing')
    expect(s.requests.map((r) => r.route)).toEqual([
      'getBackup',
      'getBackup',
      'getRestore',
      'createRestore',
      'getRestore',
    ])
  })
})

describe('close', () => {
  it('resolves with an idle keep-alive socket and a delayed answer in flight', async () => {
    const s = await startSimulator()
    const agent = new Agent({ keepAlive: true })
    await new Promise<void>((resolve, reject) => {
      const req = request(`${s.url}/v1/backups/${SEED.backups.latest}`, { agent }, (res) => {
        res.resume()
        res.on('end', resolve)
      })
      req.on('error', reject)
      req.end()
    })
    const timeouts = (): number =>
      process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length
    const idle = timeouts()
    s.inject({ route: 'getBackup', kind: 'delay', ms: 10_000 })
    // node:http rather than fetch: undici keeps a timer of its own for a while after a request,
    // which the count below would blame on the simulator.
    const pending = new Promise((resolve, reject) => {
      const req = request(`${s.url}/v1/backups/${SEED.backups.latest}`, { agent: false }, resolve)
      req.on('error', reject)
      req.end()
    })
    await sleep(20)
    const began = Date.now()
    await s.close()
    expect(Date.now() - began).toBeLessThan(500)
    await expect(pending).rejects.toThrow()
    expect(timeouts()).toBeLessThanOrEqual(idle)
    agent.destroy()
  })
})
