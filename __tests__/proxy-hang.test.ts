// The HTTP layer against proxies that misbehave, in-process: a proxy that never answers is cut
// off by the request's time limit or a cancel, with every connection to it closed, for API
// requests and storage downloads alike; a proxy that refuses the tunnel is named as the one
// that answered. Every socket stays on 127.0.0.1, and no name is looked up (guardDns).
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals'
import net, { type AddressInfo } from 'node:net'
import { startSimulator, type Simulator } from '../simulator/index.js'
import { openLink, type OpenOptions, type Opened } from '../src/http/storage.js'
import type { ClientOptions } from '../src/snapshooter/client.js'
import { SEED } from './helpers/drill.js'
import { startBlackHoleProxy, type BlackHoleMode } from './helpers/black-hole-proxy.js'
import { API_HOST, closedPort, guardDns, startProxy, type DnsGuard } from './helpers/proxy.js'
import { failure, testClient } from './helpers/client.js'

jest.setTimeout(20_000)

let dns: DnsGuard
let sim: Simulator
beforeAll(async () => {
  dns = guardDns()
  sim = await startSimulator()
})
afterAll(async () => {
  await sim.close()
  dns.restore()
})

const MODES: readonly BlackHoleMode[] = ['accept', 'connect', 'tunnel']
const API = `https://${API_HOST}`
const LINK = 'https://storage.snapshooter.test/storage/b/f/db.sql.gz?X-Amz-Signature=abc'
const LIMIT_MS = 300

const api = (proxy: string, overrides: Partial<ClientOptions> = {}) =>
  testClient(API, { sleeps: [], retries: [] }, { env: { HTTPS_PROXY: proxy }, ...overrides })

const open = (proxy: string, options: Partial<OpenOptions> = {}): Promise<Opened> =>
  openLink(LINK, {
    userAgent: 'snapshooter-restore/test',
    signal: new AbortController().signal,
    idleTimeoutMs: LIMIT_MS,
    env: { HTTPS_PROXY: proxy },
    ...options,
  })

describe('a proxy that never answers', () => {
  it.each(MODES)(
    '%s: each API attempt ends at the request timeout, its connection closed',
    async (mode) => {
      const hole = await startBlackHoleProxy(mode)
      try {
        const started = Date.now()
        const error = await failure(
          api(hole.url, { requestTimeoutMs: LIMIT_MS }).getBackup(SEED.backups.latest),
        )
        expect(error.message).toBe(
          `GET backup ${SEED.backups.latest} failed after 5 attempts: no answer within ${LIMIT_MS} ms: worth re-running later`,
        )
        expect(Date.now() - started).toBeLessThan(5 * LIMIT_MS + 1_000)
        expect(hole.accepted()).toBe(5)
        expect(await hole.drained(1_000)).toBe(true)
      } finally {
        await hole.close()
      }
    },
  )

  it.each(MODES)('%s: an API request ends at the deadline, its connection closed', async (mode) => {
    const hole = await startBlackHoleProxy(mode)
    try {
      const started = Date.now()
      const client = api(hole.url, { requestTimeoutMs: 30_000, deadline: started + LIMIT_MS })
      const error = await failure(client.getBackup(SEED.backups.latest))
      expect(error.kind).toBe('deadline')
      expect(Date.now() - started).toBeLessThan(LIMIT_MS + 1_000)
      expect(await hole.drained(1_000)).toBe(true)
    } finally {
      await hole.close()
    }
  })

  it('a cancel ends an API request stuck in the CONNECT at once', async () => {
    const hole = await startBlackHoleProxy('connect')
    try {
      const controller = new AbortController()
      setTimeout(() => controller.abort(), 100)
      const started = Date.now()
      const client = api(hole.url, { requestTimeoutMs: 30_000, signal: controller.signal })
      const error = await failure(client.getBackup(SEED.backups.latest))
      expect(error.kind).toBe('cancelled')
      expect(Date.now() - started).toBeLessThan(1_000)
      expect(await hole.drained(1_000)).toBe(true)
    } finally {
      await hole.close()
    }
  })

  it.each(MODES)('%s: a storage link gets no answer within the request timeout', async (mode) => {
    const hole = await startBlackHoleProxy(mode)
    try {
      const started = Date.now()
      const opened = await open(hole.url)
      expect(opened).toEqual({ kind: 'timeout', reason: 'storage gave no answer within 0.3 s' })
      expect(Date.now() - started).toBeLessThan(LIMIT_MS + 1_000)
      expect(await hole.drained(1_000)).toBe(true)
    } finally {
      await hole.close()
    }
  })

  it('a cancel ends a storage request stuck in the CONNECT at once', async () => {
    const hole = await startBlackHoleProxy('connect')
    try {
      const controller = new AbortController()
      setTimeout(() => controller.abort(), 100)
      const started = Date.now()
      const opened = await open(hole.url, { signal: controller.signal, idleTimeoutMs: 30_000 })
      expect(opened).toMatchObject({ kind: 'network' })
      expect(controller.signal.aborted).toBe(true)
      expect(Date.now() - started).toBeLessThan(1_000)
      expect(await hole.drained(1_000)).toBe(true)
    } finally {
      await hole.close()
    }
  })
})

