// A real forward proxy and a TLS front for the proxy tests, both on 127.0.0.1, and nothing that
// dials anywhere else. The targets get made-up names (RFC 6761 `.test`) that only the proxy
// resolves, from HOSTS: the client hands the name to the proxy (CONNECT host:port, or an absolute
// URI), so it never looks the name up, and the proxy opens its side on loopback. Loopback
// targets themselves cannot serve here: they always go direct (src/http/proxy.ts).
import { execFileSync } from 'node:child_process'
import dns from 'node:dns'
import { mkdtempSync, readFileSync } from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import net from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import tls from 'node:tls'

/** The API's name, behind the TLS front. */
export const API_HOST = 'api.snapshooter.test'
/** The simulator's name, for plain http through the proxy. */
export const SIM_HOST = 'sim.snapshooter.test'
/**
 * An IP target, as an api_url may give one (RFC 5737 documentation range, routed nowhere): only
 * ever written into a CONNECT line, which the proxy maps to loopback like the names.
 */
export const API_IP = '192.0.2.10'

/** The proxy's own resolver: every name it serves is this machine's loopback. */
const HOSTS: Readonly<Record<string, string>> = {
  [API_HOST]: '127.0.0.1',
  [SIM_HOST]: '127.0.0.1',
  [API_IP]: '127.0.0.1',
}

/** The loopback address the proxy serves `name` from, or undefined: it asks no DNS server. */
function resolve(name: string): string | undefined {
  return Object.hasOwn(HOSTS, name) ? HOSTS[name] : undefined
}

export interface RecordingProxy {
  url: string
  /** `host:port` of every CONNECT tunnel asked for. */
  tunnels: string[]
  /** Headers of those CONNECT requests. */
  tunnelHeaders: http.IncomingHttpHeaders[]
  /** Absolute URIs of the plain http requests it was asked to forward. */
  forwarded: string[]
  close(): Promise<void>
}

/** Starts the proxy; with `credentials` (`user:password`) it answers 407 to anyone without them. */
export async function startProxy(credentials?: string): Promise<RecordingProxy> {
  const expected =
    credentials === undefined ? null : `Basic ${Buffer.from(credentials).toString('base64')}`
  const allowed = (req: http.IncomingMessage): boolean =>
    expected === null || req.headers['proxy-authorization'] === expected
  const record: Omit<RecordingProxy, 'url' | 'close'> = {
    tunnels: [],
    tunnelHeaders: [],
    forwarded: [],
  }
  const sockets = new Set<net.Socket>()
  const track = (socket: net.Socket): net.Socket => {
    sockets.add(socket)
    return socket.on('close', () => sockets.delete(socket)).on('error', () => undefined)
  }

  const server = http.createServer((req, res) => {
    record.forwarded.push(req.url ?? '')
    if (!allowed(req)) {
      res.writeHead(407, { 'Proxy-Authenticate': 'Basic realm="test proxy"' }).end()
      return
    }
    let target: URL
    try {
      target = new URL(req.url ?? '')
    } catch {
      res.writeHead(400).end('absolute URI expected')
      return
    }
    const address = resolve(target.hostname)
    if (target.protocol !== 'http:' || address === undefined) {
      res.writeHead(502).end(`unknown host ${target.hostname}`)
      return
    }
    const headers = { ...req.headers }
    delete headers['proxy-authorization']
    delete headers['proxy-connection']
    const upstream = http.request(
      {
        host: address,
        port: Number(target.port || 80),
        method: req.method,
        path: `${target.pathname}${target.search}`,
        headers,
        agent: false,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers)
        answer.pipe(res)
      },
    )
    upstream.on('error', () => res.headersSent || res.writeHead(502).end())
    req.pipe(upstream)
  })

  server.on('connect', (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    track(client)
    record.tunnels.push(req.url ?? '')
    record.tunnelHeaders.push(req.headers)
    const refuse = (status: string, extra = ''): void => {
      client.end(`HTTP/1.1 ${status}\r\n${extra}Content-Length: 0\r\n\r\n`)
    }
    if (!allowed(req)) {
      refuse(
        '407 Proxy Authentication Required',
        'Proxy-Authenticate: Basic realm="test proxy"\r\n',
      )
      return
    }
    const [, host = '', port = ''] = /^(\[[^\]]+\]|[^:]+):(\d+)$/.exec(req.url ?? '') ?? []
    const address = resolve(host)
    if (address === undefined) {
      refuse('502 Bad Gateway')
      return
    }
    const upstream = track(net.connect(Number(port), address))
    upstream.once('error', () =>
      upstream.connecting ? refuse('502 Bad Gateway') : client.destroy(),
    )
    upstream.once('connect', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      if (head.length > 0) upstream.write(head)
      client.pipe(upstream).pipe(client)
    })
  })

  const port = await listen(server)
  return {
    ...record,
    url: `http://127.0.0.1:${port}`,
    close: () => {
      sockets.forEach((s) => s.destroy())
      return closeServer(server)
    },
  }
}

