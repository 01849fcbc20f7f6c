// Requests honour the runner's proxy variables, against a real proxy: https goes through a
// CONNECT tunnel with TLS end to end, NO_PROXY goes direct, http is forwarded. Every socket stays
// on 127.0.0.1: the API is `api.snapshooter.test`, a name only the test proxy resolves (to
// loopback), and this process's resolver is replaced so that no lookup leaves the machine.
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals'
import { startSimulator, type Simulator } from '../simulator/index.js'
import { openLink } from '../src/http/storage.js'
import { createClient, type SnapShooterClient } from '../src/snapshooter/client.js'
import { DEMO_TOKEN, FAST, SEED, drill, leaks } from './helpers/drill.js'
import {
  API_HOST,
  API_IP,
  SIM_HOST,
  closedPort,
  guardDns,
  startProxy,
  startTlsFront,
  type DnsGuard,
  type RecordingProxy,
  type TlsFront,
} from './helpers/proxy.js'

jest.setTimeout(30_000)

let dns: DnsGuard
let sim: Simulator
let front: TlsFront
let proxy: RecordingProxy

beforeAll(async () => {
  dns = guardDns()
  sim = await startSimulator(FAST)
  front = await startTlsFront(API_HOST, new URL(sim.url))
  proxy = await startProxy()
})
afterAll(async () => {
  await Promise.all([proxy.close(), front.close(), sim.close()])
  dns.restore()
})

const since = (list: string[], from: number): string[] => list.slice(from)
/** The simulator by a name the proxy knows, for plain http through it. */
const simByName = (): string => `http://${SIM_HOST}:${new URL(sim.url).port}`

function client(
  baseUrl: string,
  env: Record<string, string>,
  extra: { requestTimeoutMs?: number } = {},
): SnapShooterClient {
  return createClient({
    baseUrl,
    token: DEMO_TOKEN,
    userAgent: 'snapshooter-restore/test',
    deadline: Date.now() + 20_000,
    sleep: async () => undefined,
    env,
    ...extra,
  })
}

