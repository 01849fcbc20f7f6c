// One GET of a signed link. Storage is another host: the request carries no SnapShooter token,
// follows no redirect and keeps no socket alive after it. No message here quotes the URL: the
// caller's names the file.
import http, { type IncomingMessage } from 'node:http'
import https from 'node:https'
import { kindOfStatus, networkReason } from './codes.js'
import { ProxyRefused, agentsFor, type ProxyEnv } from './proxy.js'
import type { FailureFacts } from './retry.js'

/** A failed attempt: the facts the retry policy reads, and the reason a person reads. */
export interface StorageFailure extends FailureFacts {
  reason: string
  retryAfter?: string
  /** What to do, when the failure says better than the caller could. */
  advice?: string
}

export type Opened = { ok: true; body: IncomingMessage; length: number | null } | StorageFailure

export interface OpenOptions {
  userAgent: string
  /** Aborts the request, the body included. */
  signal: AbortSignal
  /** The time the answer's headers may take in all, then the longest silence in the body. */
  idleTimeoutMs: number
  /** The runner's proxy variables: storage links go through the proxy as API requests do. */
  env?: ProxyEnv
}

class IdleTimeout extends Error {
  readonly code = 'IDLE_TIMEOUT'
}

/**
 * Opens `link`; never rejects. Until the answer's headers come, the whole exchange (the connection,
 * a proxy's CONNECT, TLS, the headers) has `idleTimeoutMs` in all: the socket's own timeout only
 * measures silence, and before a proxy has answered there is no socket to watch at all. Then the
 * body has `idleTimeoutMs` of silence at most, and `signal` (cancel, deadline) ends either phase.
 */
export function openLink(link: string, options: OpenOptions): Promise<Opened> {
  let url: URL
  try {
    url = new URL(link)
  } catch {
    return Promise.resolve({ kind: 'malformed', reason: 'the signed link is not a valid URL' })
  }
  // The URL parser lower-cases the scheme: `HTTPS://` is https.
  const secure = url.protocol === 'https:'
  if (!secure && url.protocol !== 'http:') {
    return Promise.resolve({
      kind: 'malformed',
      reason: `the signed link is not http(s) but ${url.protocol}`,
    })
  }
  const controller = new AbortController()
  const stop = (): void => controller.abort()
  options.signal.addEventListener('abort', stop, { once: true })
  if (options.signal.aborted) stop()
  let unanswered = false
  const untilAnswer = setTimeout(() => {
    unanswered = true
    stop()
  }, options.idleTimeoutMs)
  const agents = agentsFor(url, options.env, controller.signal)
  return new Promise<Opened>((resolve) => {
    const request = (secure ? https : http).get(
      url,
      {
        agent: secure ? agents.httpsAgent : agents.httpAgent,
        headers: { 'User-Agent': options.userAgent, Accept: '*/*' },
        signal: controller.signal,
        timeout: options.idleTimeoutMs,
      },
      (response) => {
        clearTimeout(untilAnswer)
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
    request.on('close', () => {
      clearTimeout(untilAnswer)
      options.signal.removeEventListener('abort', stop)
    })
    // After the answer has come, the body stream reports errors; this catches those before it.
    request.on('error', (error) =>
      resolve(
        unanswered ? noAnswer(options.idleTimeoutMs) : networkFailure(error, options.idleTimeoutMs),
      ),
    )
  })
}

function noAnswer(timeoutMs: number): StorageFailure {
  return { kind: 'timeout', reason: `storage gave no answer within ${timeoutMs / 1000} s` }
}

function statusFailure(status: number): StorageFailure {
  const kind = kindOfStatus(status)
  const hint =
    status === 403
      ? ' (the signed link was refused; it may have expired)'
      : status >= 300 && status < 400
        ? ' (a redirect, not followed)'
        : ''
  return { kind, status, reason: `storage answered HTTP ${status}${hint}` }
}

/** Whatever broke an attempt before the answer came, as the retry policy's facts. */
export function networkFailure(error: unknown, idleTimeoutMs: number): StorageFailure {
  if (error instanceof IdleTimeout) return silence(idleTimeoutMs)
  // The proxy's own answer: say so, with what to do, rather than blame storage.
  if (error instanceof ProxyRefused) {
    const { status, message, advice } = error
    return { kind: kindOfStatus(status), status, reason: message, advice }
  }
  const code = codeOf(error)
  if (code === undefined) return { kind: 'network', reason: 'network error' }
  return { kind: 'network', code, reason: networkReason(code) ?? code }
}

/**
 * Whatever broke the body on its way, after `received` of `length` bytes: a connection that broke
 * off mid-file, worth another attempt from the first byte.
 */
export function bodyFailure(
  error: unknown,
  idleTimeoutMs: number,
  received: number,
  length: number | null,
): StorageFailure {
  if (error instanceof IdleTimeout) return silence(idleTimeoutMs)
  const code = codeOf(error)
  return {
    kind: 'network',
    ...(code !== undefined ? { code } : {}),
    reason: brokeOff(received, length, code),
  }
}

/** A body that ended early, with or without an error to say why. */
export function brokeOff(received: number, length: number | null, code?: string): string {
  const of = length !== null ? ` of ${length}` : ''
  return `the connection broke off after ${received}${of} bytes${code !== undefined ? ` (${code})` : ''}`
}

function silence(idleTimeoutMs: number): StorageFailure {
  return { kind: 'timeout', reason: `storage sent nothing for ${idleTimeoutMs / 1000} s` }
}

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' && code !== '' ? code : undefined
}
