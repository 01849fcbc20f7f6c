// A proxy that swallows requests, on 127.0.0.1: what a dead corporate proxy looks like from the
// runner. It dials nowhere, so no byte ever leaves the machine.
// - `accept`: takes the TCP connection, and swallows every byte without a word back.
// - `connect`: reads the CONNECT (or the forwarded request) and never answers it.
// - `tunnel`: answers 200 to CONNECT, then swallows whatever comes through the tunnel.
// - `tunnel-after:N`: relays the first N CONNECT tunnels to loopback as a real proxy does (the
//   target port on 127.0.0.1), then turns into `tunnel`: a proxy that dies in the middle of a run.
import type { AddressInfo } from 'node:net'
import net from 'node:net'

export type BlackHoleMode = 'accept' | 'connect' | 'tunnel' | `tunnel-after:${number}`

export interface BlackHoleProxy {
  url: string
  /** Connections accepted so far. */
  accepted(): number
  /** Whether every connection it accepted (and relayed) got closed within `timeoutMs`. */
  drained(timeoutMs: number): Promise<boolean>
  close(): Promise<void>
}

const HEADER_END = '\r\n\r\n'

export async function startBlackHoleProxy(mode: BlackHoleMode): Promise<BlackHoleProxy> {
  const sockets = new Set<net.Socket>()
  let accepted = 0
  let tunnels = 0
  const relayed = mode.startsWith('tunnel-after:') ? Number(mode.split(':')[1]) : 0
  const swallow = (socket: net.Socket): void => void socket.on('data', () => undefined)

  const server = net.createServer((socket) => {
    accepted++
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket)).on('error', () => undefined)
    // Read (so that the client's hanging up is seen) and never answered.
    if (mode === 'accept') return swallow(socket)
    let head = ''
    const onData = (chunk: Buffer): void => {
      head += chunk.toString('latin1')
      const end = head.indexOf(HEADER_END)
      if (end === -1) return
      socket.off('data', onData)
      const connect = /^CONNECT \S+:(\d+) HTTP/.exec(head)
      if (mode === 'connect' || connect === null) return swallow(socket)
      tunnels++
      if (tunnels > relayed) {
        socket.write('HTTP/1.1 200 Connection Established\r\n\r\n')
        return swallow(socket)
      }
      const rest = Buffer.from(head.slice(end + HEADER_END.length), 'latin1')
      const upstream = net.connect(Number(connect[1]), '127.0.0.1')
      sockets.add(upstream)
      upstream.on('close', () => sockets.delete(upstream)).on('error', () => socket.destroy())
      // Either side hanging up ends the tunnel whole, as proxies do: no half-open leftovers.
      socket.on('end', () => upstream.destroy()).on('close', () => upstream.destroy())
      // Unpiped, the client's socket would stop reading, and never see its own end.
      upstream.on('end', () => socket.end()).on('close', () => socket.resume())
      upstream.once('connect', () => {
        socket.write('HTTP/1.1 200 Connection Established\r\n\r\n')
        if (rest.length > 0) upstream.write(rest)
        socket.pipe(upstream, { end: false })
        upstream.pipe(socket, { end: false })
      })
    }
    socket.on('data', onData)
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    accepted: () => accepted,
    drained: async (timeoutMs) => {
      const until = Date.now() + timeoutMs
      while (sockets.size > 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 20))
      return sockets.size === 0
    },
    close: () => {
      sockets.forEach((s) => s.destroy())
      return new Promise((resolve) => server.close(() => resolve()))
    },
  }
}