describe('the action behind a proxy (dist/index.js)', () => {
  const trust = (tlsFront = front): Record<string, string> => ({
    NODE_EXTRA_CA_CERTS: tlsFront.caFile,
  })

  it('tunnels every https request through HTTPS_PROXY with CONNECT, and the drill succeeds', async () => {
    const [tunnels, forwarded, served] = [
      proxy.tunnels.length,
      proxy.forwarded.length,
      front.servernames.length,
    ]
    const run = await drill(
      sim,
      { api_url: front.url, files: '*.sql.gz' },
      { env: { ...trust(), HTTPS_PROXY: proxy.url, NO_PROXY: 'localhost,127.0.0.1' } },
    )
    expect(run.errors).toEqual([])
    expect(run.outputs.outcome).toBe('succeeded')
    // The list, the restore POST and at least one status check, each in its own tunnel, asked
    // for by name: the action never resolved api.snapshooter.test itself.
    expect(since(proxy.tunnels, tunnels).length).toBeGreaterThanOrEqual(3)
    expect(new Set(since(proxy.tunnels, tunnels))).toEqual(new Set([`${API_HOST}:${front.port}`]))
    // The proxy saw host and port only: no request in clear, no token in the CONNECT headers.
    expect(since(proxy.forwarded, forwarded)).toEqual([])
    for (const headers of proxy.tunnelHeaders.slice(tunnels)) {
      expect(JSON.stringify(headers)).not.toContain(DEMO_TOKEN)
      expect(headers.authorization).toBeUndefined()
    }
    // TLS ran end to end with the API's name as SNI, through each tunnel.
    expect(new Set(front.servernames.slice(served))).toEqual(new Set([API_HOST]))
    expect(leaks(run)).toEqual([])
  })

  it('masks the password of the proxy URL before anything could print it', async () => {
    const secured = await startProxy('drill:pr0xy-pa55')
    const run = await drill(
      sim,
      { api_url: front.url, dry_run: 'true' },
      {
        env: {
          ...trust(),
          HTTPS_PROXY: `http://drill:pr0xy-pa55@${new URL(secured.url).host}`,
        },
      },
    )
    await secured.close()
    expect(run.outputs.outcome).toBe('dry_run')
    expect(run.stdout).toContain('::add-mask::pr0xy-pa55')
    expect(leaks(run, 'pr0xy-pa55')).toEqual([])
  })

  it('honours lower-case https_proxy as runners also set it', async () => {
    const tunnels = proxy.tunnels.length
    const run = await drill(
      sim,
      { api_url: front.url, dry_run: 'true' },
      { env: { ...trust(), https_proxy: proxy.url } },
    )
    expect(run.outputs.outcome).toBe('dry_run')
    expect(since(proxy.tunnels, tunnels)).toEqual([`${API_HOST}:${front.port}`])
  })

  it('still verifies the API certificate through the tunnel: issuer', async () => {
    const env = { HTTPS_PROXY: proxy.url }
    const run = await drill(sim, { api_url: front.url, timeout: '3s' }, { env })
    expect(run.outputs.outcome).toBe('failed')
    expect(run.errors[0]).toMatch(/SELF_SIGNED|self.signed/i)
  })

  it('still verifies the API certificate through the tunnel: host name', async () => {
    // A trusted certificate, but for another host than the one asked for.
    const other = await startTlsFront('other.snapshooter.test', new URL(sim.url))
    try {
      const tunnels = proxy.tunnels.length
      const run = await drill(
        sim,
        { api_url: `https://${API_HOST}:${other.port}`, timeout: '3s' },
        { env: { ...trust(other), HTTPS_PROXY: proxy.url } },
      )
      expect(run.outputs.outcome).toBe('failed')
      expect(run.errors[0]).toMatch(/ERR_TLS_CERT_ALTNAME_INVALID/)
      expect(since(proxy.tunnels, tunnels)[0]).toBe(`${API_HOST}:${other.port}`)
    } finally {
      await other.close()
    }
  })

  it('checks the certificate of an IP target against that IP, not "localhost"', async () => {
    // https-proxy-agent gives TLS no server name for an IP (none may be sent), so Node would check
    // the certificate against "localhost"; proxy.ts checks it against the target. The IP is
    // from a documentation range: it only appears in the CONNECT line, the proxy maps it home.
    const byIp = await startTlsFront(API_IP, new URL(sim.url))
    try {
      const tunnels = proxy.tunnels.length
      const run = await drill(
        sim,
        { api_url: byIp.url, dry_run: 'true' },
        { env: { ...trust(byIp), HTTPS_PROXY: proxy.url } },
      )
      expect(run.errors).toEqual([])
      expect(run.outputs.outcome).toBe('dry_run')
      expect(since(proxy.tunnels, tunnels)).toEqual([`${API_IP}:${byIp.port}`])
      // TLS forbids an IP address as SNI: none is sent.
      expect(byIp.servernames).toEqual([false])
    } finally {
      await byIp.close()
    }
  })
})