export interface TlsFront {
  /** `https://<certified name>:<port>`; the front itself listens on 127.0.0.1. */
  url: string
  port: number
  /** The SNI server name of each connection, or false when the client sent none. */
  servernames: (string | false)[]
  /** The PEM file of its self-signed certificate, for NODE_EXTRA_CA_CERTS. */
  caFile: string
  close(): Promise<void>
}

/**
 * Terminates TLS on 127.0.0.1 with a fresh self-signed certificate for `name` (a host name or an
 * IP address) and relays to `target`.
 */
export async function startTlsFront(name: string, target: URL): Promise<TlsFront> {
  const dir = mkdtempSync(join(tmpdir(), 'snapshooter-tls-'))
  const [key, cert] = [join(dir, 'key.pem'), join(dir, 'cert.pem')]
  const san = net.isIP(name) !== 0 ? `IP:${name}` : `DNS:${name}`
  // openssl rather than hand-built X.509: node:crypto makes keys but not certificates.
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      key,
      '-out',
      cert,
      '-days',
      '1',
      '-subj',
      '/CN=snapshooter-restore test',
      '-addext',
      `subjectAltName=${san}`,
    ],
    { stdio: 'ignore' },
  )
  const sockets = new Set<net.Socket>()
  const servernames: (string | false)[] = []
  const server = tls.createServer(
    { key: readFileSync(key), cert: readFileSync(cert) },
    (socket) => {
      servernames.push(socket.servername ?? false)
      const upstream = net.connect(Number(target.port), target.hostname)
      for (const s of [socket, upstream]) {
        sockets.add(s)
        s.on('close', () => sockets.delete(s)).on('error', () => undefined)
      }
      socket.pipe(upstream).pipe(socket)
    },
  )
  const port = await listen(server)
  return {
    url: `https://${name}:${port}`,
    port,
    servernames,
    caFile: cert,
    close: () => {
      sockets.forEach((s) => s.destroy())
      return closeServer(server)
    },
  }
}

/** A loopback port with nothing listening on it: bound, then released. */
export async function closedPort(): Promise<number> {
  const server = net.createServer()
  const port = await listen(server)
  await closeServer(server)
  return port
}

export interface DnsGuard {
  /** Every name looked up since install, in order. */
  lookups: string[]
  restore(): void
}

/**
 * Replaces this process's resolver with one that finds nothing and records what it was asked:
 * a lookup would send the name to the machine's (non-loopback) DNS server, and the tests must
 * not. IP literals go on to the real lookup, which answers them without asking anyone.
 * net.connect and listen read dns.lookup at each call, so the replacement takes effect.
 */
export function guardDns(): DnsGuard {
  const resolver = dns as unknown as { lookup: unknown }
  const original = resolver.lookup
  const lookups: string[] = []
  resolver.lookup = (hostname: string, ...rest: unknown[]): void => {
    // listen() passes IP literals through lookup too; those never reach a DNS server.
    if (net.isIP(hostname) !== 0) {
      ;(original as (...args: unknown[]) => void)(hostname, ...rest)
      return
    }
    lookups.push(hostname)
    const callback = rest.find((arg) => typeof arg === 'function') as (e: Error) => void
    const error = Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), {
      code: 'ENOTFOUND',
      syscall: 'getaddrinfo',
      hostname,
    })
    process.nextTick(() => callback(error))
  }
  return { lookups, restore: () => void (resolver.lookup = original) }
}

function listen(server: net.Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port))
  })
}

function closeServer(server: net.Server): Promise<void> {
  ;(server as http.Server).closeAllConnections?.()
  return new Promise((resolve) => server.close(() => resolve()))
}
