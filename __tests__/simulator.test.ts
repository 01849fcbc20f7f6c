// The simulator as the SnapShooter API: the seeded account, listings and their pages, restores
// and their lifecycle, over plain HTTP. Faults, the rate limit and the simulator's own life are
// in simulator-faults.test.ts; its download side in simulator-download.test.ts.
import { describe, expect, it } from '@jest/globals'
import { READ_ONLY_TOKEN, SEED, type Simulator } from '../simulator/index.js'
import {
  TIMESTAMP,
  call,
  json,
  listPath,
  restorePath,
  useSimulator,
  type CallOptions,
  type Json,
} from './helpers/sim-api.js'

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))
const lab = useSimulator()

describe('seeded backups', () => {
  it('shows a backup with every field, secrets included, and a request id', async () => {
    const res = await call(lab.sim, `/v1/backups/${SEED.backups.latest}`)
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
    expect((await json(lab.sim, `/v1/backups/${SEED.unknownId}`))[1]).toEqual({
      message: 'Not found.',
    })
    expect((await call(lab.sim, '/v1/backups/not-a-uuid')).status).toBe(404)
    expect((await call(lab.sim, listPath(SEED.unknownId, ''))).status).toBe(404)
    expect((await call(lab.sim, `/v1/restores/${SEED.unknownId}`)).status).toBe(404)
    expect((await call(lab.sim, '/v1/nowhere')).status).toBe(404)
    const res = await call(lab.sim, `/v1/backups/${SEED.backups.latest}`, { method: 'DELETE' })
    expect(res.status).toBe(405)
    expect(res.headers.get('x-request-id')).toMatch(/^req_/)
  })

  it('answers 401 without a known bearer token', async () => {
    for (const token of [null, 'nope']) {
      const [status, body] = await json(lab.sim, `/v1/backups/${SEED.backups.latest}`, { token })
      expect([status, body]).toEqual([401, { message: 'Unauthenticated.' }])
    }
  })
})

describe('listing a job', () => {
  const ids = (body: Json): string[] => body.data.map((b: Json) => b.id)

  it('sorts by completed_at both ways, unfinished backups counting as newest', async () => {
    const main = SEED.backups
    const [, desc] = await json(lab.sim, listPath(SEED.jobs.main, 'sort=-completed_at'))
    expect(ids(desc)).toEqual([main.running, main.latest, main.failed, main.older])
    expect(desc.data[0].completed_at).toBeNull()
    const [, asc] = await json(lab.sim, listPath(SEED.jobs.main, 'sort=completed_at'))
    expect(ids(asc)).toEqual([main.older, main.failed, main.latest, main.running])
    const [, unsorted] = await json(lab.sim, listPath(SEED.jobs.main, ''))
    expect(ids(unsorted)[0]).toBe(main.older)
    expect((await call(lab.sim, listPath(SEED.jobs.main, 'sort=-size'))).status).toBe(400)
  })

  it('pages with links.next, meta, and a page_size clamped to 15..100', async () => {
    const asked = 'sort=-completed_at&page_size=100'
    const [, first] = await json(lab.sim, listPath(SEED.jobs.paged, asked))
    expect(first.data).toHaveLength(100)
    expect(first.data.every((b: Json) => b.status === 'failed')).toBe(true)
    expect(first.meta).toEqual({
      current_page: 1,
      last_page: 2,
      per_page: 100,
      total: 120,
      from: 1,
      to: 100,
      path: `${lab.sim.url}/v1/jobs/${SEED.jobs.paged}/backups`,
    })
    expect(first.links.prev).toBeNull()
    // Like a Laravel paginator's, the links keep `page` only: the next page is asked by number,
    // with the same parameters.
    expect(first.links.next).toBe(`${lab.sim.url}/v1/jobs/${SEED.jobs.paged}/backups?page=2`)
    const [, followed] = await json(lab.sim, first.links.next.slice(lab.sim.url.length))
    expect(followed.meta).toMatchObject({ current_page: 2, per_page: 15, from: 16 })
    const [, second] = await json(lab.sim, listPath(SEED.jobs.paged, `${asked}&page=2`))
    expect(second.meta).toMatchObject({ current_page: 2, from: 101, to: 120 })
    expect(second.links.next).toBeNull()
    expect(second.data.find((b: Json) => b.status === 'completed').id).toBe(
      SEED.backups.pagedLatest,
    )

    const [, eighth] = await json(lab.sim, listPath(SEED.jobs.paged, 'sort=-completed_at&page=8'))
    expect(eighth.meta).toMatchObject({ per_page: 15, last_page: 8, from: 106 })
    expect(eighth.data.find((b: Json) => b.status === 'completed').id).toBe(
      SEED.backups.pagedLatest,
    )
    expect((await json(lab.sim, listPath(SEED.jobs.paged, 'page_size=5')))[1].meta.per_page).toBe(
      15,
    )
    expect((await json(lab.sim, listPath(SEED.jobs.paged, 'page_size=500')))[1].meta.per_page).toBe(
      100,
    )
    const [, beyond] = await json(lab.sim, listPath(SEED.jobs.paged, 'page=99'))
    expect([beyond.data.length, beyond.meta.from, beyond.links.next]).toEqual([0, null, null])
  })

  it('has a job without any completed backup', async () => {
    const [, body] = await json(lab.sim, listPath(SEED.jobs.empty, 'sort=-completed_at'))
    expect(body.data.map((b: Json) => b.status)).toEqual(['failed', 'failed', 'failed'])
  })
})