describe('the API client behind a proxy', () => {
  it('goes direct to a host listed in NO_PROXY: the proxy sees nothing', async () => {
    const [tunnels, forwarded, lookups] = [
      proxy.tunnels.length,
      proxy.forwarded.length,
      dns.lookups.length,
    ]
    for (const noProxy of [API_HOST, '.snapshooter.test']) {
      const env = { HTTPS_PROXY: proxy.url, NO_PROXY: `example.com,${noProxy}` }
      const failure = client(front.url, env, { requestTimeoutMs: 2_000 }).getBackup(
        SEED.backups.latest,
      )
      // Direct means resolving the name here, which finds nothing (no DNS knows `.test`; the
      // guard answers for it so that the question is never sent).
      await expect(failure).rejects.toThrow(/host not found \(ENOTFOUND\)/)
      await expect(failure).rejects.not.toThrow(/proxy/)
    }
    expect(new Set(since(dns.lookups, lookups))).toEqual(new Set([API_HOST]))
    expect(since(proxy.tunnels, tunnels)).toEqual([])
    expect(since(proxy.forwarded, forwarded)).toEqual([])
  })

  it('sends http requests to HTTP_PROXY as absolute URIs, which it forwards', async () => {
    const [forwarded, lookups] = [proxy.forwarded.length, dns.lookups.length]
    const backup = await client(simByName(), { HTTP_PROXY: proxy.url }).getBackup(
      SEED.backups.latest,
    )
    expect(backup.id).toBe(SEED.backups.latest)
    expect(since(proxy.forwarded, forwarded)).toEqual([
      `${simByName()}/v1/backups/${SEED.backups.latest}`,
    ])
    expect(since(dns.lookups, lookups)).toEqual([])
  })

  it('fetches a storage link of download mode through the proxy too', async () => {
    const links = await client(sim.url, {}).getDownloadLinks(SEED.backups.latest)
    const link = new URL(Object.values(links)[0] ?? '')
    link.host = `${SIM_HOST}:${link.port}`
    const forwarded = proxy.forwarded.length
    const opened = await openLink(link.href, {
      userAgent: 'snapshooter-restore/test',
      signal: new AbortController().signal,
      idleTimeoutMs: 5_000,
      env: { HTTP_PROXY: proxy.url },
    })
    expect('body' in opened).toBe(true)
    if ('body' in opened) opened.body.resume()
    expect(since(proxy.forwarded, forwarded)).toEqual([link.href])
  })

  it('tunnels https by name without resolving it', async () => {
    const [tunnels, lookups] = [proxy.tunnels.length, dns.lookups.length]
    // No NODE_EXTRA_CA_CERTS in this process: the tunnel opens, TLS then refuses the front.
    const failure = client(front.url, { HTTPS_PROXY: proxy.url }).getBackup(SEED.backups.latest)
    await expect(failure).rejects.toThrow(/SELF_SIGNED|self.signed/i)
    expect(new Set(since(proxy.tunnels, tunnels))).toEqual(new Set([`${API_HOST}:${front.port}`]))
    expect(since(dns.lookups, lookups)).toEqual([])
  })

  it('gets 502 from the proxy for a host it does not know', async () => {
    const tunnels = proxy.tunnels.length
    const unknown = `https://unknown.snapshooter.test:${front.port}`
    const failure = client(unknown, { HTTPS_PROXY: proxy.url }).getBackup(SEED.backups.latest)
    await expect(failure).rejects.toThrow(/HTTP 502/)
    expect(since(proxy.tunnels, tunnels)[0]).toBe(`unknown.snapshooter.test:${front.port}`)
  })

  it('never sends a loopback request to the proxy', async () => {
    const port = await closedPort()
    const env = { HTTP_PROXY: `http://127.0.0.1:${port}`, HTTPS_PROXY: `http://127.0.0.1:${port}` }
    const backup = await client(sim.url, env).getBackup(SEED.backups.latest)
    expect(backup.id).toBe(SEED.backups.latest)
  })

  it('names the proxy when it cannot be reached', async () => {
    const port = await closedPort()
    const env = { HTTPS_PROXY: `http://user:secret@127.0.0.1:${port}` }
    const failure = client(front.url, env).getBackup(SEED.backups.latest)
    await expect(failure).rejects.toThrow(
      `connection refused (ECONNREFUSED) (through proxy http://127.0.0.1:${port}): check the proxy settings`,
    )
    await expect(failure).rejects.not.toThrow(/secret/)
  })

  it('says the proxy wants credentials on 407, and passes those of the proxy URL', async () => {
    const guarded = await startProxy('drill:s3cret')
    try {
      const bare = client(front.url, { HTTPS_PROXY: guarded.url })
      // The proxy's own answer to CONNECT, named as such (SnapShooter never saw the request).
      await expect(bare.getBackup(SEED.backups.latest)).rejects.toThrow(
        `GET backup ${SEED.backups.latest} failed: the proxy ${guarded.url} refused the tunnel: HTTP 407 Proxy Authentication Required: give its credentials in the proxy URL, as http://user:password@host:port`,
      )
      const withCredentials = guarded.url.replace('//', '//drill:s3cret@')
      const backup = await client(simByName(), { HTTP_PROXY: withCredentials }).getBackup(
        SEED.backups.latest,
      )
      expect(backup.id).toBe(SEED.backups.latest)
      expect(guarded.forwarded).toEqual([`${simByName()}/v1/backups/${SEED.backups.latest}`])
    } finally {
      await guarded.close()
    }
  })
})
