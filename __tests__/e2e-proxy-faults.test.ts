// Proxies that fail, through dist/index.js. One that never answers: every phase of a request (the
// connection, the CONNECT, TLS, the answer) is bounded by `timeout` and ended by a cancel, and
// the process then exits by itself. One that refuses the tunnel: the error line names the proxy,
// not SnapShooter or storage. The API is `api.snapshooter.test` behind a TLS front (only the
// proxies here map it to loopback), and storage links name `storage.snapshooter.test`, which no
// proxy here ever reaches: nothing leaves the machine.
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals'
import { SEED, drill, leaks, useDrillLab, type DrillRun } from './helpers/drill.js'
import {
  BLACK_HOLE_TIMEOUT,
  blackHoleCases,
  type BlackHoleCase,
} from './helpers/black-hole-cases.js'
import { startBlackHoleProxy, type BlackHoleMode } from './helpers/black-hole-proxy.js'
import { API_HOST, startProxy, startTlsFront, type TlsFront } from './helpers/proxy.js'

jest.setTimeout(30_000)

const lab = useDrillLab()
let front: TlsFront

beforeAll(async () => {
  front = await startTlsFront(API_HOST, new URL(lab.sim.url))
})
afterAll(() => front.close())

/** Past `timeout`, the run has this long to write its evidence and exit. */
const EXIT_WITHIN_MS = 2_000
/** BLACK_HOLE_TIMEOUT, in ms. */
const TIMEOUT_MS = 3_000

async function throughHole(
  mode: BlackHoleMode,
  inputs: Record<string, string>,
  options: Parameters<typeof drill>[2] = {},
): Promise<{ run: DrillRun; drained: boolean }> {
  const hole = await startBlackHoleProxy(mode)
  try {
    const run = await drill(
      lab.sim,
      { timeout: `${TIMEOUT_MS / 1000}s`, ...inputs },
      {
        killAfterMs: 15_000,
        ...options,
        env: { NODE_EXTRA_CA_CERTS: front.caFile, HTTPS_PROXY: hole.url, ...options.env },
      },
    )
    expect(hole.accepted()).toBeGreaterThan(0)
    return { run, drained: await hole.drained(1_000) }
  } finally {
    await hole.close()
  }
}

describe('restore mode behind a proxy that never answers', () => {
  it.each<[string, BlackHoleMode]>([
    ['accepts the connection and answers nothing', 'accept'],
    ['answers nothing to CONNECT', 'connect'],
    ['opens the tunnel, then stays silent', 'tunnel'],
  ])('%s: fails at `timeout` and exits at once', async (_, mode) => {
    const { run, drained } = await throughHole(mode, { api_url: front.url })
    expect(run.code).toBe(1)
    expect(run.outputs.outcome).toBe('failed')
    expect(run.errors).toEqual([
      `GET backups of job ${SEED.jobs.main} (page 1) got no answer before the time limit (\`timeout\`) ran out`,
    ])
    expect(run.summary).toContain('failed')
    expect(run.elapsedMs).toBeLessThan(TIMEOUT_MS + EXIT_WITHIN_MS)
    // The action closed every connection it had opened to the proxy.
    expect(drained).toBe(true)
    expect(leaks(run)).toEqual([])
  })

  it('a cancel ends a request stuck in the CONNECT at once', async () => {
    const { run } = await throughHole(
      'connect',
      { api_url: front.url, timeout: '30s' },
      { signals: [{ name: 'SIGINT', afterMs: 1_500 }] },
    )
    expect(run.code).toBe(1)
    expect(run.outputs.outcome).toBe('cancelled')
    expect(run.exitAfterSignalMs).toBeLessThan(EXIT_WITHIN_MS)
    expect(run.summary).toContain('cancelled')
  })
})

describe('a proxy that goes silent in the middle of a run, on every route', () => {
  it.each(blackHoleCases().map((c): [string, BlackHoleCase] => [c.route, c]))(
    '%s: the documented outcome at `timeout`, nothing resent, and an exit at once',
    async (_, { relayed, inputs, expected }) => {
      const [posts, restores] = [lab.sim.count('createRestore', 'POST'), lab.sim.restores.length]
      const hole = await startBlackHoleProxy(`tunnel-after:${relayed}`)
      try {
        const run = await drill(
          lab.sim,
          { api_url: front.url, timeout: BLACK_HOLE_TIMEOUT, ...inputs },
          {
            killAfterMs: 15_000,
            env: { NODE_EXTRA_CA_CERTS: front.caFile, HTTPS_PROXY: hole.url },
          },
        )
        expect({
          outcome: run.outputs.outcome,
          posts: lab.sim.count('createRestore', 'POST') - posts,
          restores: lab.sim.restores.length - restores,
        }).toEqual({
          outcome: expected.outcome,
          posts: expected.posts,
          restores: expected.restores,
        })
        expect(run.code).toBe(1)
        expect(run.errors).toHaveLength(1)
        for (const part of expected.says) expect(run.errors[0]).toContain(part)
        for (const part of expected.never) expect(run.errors[0]).not.toContain(part)
        // The request cut at the deadline was the last: one tunnel more than those relayed.
        expect(hole.accepted()).toBe(relayed + 1)
        expect(run.elapsedMs).toBeLessThan(TIMEOUT_MS + EXIT_WITHIN_MS)
        expect(await hole.drained(1_000)).toBe(true)
        expect(leaks(run)).toEqual([])
      } finally {
        await hole.close()
      }
    },
  )
})