describe('restores', () => {
  it('creates a restore shaped like the reference, with compute and selected files', async () => {
    const before = lab.sim.count('createRestore', 'POST')
    const body = { files: [SEED.files.latestRun], compute: { type: 'server', server_id: 3 } }
    const [status, { data }] = await json(lab.sim, restorePath(SEED.backups.latest), {
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
    expect(lab.sim.count('createRestore', 'POST')).toBe(before + 1)
    expect(lab.sim.restores.at(-1)?.id).toBe(data.id)
    expect(lab.sim.requests.at(-1)?.body).toEqual(body)

    const [, all] = await json(lab.sim, restorePath(SEED.backups.older), {
      method: 'POST',
      raw: '',
    })
    expect([all.data.compute, all.data.files.length]).toEqual([null, 2])
  })

  it.each([
    [{ files: ['f7a4b142-0000-4000-8000-000000000000'] }, 'files.0'],
    [{ files: [] }, 'files'],
    [{ compute: { type: 'lambda', server_id: 3 } }, 'compute.type'],
    [{ compute: { type: 'server', server_id: 4 } }, 'compute.server_id'],
    [{ compute: { type: 'server' } }, 'compute.server_id'],
  ])('answers 422 for %j', async (body, key) => {
    const [status, answer] = await json(lab.sim, restorePath(SEED.backups.latest), {
      method: 'POST',
      body,
    })
    expect(status).toBe(422)
    expect(answer.message).toBe('The given data was invalid.')
    expect(Object.keys(answer.errors)).toEqual([key])
  })

  it('refuses backups that are not completed, bad JSON, unknown backups, read-only tokens', async () => {
    const post = (id: string, options: CallOptions = {}): Promise<[number, Json]> =>
      json(lab.sim, restorePath(id), { method: 'POST', body: {}, ...options })
    const [failed, errors] = await post(SEED.backups.failed)
    expect([failed, Object.keys(errors.errors)]).toEqual([422, ['backup']])
    expect((await post(SEED.backups.latest, { body: undefined, raw: '{"files": [' }))[0]).toBe(400)
    expect((await post(SEED.unknownId))[0]).toBe(404)
    const count = lab.sim.restores.length
    expect(await post(SEED.backups.latest, { token: READ_ONLY_TOKEN })).toEqual([
      403,
      { message: 'This action is unauthorized.' },
    ])
    expect(lab.sim.restores.length).toBe(count)
    const [readStatus] = await json(lab.sim, `/v1/backups/${SEED.backups.latest}`, {
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
    const s = await lab.start({ restoreDurationMs: 300, pendingMs: 100 })
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
    const s = await lab.start({ now: () => clock, restoreDurationMs: 60_000 })
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
