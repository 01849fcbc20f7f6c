// Handlers return plain replies; only the server turns them into bytes on a socket.
import type { Readable } from 'node:stream'

export interface Reply {
  status: number
  /** Serialised as JSON with Content-Type application/json. */
  json?: unknown
  /** Sent as is; set Content-Type in headers. */
  raw?: string | Buffer
  /** A body too big to hold: `length` bytes, read from `open()` as they are sent. */
  stream?: { length: number; open(): Readable }
  headers?: Record<string, string>
}

export function message(status: number, text: string, headers?: Record<string, string>): Reply {
  return { status, json: { message: text }, headers }
}

export const notFound = (): Reply => message(404, 'Not found.')

export function invalid(errors: Record<string, string[]>): Reply {
  return { status: 422, json: { message: 'The given data was invalid.', errors } }
}

/** What Laravel (or the proxy in front of it) says for a status when nothing else is known. */
export function defaultMessage(status: number): string {
  const known: Record<number, string> = {
    400: 'Bad Request.',
    401: 'Unauthenticated.',
    403: 'This action is unauthorized.',
    404: 'Not found.',
    405: 'Method Not Allowed.',
    408: 'Request Timeout.',
    422: 'The given data was invalid.',
    429: 'Too Many Attempts.',
    500: 'Server Error',
    502: 'Bad Gateway',
    503: 'Service Unavailable',
    504: 'Gateway Timeout',
  }
  return known[status] ?? `HTTP ${status}`
}
