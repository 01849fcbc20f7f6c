// Wire tests: the real client against the real simulator on a loopback port. Nothing is mocked
// but time: sleeps are recorded and return at once, so retries cost no wall-clock seconds.
import { describe, expect, it } from '@jest/globals'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { DEMO_TOKEN, READ_ONLY_TOKEN, SEED } from '../simulator/index.js'
import { TEST_USER_AGENT, failure, useClientLab } from './helpers/client.js'

const { backups, files, jobs, unknownId } = SEED

const lab = useClientLab()
const { client } = lab

function expectNoSecrets(value: unknown): void {
  const text = JSON.stringify(value)
  expect(text).not.toMatch(/encryption_key|"url"|signature|X-Amz/i)
}

type Handler = (req: IncomingMessage, res: ServerResponse) => void

async function tinyServer(
  handler: Handler,
): Promise<{ url: string; server: Server; seen: IncomingMessage[] }> {
  const seen: IncomingMessage[] = []
  const server = createServer((req, res) => {
    seen.push(req)
    handler(req, res)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return { url: `http://127.0.0.1:${port}`, server, seen }
}

async function closeServer(server: Server): Promise<void> {
  server.closeAllConnections()
  await new Promise<void>((resolve) => server.close(() => resolve()))
}

describe('every endpoint answers with typed values and no secrets', () => {
  it('GET backup sends the token, the JSON accept header and the user agent', async () => {
    const backup = await client().getBackup(backups.latest)
    expect(backup.id).toBe(backups.latest)
    expect(backup.jobId).toBe(jobs.main)
    expect(backup.status).toBe('completed')
    expect(backup.files.map((f) => f.id)).toContain(files.latestDb)
    expect(backup.files.every((f) => f.sizeBytes !== null && f.sizeBytes > 0)).toBe(true)
    expectNoSecrets(backup)
    const [request] = lab.sim.requests
    expect(request?.headers.authorization).toBe(`Bearer ${DEMO_TOKEN}`)
    expect(request?.headers.accept).toBe('application/json')
    expect(request?.headers['user-agent']).toBe(TEST_USER_AGENT)
  })

  it("GET a job's backups asks sorted newest first, 100 a page, and follows to the last page", async () => {
    const api = client()
    const first = await api.listJobBackups(jobs.paged, 1)
    expect(first.backups).toHaveLength(100)
    expect(first.nextPage).toBe(2)
    expect(lab.sim.requests[0]?.query).toEqual({
      sort: '-completed_at',
      page_size: '100',
      page: '1',
    })
    const second = await api.listJobBackups(jobs.paged, 2)
    expect(second.backups).toHaveLength(20)
    expect(second.nextPage).toBeNull()
    expect(second.backups.map((b) => b.id)).toContain(backups.pagedLatest)
    expectNoSecrets([first, second])
  })

  it('POST restore sends the JSON body once and returns the pending restore', async () => {
    const body = { files: [files.latestDb], compute: { type: 'server' as const, server_id: 3 } }
    const restore = await client().createRestore(backups.latest, body)
    expect(restore.backupId).toBe(backups.latest)
    expect(restore.status).toBe('pending')
    expect(restore.files.map((f) => f.id)).toEqual([files.latestDb])
    expect(restore.compute).toMatchObject({ type: 'server', serverId: 3 })
    expectNoSecrets(restore)
    expect(lab.sim.count('createRestore', 'POST')).toBe(1)
    expect(lab.sim.restores).toHaveLength(1)
    const [request] = lab.sim.requests
    expect(request?.body).toEqual(body)
    expect(request?.headers['content-type']).toMatch(/^application\/json/)
  })

  it('GET restore reads back the restore POST created, without its secrets', async () => {
    const api = client()
    const created = await api.createRestore(backups.latest, {})
    const read = await api.getRestore(created.id)
    expect(read.id).toBe(created.id)
    expect(read.files.length).toBeGreaterThan(0)
    expectNoSecrets(read)
  })

  it('POST download returns the signed links by file name', async () => {
    const links = await client().getDownloadLinks(backups.latest)
    const backup = await client().getBackup(backups.latest)
    const baseNames = backup.files.map((f) => f.name.split('/').pop())
    expect(Object.keys(links).sort()).toEqual(baseNames.sort())
    for (const url of Object.values(links)) expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//)
    expect(lab.sim.count('download', 'POST')).toBe(1)
  })
})

describe('answers that end the request at once', () => {
  it('401: the token was rejected, check api_token, with the request id', async () => {
    const error = await failure(client({ token: 'wrong-token' }).getBackup(backups.latest))
    expect(error.kind).toBe('auth')
    expect(error.status).toBe(401)
    expect(error.message).toContain('the API token was rejected')
    expect(error.message).toContain('`api_token`')
    expect(error.message).toMatch(/\(request id req_\d+\)$/)
    expect(error.message).not.toContain('wrong-token')
    expect(lab.sim.requests).toHaveLength(1)
  })

  it('403: a read-only token may not start a restore', async () => {
    const error = await failure(
      client({ token: READ_ONLY_TOKEN }).createRestore(backups.latest, {}),
    )
    expect(error.kind).toBe('forbidden')
    expect(error.mayHaveStarted).toBe(false)
    expect(error.message).toContain('may not do this (HTTP 403)')
    expect(lab.sim.count('createRestore', 'POST')).toBe(1)
    expect(lab.sim.restores).toHaveLength(0)
  })

  it('404 names the backup, job or restore id that was not found', async () => {
    const api = client()
    const backup = await failure(api.getBackup(unknownId))
    expect(backup.kind).toBe('not_found')
    expect(backup.message).toMatch(
      new RegExp(
        `^backup ${unknownId} was not found \\(HTTP 404\\): check \`backup_id\` \\(request id req_\\d+\\)$`,
      ),
    )
    const job = await failure(api.listJobBackups(unknownId, 1))
    expect(job.message).toContain(`job ${unknownId} was not found (HTTP 404): check \`job_id\``)
    const restore = await failure(api.getRestore(unknownId))
    expect(restore.message).toContain(`restore ${unknownId} was not found`)
    expect(restore.subject).toEqual({ noun: 'restore', id: unknownId })
    expect(lab.sim.requests).toHaveLength(3)
  })

  it("422 gives SnapShooter's message and each field error", async () => {
    const error = await failure(
      client().createRestore(backups.latest, {
        files: [unknownId],
        compute: { type: 'server', server_id: 999_999 },
      }),
    )
    expect(error.kind).toBe('validation')
    expect(error.fieldErrors).toEqual({
      'files.0': ['The selected files.0 is invalid.'],
      'compute.server_id': ['The selected compute.server_id is invalid.'],
    })
    expect(error.message).toContain('"The given data was invalid."')
    expect(error.message).toContain('files.0: The selected files.0 is invalid.')
    expect(error.message).toContain('compute.server_id: The selected compute.server_id is invalid.')
    expect(lab.sim.count('createRestore', 'POST')).toBe(1)
  })

  it('a malformed JSON body is not retried and names the request', async () => {
    lab.sim.inject({ route: 'getBackup', kind: 'malformed' })
    const error = await failure(client().getBackup(backups.latest))
    expect(error.kind).toBe('malformed')
    expect(error.message).toMatch(
      new RegExp(
        `^GET backup ${backups.latest} failed: the answer was not the expected JSON \\(the body is not valid JSON\\)`,
      ),
    )
    expect(error.requestId).toMatch(/^req_/)
    expect(lab.sim.count('getBackup')).toBe(1)
  })

  it('an HTML page with 200 is malformed; a wrong shape says what is missing', async () => {
    lab.sim.inject({ route: 'getRestore', kind: 'html', status: 200 })
    lab.sim.inject({ route: 'listBackups', kind: 'wrongShape' })
    const api = client()
    const html = await failure(api.getRestore(unknownId))
    expect(html.kind).toBe('malformed')
    expect(html.message).toContain('an HTML page came instead')
    expect(html.message).not.toContain('<')
    const shape = await failure(api.listJobBackups(jobs.main, 1))
    expect(shape.kind).toBe('malformed')
    expect(shape.message).toContain('(`data` is missing)')
  })

  it('a redirect is not followed, so the token never reaches another host', async () => {
    const other = await tinyServer((_req, res) => res.end('{}'))
    const redirector = await tinyServer((req, res) => {
      res.writeHead(302, { Location: `${other.url}${req.url ?? '/'}` }).end()
    })
    try {
      const error = await failure(client({ baseUrl: redirector.url }).getBackup(backups.latest))
      expect(error.kind).toBe('server')
      expect(error.status).toBe(302)
      expect(error.message).toContain('a redirect, which is not followed: check `api_url`')
      expect(redirector.seen).toHaveLength(1)
      expect(other.seen).toHaveLength(0)
    } finally {
      await Promise.all([closeServer(other.server), closeServer(redirector.server)])
    }
  })

  it('an answer larger than the limit is refused without reading it', async () => {
    const huge = await tinyServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' })
      res.end(`{"data": "${'x'.repeat(11 * 1024 * 1024)}"}`)
    })
    try {
      const error = await failure(client({ baseUrl: huge.url }).getBackup(backups.latest))
      expect(error.kind).toBe('malformed')
      expect(error.message).toContain('the answer was larger than 10 MB')
    } finally {
      await closeServer(huge.server)
    }
  })
})
