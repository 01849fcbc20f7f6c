// A real forward proxy on 127.0.0.1 (the npm `proxy` package) that records what it was asked to
// do, and a TLS endpoint with a throwaway certificate in front of the simulator, so that an
// https request can be tunnelled through the proxy and verified end to end.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import net from 'node:net'
import { networkInterfaces, tmpdir } from 'node:os'
import { join } from 'node:path'
import tls from 'node:tls'
import { createProxy } from 'proxy'

export interface RecordingProxy {
  url: string
  /** `host:port` of every CONNECT tunnel asked for. */
  tunnels: string[]
  /** Headers of those CONNECT requests. */
  tunnelHeaders: http.IncomingHttpHeaders[]
  /** Absolute URIs of the plain http requests it forwarded. */
  forwarded: string[]
  close(): Promise<void>
}

/** Starts the proxy; with `credentials` (`user:password`) it answers 407 to anyone without them. */
export async function startProxy(credentials?: string): Promise<RecordingProxy> {
  const server = createProxy(http.createServer())
  if (credentials !== undefined) {
    const expected = `Basic ${Buffer.from(credentials).toString('base64')}`
    server.authenticate = (req) => req.headers['proxy-authorization'] === expected
  }
  const record: Omit<RecordingProxy, 'url' | 'close'> = {
    tunnels: [],
    tunnelHeaders: [],
    forwarded: [],
  }
  server.on('connect', (req: http.IncomingMessage) => {
    record.tunnels.push(req.url ?? '')
    record.tunnelHeaders.push(req.headers)
  })
  server.on('request', (req: http.IncomingMessage) => record.forwarded.push(req.url ?? ''))
  const port = await listen(server, '127.0.0.1')
  return {
    ...record,
    url: `http://127.0.0.1:${port}`,
    close: () => closeServer(server),
  }
}

/**
 * An address of this machine that is not loopback: loopback always goes direct (proxy.ts), so a
 * target must have another address for the proxy to be used at all.
 */
export function externalAddress(): string {
  const found = Object.values(networkInterfaces())
    .flat()
    .find((info) => info !== undefined && !info.internal && info.family === 'IPv4')
  if (found === undefined) throw new Error('this test needs a non-loopback IPv4 address')
  return found.address
}

export interface TlsFront {
  url: string
  /** The PEM file of its self-signed certificate, for NODE_EXTRA_CA_CERTS. */
  caFile: string
  close(): Promise<void>
}

/** Terminates TLS on `host` with a fresh self-signed certificate and relays to `target`. */
export async function startTlsFront(host: string, target: URL): Promise<TlsFront> {
  const dir = mkdtempSync(join(tmpdir(), 'snapshooter-tls-'))
  const [key, cert] = [join(dir, 'key.pem'), join(dir, 'cert.pem')]
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
      `subjectAltName=IP:${host}`,
    ],
    { stdio: 'ignore' },
  )
  const sockets = new Set<net.Socket>()
  const server = tls.createServer(
    { key: readFileSync(key), cert: readFileSync(cert) },
    (socket) => {
      const upstream = net.connect(Number(target.port), target.hostname)
      for (const s of [socket, upstream]) {
        sockets.add(s)
        s.on('close', () => sockets.delete(s)).on('error', () => undefined)
      }
      socket.pipe(upstream).pipe(socket)
    },
  )
  const port = await listen(server, host)
  return {
    url: `https://${host}:${port}`,
    caFile: cert,
    close: () => {
      sockets.forEach((s) => s.destroy())
      return closeServer(server)
    },
  }
}

function listen(server: net.Server, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, host, () => resolve((server.address() as AddressInfo).port))
  })
}

function closeServer(server: net.Server): Promise<void> {
  ;(server as http.Server).closeAllConnections?.()
  return new Promise((resolve) => server.close(() => resolve()))
}