describe('download mode with storage behind a proxy that never answers', () => {
  // The API is the simulator on loopback, which never goes through a proxy; the links name a
  // storage host that does.
  const toStorage = (): void =>
    lab.sim.configure({ storageUrl: 'https://storage.snapshooter.test' })

  it.each<[string, BlackHoleMode]>([
    ['accepts the connection and answers nothing', 'accept'],
    ['answers nothing to CONNECT', 'connect'],
    ['opens the tunnel, then stays silent', 'tunnel'],
  ])('%s: times out at `timeout` and exits at once', async (_, mode) => {
    toStorage()
    const { run, drained } = await throughHole(mode, { mode: 'download' })
    expect(run.code).toBe(1)
    expect(run.outputs).toMatchObject({ outcome: 'timed_out', status: 'failed' })
    expect(run.errors).toHaveLength(1)
    expect(run.errors[0]).toContain('was not fully downloaded when `timeout` (3s) ran out')
    expect(run.elapsedMs).toBeLessThan(TIMEOUT_MS + EXIT_WITHIN_MS)
    expect(drained).toBe(true)
    expect(lab.sim.count('storage')).toBe(0)
  })

  it('SIGINT stops it within 2 s, with outcome cancelled and a summary', async () => {
    toStorage()
    const { run, drained } = await throughHole(
      'connect',
      { mode: 'download', timeout: '30s' },
      // Late enough for the links to be in hand and the files' requests stuck in the proxy.
      { signals: [{ name: 'SIGINT', afterMs: 2_000 }] },
    )
    expect(run.code).toBe(1)
    expect(run.outputs.outcome).toBe('cancelled')
    expect(run.exitAfterSignalMs).toBeLessThan(EXIT_WITHIN_MS)
    expect(run.errors).toHaveLength(1)
    expect(run.errors[0]).toContain('cancelled while downloading')
    expect(run.summary).toContain('cancelled')
    expect(drained).toBe(true)
  })
})

describe('a proxy that refuses the tunnel', () => {
  const CREDENTIALS = 'give its credentials in the proxy URL, as http://user:password@host:port'

  it('is named in the error line of an API request, not SnapShooter', async () => {
    const proxy = await startProxy('drill:s3cret')
    try {
      const env = { NODE_EXTRA_CA_CERTS: front.caFile, HTTPS_PROXY: proxy.url }
      const before = lab.sim.requests.length
      const run = await drill(lab.sim, { api_url: front.url, timeout: '5s' }, { env })
      expect(run.outputs.outcome).toBe('failed')
      expect(run.errors).toEqual([
        `GET backups of job ${SEED.jobs.main} (page 1) failed: the proxy ${proxy.url} refused the tunnel: HTTP 407 Proxy Authentication Required: ${CREDENTIALS}`,
      ])
      expect(lab.sim.requests.length - before).toBe(0)
    } finally {
      await proxy.close()
    }
  })

  it('is named in the error line of a download, with the file', async () => {
    lab.sim.configure({ storageUrl: 'https://storage.snapshooter.test' })
    const proxy = await startProxy('drill:s3cret')
    try {
      const run = await drill(
        lab.sim,
        { mode: 'download', timeout: '5s' },
        { env: { HTTPS_PROXY: proxy.url } },
      )
      expect(run.outputs).toMatchObject({ outcome: 'failed', status: 'failed' })
      expect(run.errors).toHaveLength(1)
      expect(run.errors[0]).toMatch(
        new RegExp(
          `^Download of (db\\.sql\\.gz|site\\.tar\\.gz|run\\.sh) \\(file [0-9a-f-]{36}\\) failed: the proxy ${proxy.url} refused the tunnel: HTTP 407 Proxy Authentication Required: ${CREDENTIALS}\\.$`,
        ),
      )
      expect(lab.sim.count('storage')).toBe(0)
    } finally {
      await proxy.close()
    }
  })
})

describe('a signed link spelt HTTPS://', () => {
  it('is downloaded over https like any other', async () => {
    // Storage behind TLS on loopback (a certificate for 127.0.0.1), its links in capitals.
    const storage = await startTlsFront('127.0.0.1', new URL(lab.sim.url))
    try {
      lab.sim.configure({ storageUrl: `HTTPS://127.0.0.1:${storage.port}` })
      const before = lab.sim.count('storage')
      const run = await drill(
        lab.sim,
        { mode: 'download' },
        { env: { NODE_EXTRA_CA_CERTS: storage.caFile } },
      )
      expect(run.errors).toEqual([])
      expect(run.outputs).toMatchObject({ outcome: 'succeeded', status: 'downloaded' })
      expect(lab.sim.count('storage') - before).toBe(3)
      expect(storage.servernames.length).toBeGreaterThanOrEqual(3)
    } finally {
      await storage.close()
    }
  })
})