describe('a proxy that refuses the tunnel', () => {
  it('is named as the one that answered an API request, 502 retried', async () => {
    const proxy = await startProxy()
    try {
      // The proxy knows no such host: it answers the CONNECT itself.
      const client = testClient(
        'https://unknown.snapshooter.test',
        { sleeps: [], retries: [] },
        { env: { HTTPS_PROXY: proxy.url } },
      )
      const error = await failure(client.getBackup(SEED.backups.latest))
      expect(error.message).toBe(
        `GET backup ${SEED.backups.latest} failed after 5 attempts: the proxy ${proxy.url} refused the tunnel: HTTP 502 Bad Gateway: check the proxy settings, or re-run later`,
      )
      expect(error.message).not.toContain('SnapShooter answered')
      expect(proxy.tunnels).toHaveLength(5)
    } finally {
      await proxy.close()
    }
  })

  it('says a restore POST refused by the proxy did not start, and sends it once', async () => {
    const proxy = await startProxy('drill:s3cret')
    try {
      const client = api(proxy.url)
      const error = await failure(client.createRestore(SEED.backups.latest, {}))
      expect(error.message).toBe(
        `POST restore of backup ${SEED.backups.latest} failed: the proxy ${proxy.url} refused the tunnel: HTTP 407 Proxy Authentication Required: give its credentials in the proxy URL, as http://user:password@host:port`,
      )
      expect(error.mayHaveStarted).toBe(false)
      expect(proxy.tunnels).toHaveLength(1)
    } finally {
      await proxy.close()
    }
  })

  it.each([
    [407, 'Proxy Authentication Required', 'drill:s3cret'],
    [502, 'Bad Gateway', undefined],
  ])('is named as the one that answered a storage link: %i', async (status, text, credentials) => {
    const proxy = await startProxy(credentials)
    try {
      const opened = await open(proxy.url, { idleTimeoutMs: 5_000 })
      expect(opened).toMatchObject({
        status,
        reason: `the proxy ${proxy.url} refused the tunnel: HTTP ${status} ${text}`,
      })
    } finally {
      await proxy.close()
    }
  })
})

describe('a proxy that refuses the tunnel with a reason phrase of its own', () => {
  it('is named by the standard phrase of its status, API and storage alike', async () => {
    // A reason phrase says nothing the status does not; this one would forge an annotation.
    const refuser = net.createServer((socket) =>
      socket.once('data', () =>
        socket.end('HTTP/1.1 502 ::error::forged by the proxy\r\nContent-Length: 0\r\n\r\n'),
      ),
    )
    await new Promise<void>((resolve) => refuser.listen(0, '127.0.0.1', resolve))
    const proxy = `http://127.0.0.1:${(refuser.address() as AddressInfo).port}`
    try {
      const refused = `the proxy ${proxy} refused the tunnel: HTTP 502 Bad Gateway`
      const error = await failure(api(proxy).getBackup(SEED.backups.latest))
      expect(error.message).toContain(`failed after 5 attempts: ${refused}: check the proxy`)
      expect(await open(proxy, { idleTimeoutMs: 5_000 })).toMatchObject({ reason: refused })
      expect(error.message).not.toContain('forged')
    } finally {
      await new Promise((resolve) => refuser.close(resolve))
    }
  })
})

describe('a signed link', () => {
  it('spelt HTTPS:// is https: the scheme is not case-sensitive', async () => {
    const port = await closedPort()
    const opened = await openLink(`HTTPS://127.0.0.1:${port}/storage/b/f/db.sql.gz`, {
      userAgent: 'snapshooter-restore/test',
      signal: new AbortController().signal,
      idleTimeoutMs: 2_000,
    })
    // Refused by the closed port, over https: not "Protocol not supported".
    expect(opened).toMatchObject({ kind: 'network', code: 'ECONNREFUSED' })
  })

  it.each([
    ['not a URL', 'the signed link is not a valid URL'],
    ['ftp://storage.snapshooter.test/db.sql.gz', 'the signed link is not http(s) but ftp:'],
  ])('%s fails as a result, never as an exception', async (link, reason) => {
    const opened = await openLink(link, {
      userAgent: 'snapshooter-restore/test',
      signal: new AbortController().signal,
      idleTimeoutMs: 2_000,
    })
    expect(opened).toEqual({ kind: 'malformed', reason })
  })
})
