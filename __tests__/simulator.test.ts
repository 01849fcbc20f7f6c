import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { Agent, request } from 'node:http'
import { gunzipSync } from 'node:zlib'
import {
  DEMO_TOKEN,
  READ_ONLY_TOKEN,
  SEED,
  type Simulator,
  type SimulatorOptions,
  startSimulator,
} from '../simulator/index.js'

type Json = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

interface CallOptions {
  method?: string
  token?: string | null
  body?: unknown
  raw?: string
}

function call(sim: Simulator, path: string, options: CallOptions = {}): Promise<Response> {
  const token = options.token === undefined ? DEMO_TOKEN : options.token
  const headers: Record<string, string> = { Accept: 'application/json' }
  if (token !== null) headers.Authorization = `Bearer ${token}`
  let body = options.raw
  if (options.body !== undefined) body = JSON.stringify(options.body)
  if (body !== undefined) headers['Content-Type'] = 'application/json'
  return fetch(`${sim.url}${path}`, { method: options.method ?? 'GET', headers, body })
}

async function json(sim: Simulator, path: string, options?: CallOptions): Promise<[number, Json]> {
  const res = await call(sim, path, options)
  return [res.status, (await res.json()) as Json]
}

const restorePath = (backupId: string): string => `/v1/backups/${backupId}/restore`
const listPath = (jobId: string, query: string): string => `/v1/jobs/${jobId}/backups?${query}`

const sims: Simulator[] = []
async function start(options?: SimulatorOptions): Promise<Simulator> {
  const sim = await startSimulator(options)
  sims.push(sim)
  return sim
}

let sim: Simulator
beforeAll(async () => {
  sim = await start()
})
afterAll(async () => {
  await Promise.all(sims.map((s) => s.close()))
})

