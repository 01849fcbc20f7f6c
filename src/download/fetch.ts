// One GET of a signed link. Storage is another host: the request carries no SnapShooter token,
// follows no redirect and keeps no socket alive after it. No message here quotes the URL.
import http, { type IncomingMessage } from 'node:http'
import https from 'node:https'
import { kindOfStatus } from '../snapshooter/errors.js'
import type { FailureFacts } from '../snapshooter/retry.js'

/** A failed attempt: the facts the retry policy reads, and the reason a person reads. */
export interface Failure extends FailureFacts {
  reason: string
  retryAfter?: string
}

export type Opened = { ok: true; body: IncomingMessage; length: number | null } | Failure

export interface OpenOptions {
  userAgent: string
  /** Aborts the request, the body included. */
  signal: AbortSignal
  /** The longest silence on the socket before the attempt counts as timed out. */
  idleTimeoutMs: number
}

const NETWORK_REASONS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'the connection broke off',
  ENOTFOUND: 'storage host not found',
  EAI_AGAIN: 'storage host name lookup failed',
  ETIMEDOUT: 'connection timed out',
  EPIPE: 'the connection broke off',
}

class IdleTimeout extends Error {
  readonly code = 'IDLE_TIMEOUT'
}

export function openLink(url: string, options: OpenOptions): Promise<Opened> {
  const client = url.startsWith('https:') ? https : http
  return new Promise((resolve) => {
    const request = client.get(
      url,
      {
        agent: false,
        headers: { 'User-Agent': options.userAgent, Accept: '*/*' },
        signal: options.signal,
        timeout: options.idleTimeoutMs,
      },
      (response) => {
        const status = response.statusCode ?? 0
        if (status >= 200 && status < 300) {
          const length = Number(response.headers['content-length'] ?? NaN)
          resolve({
            ok: true,
            body: response,
            length: Number.isSafeInteger(length) ? length : null,
          })
          return
        }
        response.resume()
        const retryAfter = response.headers['retry-after']
        resolve({ ...statusFailure(status), ...(retryAfter ? { retryAfter } : {}) })
      },
    )
    request.on('timeout', () => request.destroy(new IdleTimeout()))
    // After the answer has come, the body stream reports errors; this catches those before it.
    request.on('error', (error) => resolve(networkFailure(error, options.idleTimeoutMs)))
  })
}

function statusFailure(status: number): Failure {
  const kind = kindOfStatus(status)
  const hint =
    status === 403
      ? ' (the signed link was refused; it may have expired)'
      : status >= 300 && status < 400
        ? ' (a redirect, not followed)'
        : ''
  return { kind, status, reason: `storage answered HTTP ${status}${hint}` }
}

/** Whatever broke an attempt without an HTTP status, as the retry policy's facts. */
export function networkFailure(error: unknown, idleTimeoutMs: number): Failure {
  const code = (error as { code?: unknown }).code
  if (error instanceof IdleTimeout) {
    return { kind: 'timeout', reason: `storage sent nothing for ${idleTimeoutMs / 1000} s` }
  }
  if (typeof code !== 'string') return { kind: 'network', reason: 'network error' }
  const reason = NETWORK_REASONS[code] ?? `network error (${code})`
  return { kind: 'network', code, reason: `${reason} (${code})` }
}
