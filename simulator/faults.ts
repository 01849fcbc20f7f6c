// Injected faults: a queue consumed in order of injection, and the canned answers for the
// faults that are just a different reply (the socket-level ones live in server.ts).
import { type Reply, defaultMessage } from './reply.js'
import type { Fault, RouteName } from './types.js'

/** Faults that change a file's bytes: they need a file to act on. */
const STORAGE_FAULTS: ReadonlySet<Fault['kind']> = new Set(['truncate', 'shortBody', 'corrupt'])

export class FaultQueue {
  private queue: Array<{ fault: Fault; remaining: number }> = []

  add(fault: Fault): void {
    const times = fault.times ?? 1
    if (!(times > 0)) throw new Error(`fault.times must be positive, got ${times}`)
    if (STORAGE_FAULTS.has(fault.kind) && fault.route !== 'storage') {
      throw new Error(`the ${fault.kind} fault only applies to the storage route`)
    }
    if (fault.kind === 'delay' && !(fault.ms >= 0)) throw new Error('fault.ms must be >= 0')
    this.queue.push({ fault, remaining: times })
  }

  clear(): void {
    this.queue = []
  }

  /** The first pending fault for this request, counted as used. */
  take(route: RouteName, path: string): Fault | undefined {
    const index = this.queue.findIndex(
      ({ fault }) =>
        fault.route === route && (fault.match === undefined || path.includes(fault.match)),
    )
    const entry = this.queue[index]
    if (entry === undefined) return undefined
    entry.remaining -= 1
    if (entry.remaining <= 0) this.queue.splice(index, 1)
    return entry.fault
  }
}

const BAD_GATEWAY_PAGE = (status: number): string =>
  [
    '<html>',
    `<head><title>${status} ${defaultMessage(status)}</title></head>`,
    '<body>',
    `<center><h1>${status} ${defaultMessage(status)}</h1></center>`,
    '<hr><center>nginx</center>',
    '</body>',
    '</html>',
    '',
  ].join('\r\n')

function looksLikeJson(body: string): boolean {
  const start = body.trimStart()[0]
  return start === '{' || start === '['
}

/** The reply a fault stands for, or undefined for faults that act on the socket instead. */
export function faultReply(fault: Fault): Reply | undefined {
  switch (fault.kind) {
    case 'status': {
      const headers: Record<string, string> = {}
      if (fault.retryAfter !== undefined) headers['Retry-After'] = fault.retryAfter
      if (fault.body === undefined) {
        return {
          status: fault.status,
          json: { message: defaultMessage(fault.status) },
          headers: { ...headers, ...fault.headers },
        }
      }
      headers['Content-Type'] = looksLikeJson(fault.body)
        ? 'application/json'
        : 'text/plain; charset=utf-8'
      return { status: fault.status, raw: fault.body, headers: { ...headers, ...fault.headers } }
    }
    case 'malformed':
      return { status: 200, raw: '{"data": ', headers: { 'Content-Type': 'application/json' } }
    case 'html': {
      const status = fault.status ?? 502
      return { status, raw: BAD_GATEWAY_PAGE(status), headers: { 'Content-Type': 'text/html' } }
    }
    case 'wrongShape':
      return { status: 200, json: { result: [] } }
    default:
      return undefined
  }
}
