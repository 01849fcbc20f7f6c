// Requests honour the runner's proxy variables, against a real proxy on 127.0.0.1: https goes
// through a CONNECT tunnel with TLS end to end, NO_PROXY goes direct, http is forwarded.
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals'
import { startSimulator, type Simulator } from '../simulator/index.js'
import { createClient, type SnapShooterClient } from '../src/snapshooter/client.js'
import { DEMO_TOKEN, FAST, SEED, drill, leaks } from './helpers/drill.js'
import {
  externalAddress,
  startProxy,
  startTlsFront,
  type RecordingProxy,
  type TlsFront,
} from './helpers/proxy.js'

jest.setTimeout(30_000)

const host = externalAddress()
let sim: Simulator
let front: TlsFront
let proxy: RecordingProxy

beforeAll(async () => {
  // On the machine's own address, not loopback: loopback targets never use a proxy.
  sim = await startSimulator({ ...FAST, host })
  front = await startTlsFront(host, new URL(sim.url))
  proxy = await startProxy()
})
afterAll(async () => {
  await Promise.all([proxy.close(), front.close(), sim.close()])
})

const since = (list: string[], from: number): string[] => list.slice(from)

function client(baseUrl: string, env: Record<string, string>): SnapShooterClient {
  return createClient({
    baseUrl,
    token: DEMO_TOKEN,
    userAgent: 'snapshooter-restore/test',
    deadline: Date.now() + 20_000,
    sleep: async () => undefined,
    env,
  })
}

describe('the action behind a proxy (dist/index.js)', () => {
  const trustFront = (): Record<string, string> => ({ NODE_EXTRA_CA_CERTS: front.caFile })

  it('tunnels every https request through HTTPS_PROXY with CONNECT, and the drill succeeds', async () => {
    const [tunnels, forwarded] = [proxy.tunnels.length, proxy.forwarded.length]
    const run = await drill(
      sim,
      { api_url: front.url, files: '*.sql.gz' },
      { env: { ...trustFront(), HTTPS_PROXY: proxy.url, NO_PROXY: 'localhost,127.0.0.1' } },
    )
    expect(run.errors).toEqual([])
    expect(run.outputs.outcome).toBe('succeeded')
    const hostPort = new URL(front.url).host
    // The list, the restore POST and at least one status check, each in its own tunnel.
    expect(since(proxy.tunnels, tunnels).length).toBeGreaterThanOrEqual(3)
    expect(new Set(since(proxy.tunnels, tunnels))).toEqual(new Set([hostPort]))
    // The proxy saw host and port only: no request in clear, no token in the CONNECT headers.
    expect(since(proxy.forwarded, forwarded)).toEqual([])
    for (const headers of proxy.tunnelHeaders.slice(tunnels)) {
      expect(JSON.stringify(headers)).not.toContain(DEMO_TOKEN)
      expect(headers.authorization).toBeUndefined()
    }
    expect(leaks(run)).toEqual([])
  })

  it('honours lower-case https_proxy as runners also set it', async () => {
    const tunnels = proxy.tunnels.length
    const run = await drill(
      sim,
      { api_url: front.url, dry_run: 'true' },
      { env: { ...trustFront(), https_proxy: proxy.url } },
    )
    expect(run.outputs.outcome).toBe('dry_run')
    expect(since(proxy.tunnels, tunnels)).toEqual([new URL(front.url).host])
  })

  it('goes direct to a host listed in NO_PROXY: the proxy sees nothing', async () => {
    const [tunnels, forwarded] = [proxy.tunnels.length, proxy.forwarded.length]
    const run = await drill(
      sim,
      { api_url: front.url },
      { env: { ...trustFront(), HTTPS_PROXY: proxy.url, NO_PROXY: `example.com,${host}` } },
    )
    expect(run.outputs.outcome).toBe('succeeded')
    expect(since(proxy.tunnels, tunnels)).toEqual([])
    expect(since(proxy.forwarded, forwarded)).toEqual([])
  })

  it('still verifies the API certificate through the tunnel', async () => {
    const env = { HTTPS_PROXY: proxy.url }
    const run = await drill(sim, { api_url: front.url, timeout: '3s' }, { env })
    expect(run.outputs.outcome).toBe('failed')
    expect(run.errors[0]).toMatch(/SELF_SIGNED|self.signed/i)
  })
})

describe('the API client behind a proxy', () => {
  it('sends http requests to HTTP_PROXY as absolute URIs, which it forwards', async () => {
    const forwarded = proxy.forwarded.length
    const backup = await client(sim.url, { HTTP_PROXY: proxy.url }).getBackup(SEED.backups.latest)
    expect(backup.id).toBe(SEED.backups.latest)
    expect(since(proxy.forwarded, forwarded)).toEqual([
      `${sim.url}/v1/backups/${SEED.backups.latest}`,
    ])
  })

  it('never sends a loopback request to the proxy', async () => {
    const local = await startSimulator(FAST)
    try {
      const env = { HTTP_PROXY: 'http://127.0.0.1:9', HTTPS_PROXY: 'http://127.0.0.1:9' }
      const backup = await client(local.url, env).getBackup(SEED.backups.latest)
      expect(backup.id).toBe(SEED.backups.latest)
    } finally {
      await local.close()
    }
  })

  it('names the proxy when it cannot be reached', async () => {
    const env = { HTTPS_PROXY: 'http://user:secret@127.0.0.1:9' }
    const failure = client(front.url, env).getBackup(SEED.backups.latest)
    await expect(failure).rejects.toThrow(
      /connection refused \(ECONNREFUSED\) \(through proxy http:\/\/127\.0\.0\.1:9\): check the proxy settings/,
    )
    await expect(failure).rejects.not.toThrow(/secret/)
  })

  it('says the proxy wants credentials on 407, and passes those of the proxy URL', async () => {
    const guarded = await startProxy('drill:s3cret')
    try {
      const bare = client(front.url, { HTTPS_PROXY: guarded.url })
      await expect(bare.getBackup(SEED.backups.latest)).rejects.toThrow(
        `the proxy ${guarded.url} asked for credentials (HTTP 407)`,
      )
      const withCredentials = guarded.url.replace('//', '//drill:s3cret@')
      const backup = await client(sim.url, { HTTP_PROXY: withCredentials }).getBackup(
        SEED.backups.latest,
      )
      expect(backup.id).toBe(SEED.backups.latest)
      expect(guarded.forwarded).toHaveLength(1)
    } finally {
      await guarded.close()
    }
  })
})