describe('seeded backups', () => {
  it('shows a backup with every field, secrets included, and a request id', async () => {
    const res = await call(sim, `/v1/backups/${SEED.backups.latest}`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/json')
    expect(res.headers.get('x-request-id')).toMatch(/^req_\d+$/)
    const { data } = (await res.json()) as Json
    expect(data).toMatchObject({
      id: SEED.backups.latest,
      job_id: SEED.jobs.main,
      status: 'completed',
    })
    expect(Object.keys(data).sort()).toEqual(
      [
        'completed_at',
        'created_at',
        'encryption_key',
        'files',
        'id',
        'job_id',
        'monitoring_available',
      ]
        .concat(['s3_directory', 'started_at', 'status', 'tags'])
        .sort(),
    )
    expect(Buffer.from(data.encryption_key, 'base64').toString()).toContain('BEGIN')
    for (const field of ['created_at', 'started_at', 'completed_at']) {
      expect(data[field]).toMatch(TIMESTAMP)
    }
    expect(data.s3_directory).toMatch(
      /^snapshooter\/6f7c5f07-docker-mysql-ssh\/\d{4}\/\d\d\/\d\d\/\d\d-\d\d$/,
    )
    expect(data.files.map((f: Json) => f.id)).toEqual([
      SEED.files.latestDb,
      SEED.files.latestSite,
      SEED.files.latestRun,
    ])
    for (const file of data.files) {
      expect(file.name.startsWith(`${data.s3_directory}/`)).toBe(true)
      expect(file.size).toMatch(/^\d+ bytes$/)
      expect(file.url).toMatch(/X-Amz-Signature=[0-9a-f]{64}$/)
    }
    const age = Date.now() - Date.parse(data.completed_at)
    expect(age).toBeGreaterThan(59 * 60_000)
    expect(age).toBeLessThan(61 * 60_000)
  })

  it('answers 404 for unknown or malformed ids and paths, 405 for a wrong method', async () => {
    expect((await json(sim, `/v1/backups/${SEED.unknownId}`))[1]).toEqual({ message: 'Not found.' })
    expect((await call(sim, '/v1/backups/not-a-uuid')).status).toBe(404)
    expect((await call(sim, listPath(SEED.unknownId, ''))).status).toBe(404)
    expect((await call(sim, `/v1/restores/${SEED.unknownId}`)).status).toBe(404)
    expect((await call(sim, '/v1/nowhere')).status).toBe(404)
    const res = await call(sim, `/v1/backups/${SEED.backups.latest}`, { method: 'DELETE' })
    expect(res.status).toBe(405)
    expect(res.headers.get('x-request-id')).toMatch(/^req_/)
  })

  it('answers 401 without a known bearer token', async () => {
    for (const token of [null, 'nope']) {
      const [status, body] = await json(sim, `/v1/backups/${SEED.backups.latest}`, { token })
      expect([status, body]).toEqual([401, { message: 'Unauthenticated.' }])
    }
  })
})

describe('listing a job', () => {
  const ids = (body: Json): string[] => body.data.map((b: Json) => b.id)

  it('sorts by completed_at both ways, unfinished backups counting as newest', async () => {
    const main = SEED.backups
    const [, desc] = await json(sim, listPath(SEED.jobs.main, 'sort=-completed_at'))
    expect(ids(desc)).toEqual([main.running, main.latest, main.failed, main.older])
    expect(desc.data[0].completed_at).toBeNull()
    const [, asc] = await json(sim, listPath(SEED.jobs.main, 'sort=completed_at'))
    expect(ids(asc)).toEqual([main.older, main.failed, main.latest, main.running])
    const [, unsorted] = await json(sim, listPath(SEED.jobs.main, ''))
    expect(ids(unsorted)[0]).toBe(main.older)
    expect((await call(sim, listPath(SEED.jobs.main, 'sort=-size'))).status).toBe(400)
  })

  it('pages with links.next, meta, and a page_size clamped to 15..100', async () => {
    const asked = 'sort=-completed_at&page_size=100'
    const [, first] = await json(sim, listPath(SEED.jobs.paged, asked))
    expect(first.data).toHaveLength(100)
    expect(first.data.every((b: Json) => b.status === 'failed')).toBe(true)
    expect(first.meta).toEqual({
      current_page: 1,
      last_page: 2,
      per_page: 100,
      total: 120,
      from: 1,
      to: 100,
      path: `${sim.url}/v1/jobs/${SEED.jobs.paged}/backups`,
    })
    expect(first.links.prev).toBeNull()
    // Like a Laravel paginator's, the links keep `page` only: the next page is asked by number,
    // with the same parameters.
    expect(first.links.next).toBe(`${sim.url}/v1/jobs/${SEED.jobs.paged}/backups?page=2`)
    const [, followed] = await json(sim, first.links.next.slice(sim.url.length))
    expect(followed.meta).toMatchObject({ current_page: 2, per_page: 15, from: 16 })
    const [, second] = await json(sim, listPath(SEED.jobs.paged, `${asked}&page=2`))
    expect(second.meta).toMatchObject({ current_page: 2, from: 101, to: 120 })
    expect(second.links.next).toBeNull()
    expect(second.data.find((b: Json) => b.status === 'completed').id).toBe(
      SEED.backups.pagedLatest,
    )

    const [, eighth] = await json(sim, listPath(SEED.jobs.paged, 'sort=-completed_at&page=8'))
    expect(eighth.meta).toMatchObject({ per_page: 15, last_page: 8, from: 106 })
    expect(eighth.data.find((b: Json) => b.status === 'completed').id).toBe(
      SEED.backups.pagedLatest,
    )
    expect((await json(sim, listPath(SEED.jobs.paged, 'page_size=5')))[1].meta.per_page).toBe(15)
    expect((await json(sim, listPath(SEED.jobs.paged, 'page_size=500')))[1].meta.per_page).toBe(100)
    const [, beyond] = await json(sim, listPath(SEED.jobs.paged, 'page=99'))
    expect([beyond.data.length, beyond.meta.from, beyond.links.next]).toEqual([0, null, null])
  })

  it('has a job without any completed backup', async () => {
    const [, body] = await json(sim, listPath(SEED.jobs.empty, 'sort=-completed_at'))
    expect(body.data.map((b: Json) => b.status)).toEqual(['failed', 'failed', 'failed'])
  })
})

describe('restores', () => {
  it('creates a restore shaped like the reference, with compute and selected files', async () => {
    const before = sim.count('createRestore', 'POST')
    const body = { files: [SEED.files.latestRun], compute: { type: 'server', server_id: 3 } }
    const [status, { data }] = await json(sim, restorePath(SEED.backups.latest), {
      method: 'POST',
      body,
    })
    expect(status).toBe(201)
    expect(data).toMatchObject({
      job_id: SEED.jobs.main,
      backup_id: SEED.backups.latest,
      status: 'pending',
      started_at: null,
      completed_at: null,
      compute: { id: 3, type: 'server', server: { id: 3, user: 'root', port: 22 } },
    })
    expect(data.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(data.created_at).toMatch(TIMESTAMP)
    expect(data.compute.server.last_used).toMatch(TIMESTAMP)
    expect(data.files).toHaveLength(1)
    expect(data.files[0]).toMatchObject({
      id: SEED.files.latestRun,
      url: expect.stringContaining('X-Amz-Signature='),
    })
    expect(sim.count('createRestore', 'POST')).toBe(before + 1)
    expect(sim.restores.at(-1)?.id).toBe(data.id)
    expect(sim.requests.at(-1)?.body).toEqual(body)

    const [, all] = await json(sim, restorePath(SEED.backups.older), { method: 'POST', raw: '' })
    expect([all.data.compute, all.data.files.length]).toEqual([null, 2])
  })

  it.each([
    [{ files: ['f7a4b142-0000-4000-8000-000000000000'] }, 'files.0'],
    [{ files: [] }, 'files'],
    [{ compute: { type: 'lambda', server_id: 3 } }, 'compute.type'],
    [{ compute: { type: 'server', server_id: 4 } }, 'compute.server_id'],
    [{ compute: { type: 'server' } }, 'compute.server_id'],
  ])('answers 422 for %j', async (body, key) => {
    const [status, answer] = await json(sim, restorePath(SEED.backups.latest), {
      method: 'POST',
      body,
    })
    expect(status).toBe(422)
    expect(answer.message).toBe('The given data was invalid.')
    expect(Object.keys(answer.errors)).toEqual([key])
  })

  it('refuses backups that are not completed, bad JSON, unknown backups, read-only tokens', async () => {
    const post = (id: string, options: CallOptions = {}): Promise<[number, Json]> =>
      json(sim, restorePath(id), { method: 'POST', body: {}, ...options })
    const [failed, errors] = await post(SEED.backups.failed)
    expect([failed, Object.keys(errors.errors)]).toEqual([422, ['backup']])
    expect((await post(SEED.backups.latest, { body: undefined, raw: '{"files": [' }))[0]).toBe(400)
    expect((await post(SEED.unknownId))[0]).toBe(404)
    const count = sim.restores.length
    expect(await post(SEED.backups.latest, { token: READ_ONLY_TOKEN })).toEqual([
      403,
      { message: 'This action is unauthorized.' },
    ])
    expect(sim.restores.length).toBe(count)
    const [readStatus] = await json(sim, `/v1/backups/${SEED.backups.latest}`, {
      token: READ_ONLY_TOKEN,
    })
    expect(readStatus).toBe(200)
  })
})

describe('restore lifecycle', () => {
  async function poll(s: Simulator, id: string): Promise<Json> {
    return (await json(s, `/v1/restores/${id}`))[1].data
  }

  it('goes pending, running, then the final status, with API times (real clock)', async () => {
    const s = await start({ restoreDurationMs: 300, pendingMs: 100 })
    const [, { data }] = await json(s, restorePath(SEED.backups.latest), {
      method: 'POST',
      body: {},
    })
    const created = Date.parse(data.created_at)
    expect((await poll(s, data.id)).status).toBe('pending')
    await sleep(150)
    const running = await poll(s, data.id)
    expect([running.status, Date.parse(running.started_at) - created]).toEqual(['running', 100])
    expect(running.completed_at).toBeNull()
    s.configure({ restoreFinalStatus: 'failed', runningStatus: 'in_progress' })
    const [, second] = await json(s, restorePath(SEED.backups.latest), { method: 'POST', body: {} })
    await sleep(200)
    const done = await poll(s, data.id)
    expect([done.status, Date.parse(done.completed_at) - created]).toEqual(['completed', 300])
    expect((await poll(s, second.data.id)).status).toBe('in_progress')
    await sleep(130)
    expect((await poll(s, second.data.id)).status).toBe('failed')
  })

  it('follows an injected clock, and can act as if the status endpoint did not exist', async () => {
    let clock = Date.UTC(2024, 0, 2, 3, 4, 5)
    const s = await start({ now: () => clock, restoreDurationMs: 60_000 })
    const [, { data }] = await json(s, restorePath(SEED.backups.latest), {
      method: 'POST',
      body: {},
    })
    expect(data.created_at).toBe('2024-01-02T03:04:05.000000Z')
    clock += 299
    expect((await poll(s, data.id)).status).toBe('pending')
    clock += 1
    expect((await poll(s, data.id)).started_at).toBe('2024-01-02T03:04:05.300000Z')
    clock += 60_000
    expect((await poll(s, data.id)).completed_at).toBe('2024-01-02T03:05:05.000000Z')
    s.configure({ statusEndpoint: false })
    expect((await call(s, `/v1/restores/${data.id}`)).status).toBe(404)
    s.configure({ statusEndpoint: true })
    expect((await call(s, `/v1/restores/${data.id}`)).status).toBe(200)
  })
})

describe('rate limit', () => {
  it('answers 429 with Retry-After per token once a window is used up', async () => {
    const s = await start({ rateLimit: { limit: 2, windowMs: 60_000, retryAfterSeconds: 3 } })
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

describe('faults', () => {
  const backup = `/v1/backups/${SEED.backups.latest}`

  it('answers an injected status before auth, once by default, in order of injection', async () => {
    sim.inject({ route: 'getBackup', kind: 'status', status: 503, retryAfter: '2' })
    sim.inject({ route: 'getBackup', kind: 'status', status: 500, body: 'oops' })
    const first = await call(sim, backup, { token: null })
    expect([first.status, first.headers.get('retry-after')]).toEqual([503, '2'])
    expect(await first.json()).toEqual({ message: 'Service Unavailable' })
    const second = await call(sim, backup)
    expect([second.status, await second.text()]).toEqual([500, 'oops'])
    expect(second.headers.get('x-request-id')).toMatch(/^req_/)
    expect((await call(sim, backup)).status).toBe(200)
    expect(sim.requests.at(-3)?.status).toBe(503)
  })

  it('honours times and match, and clearFaults', async () => {
    sim.inject({
      route: 'getBackup',
      kind: 'status',
      status: 502,
      times: 2,
      match: SEED.backups.older,
    })
    expect((await call(sim, backup)).status).toBe(200)
    const older = `/v1/backups/${SEED.backups.older}`
    expect([(await call(sim, older)).status, (await call(sim, older)).status]).toEqual([502, 502])
    expect((await call(sim, older)).status).toBe(200)
    sim.inject({ route: 'getBackup', kind: 'drop', times: Infinity })
    sim.clearFaults()
    expect((await call(sim, older)).status).toBe(200)
    expect(() => sim.inject({ route: 'getBackup', kind: 'truncate' })).toThrow(/storage/)
  })

  it('drops the connection, recording a null status', async () => {
    sim.inject({ route: 'createRestore', kind: 'drop' })
    const count = sim.restores.length
    await expect(
      call(sim, restorePath(SEED.backups.latest), { method: 'POST', body: {} }),
    ).rejects.toThrow()
    expect(sim.requests.at(-1)).toMatchObject({ route: 'createRestore', status: null, body: {} })
    expect(sim.restores.length).toBe(count)
  })

  it('delays, then answers normally', async () => {
    sim.inject({ route: 'getBackup', kind: 'delay', ms: 120 })
    const began = Date.now()
    expect((await call(sim, backup)).status).toBe(200)
    expect(Date.now() - began).toBeGreaterThanOrEqual(110)
  })

  it('sends malformed JSON, an HTML proxy page, and JSON of the wrong shape', async () => {
    sim.inject({ route: 'listBackups', kind: 'malformed' })
    sim.inject({ route: 'listBackups', kind: 'html' })
    sim.inject({ route: 'listBackups', kind: 'wrongShape' })
    const path = listPath(SEED.jobs.main, '')
    const malformed = await call(sim, path)
    expect([malformed.status, malformed.headers.get('content-type')]).toEqual([
      200,
      'application/json',
    ])
    await expect(malformed.json()).rejects.toThrow()
    const html = await call(sim, path)
    expect([html.status, html.headers.get('content-type')]).toEqual([502, 'text/html'])
    expect(await html.text()).toContain('<html>')
    expect(await call(sim, path).then((r) => r.json())).toEqual({ result: [] })
  })
})

describe('storage', () => {
  async function links(): Promise<Record<string, string>> {
    const [status, body] = await json(sim, `/v1/backups/${SEED.backups.latest}/download`, {
      method: 'POST',
    })
    expect(status).toBe(200)
    return body.data
  }

  it('serves real bytes, matching size, without asking for Authorization', async () => {
    const urls = await links()
    expect(Object.keys(urls)).toEqual(['db.sql.gz', 'site.tar.gz', 'run.sh'])
    expect(urls['run.sh']).not.toBe((await links())['run.sh'])
    const [, { data }] = await json(sim, `/v1/backups/${SEED.backups.latest}`)
    for (const file of data.files as Json[]) {
      const base = file.name.split('/').at(-1)
      for (const url of [urls[base] as string, file.url as string]) {
        const res = await fetch(url)
        expect(res.status).toBe(200)
        const bytes = Buffer.from(await res.arrayBuffer())
        expect(`${bytes.length} bytes`).toBe(file.size)
        expect(res.headers.get('content-length')).toBe(String(bytes.length))
        const text = base.endsWith('.gz') ? gunzipSync(bytes).toString() : bytes.toString()
        expect(text.length).toBeGreaterThan(200)
      }
    }
    const last = sim.requests.at(-1)
    expect([last?.route, last?.headers.authorization]).toEqual(['storage', undefined])
  })

  it('answers 403 for an unknown signature or another file’s signature', async () => {
    const urls = await links()
    const forged = (urls['run.sh'] as string).replace(
      /Signature=[0-9a-f]+/,
      `Signature=${'0'.repeat(64)}`,
    )
    expect((await fetch(forged)).status).toBe(403)
    const signature = (urls['run.sh'] as string).split('Signature=')[1]
    const swapped = (urls['db.sql.gz'] as string).replace(
      /Signature=[0-9a-f]+/,
      `Signature=${signature}`,
    )
    expect((await fetch(swapped)).status).toBe(403)
  })

  it('truncates a download: full Content-Length, half the body', async () => {
    const urls = await links()
    sim.inject({ route: 'storage', kind: 'truncate' })
    const res = await fetch(urls['db.sql.gz'] as string)
    expect(res.status).toBe(200)
    await expect(res.arrayBuffer()).rejects.toThrow()
  })
})

describe('reset', () => {
  it('is as if just started: options, faults, recorded requests and restores, added backups', async () => {
    let clock = Date.UTC(2024, 0, 2, 3, 4, 5)
    const s = await start({ now: () => clock, restoreDurationMs: 60_000, runningStatus: 'thawing' })
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
