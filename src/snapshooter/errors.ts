// The one error type the client throws. Its message is the single line a user sees in the
// failure annotation, so it is built here, from plain fields, and never from a response body.

import { Failure } from '../failure.js'
import { networkReason, type FailureKind } from '../http/codes.js'
import { Input, type InputName } from '../inputs/names.js'
import { TEXT_LIMITS } from './api.js'
import { cleanText } from './text.js'

/** The http layer's kinds of failure: a status's kind, or what broke an exchange without one. */
export type ApiErrorKind = FailureKind

/** What a request was about, so a 404 can say which id was not found and which input to check. */
export interface Subject {
  noun: 'backup' | 'job' | 'restore'
  id: string
  input?: InputName
}

export interface ApiErrorInit {
  kind: ApiErrorKind
  /** Human name of the request, such as `GET backup 596c5046-…`. */
  request: string
  status?: number
  apiMessage?: string
  fieldErrors?: Record<string, string[]>
  requestId?: string
  /** Requests actually sent; 0 when the time limit ran out before the first. */
  attempts?: number
  /** A restore POST failed after it may have reached the server. */
  mayHaveStarted?: boolean
  /** The network error code, such as ECONNREFUSED. */
  code?: string
  /** Why a body was malformed, or what went wrong on the network; written by this code. */
  detail?: string
  subject?: Subject
  /** The time the request was given, for a timeout message. */
  timeoutMs?: number
  /** The proxy the request went through (scheme, host, port), when one did. */
  proxy?: string
  /** The proxy itself refused the request (its answer to CONNECT), and what to do about it. */
  proxyRefusal?: { said: string; todo: string }
}

export class ApiError extends Failure {
  readonly kind: ApiErrorKind
  readonly request: string
  readonly status?: number
  readonly apiMessage?: string
  readonly fieldErrors?: Record<string, string[]>
  readonly requestId?: string
  readonly attempts: number
  readonly mayHaveStarted: boolean
  readonly code?: string
  readonly detail?: string
  readonly subject?: Subject
  readonly timeoutMs?: number
  readonly #init: ApiErrorInit

  constructor(init: ApiErrorInit) {
    super(describeApiError(init))
    this.#init = init
    this.name = 'ApiError'
    this.kind = init.kind
    this.request = init.request
    this.status = init.status
    this.apiMessage = init.apiMessage
    this.fieldErrors = init.fieldErrors
    this.requestId = init.requestId
    this.attempts = init.attempts ?? 1
    this.mayHaveStarted = init.mayHaveStarted ?? false
    this.code = init.code
    this.detail = init.detail
    this.subject = init.subject
    this.timeoutMs = init.timeoutMs
  }

  /** A copy with some fields changed; the message is rebuilt to match. */
  with(changes: Partial<ApiErrorInit>): ApiError {
    return new ApiError({ ...this.#init, ...changes })
  }
}

// Text from the API made safe for one log line; kept importable from here, where it always was.
export { cleanText }

const RERUN = 'worth re-running later'
const MAY_HAVE_STARTED = 'a restore may have started: check SnapShooter before running again'

export function formatMs(ms: number): string {
  return ms < 1_000 ? `${Math.round(ms)} ms` : `${Math.round(ms / 100) / 10} s`
}

function said(apiMessage: string | undefined): string {
  return apiMessage !== undefined && apiMessage !== '' ? `: "${cleanText(apiMessage)}"` : ''
}

function fieldList(fieldErrors: Record<string, string[]> | undefined): string {
  return Object.entries(fieldErrors ?? {})
    .map(
      ([field, messages]) =>
        `; ${cleanText(field, TEXT_LIMITS.field)}: ${cleanText(messages.join(' '))}`,
    )
    .join('')
}

/** What happened, and what to do about it (empty when nothing helps). */
type Line = [what: string, todo: string]

function notFound({ subject, request }: ApiErrorInit): Line {
  if (subject === undefined) return [`${request} failed: not found (HTTP 404)`, '']
  const check = subject.input !== undefined ? `check \`${subject.input}\`` : ''
  return [`${subject.noun} ${subject.id} was not found (HTTP 404)`, check]
}

function networkLine(init: ApiErrorInit, after: string): Line {
  const code = init.code ?? ''
  const reason = networkReason(code) ?? init.detail ?? 'network error'
  const badUrl = code === 'ECONNREFUSED' || code === 'ENOTFOUND'
  // Through a proxy, a refused or unknown host may be the proxy itself, or its view of the API.
  const check =
    init.proxy !== undefined ? `the proxy settings and \`${Input.apiUrl}\`` : `\`${Input.apiUrl}\``
  const via = init.proxy !== undefined ? ` (through proxy ${init.proxy})` : ''
  return [
    `${init.request} failed${after}: ${reason}${via}`,
    badUrl ? `check ${check}, or ${RERUN}` : RERUN,
  ]
}

function statusLine(init: ApiErrorInit, after: string): Line {
  const status = init.status ?? 0
  if (status >= 300 && status < 400) {
    const what = `${init.request} failed: SnapShooter answered HTTP ${status}, a redirect, which is not followed`
    return [what, `check \`${Input.apiUrl}\``]
  }
  const reason = status === 429 ? ' (too many requests)' : ''
  const what = `${init.request} failed${after}: SnapShooter answered HTTP ${status}${reason}`
  return [`${what}${said(init.apiMessage)}`, RERUN]
}

function timeoutLine(init: ApiErrorInit, after: string): Line {
  if (init.status !== undefined) return statusLine(init, after)
  const within = init.timeoutMs !== undefined ? ` within ${formatMs(init.timeoutMs)}` : ''
  return [`${init.request} failed${after}: no answer${within}`, RERUN]
}

function line(init: ApiErrorInit): Line {
  const attempts = init.attempts ?? 1
  const after = attempts > 1 ? ` after ${attempts} attempts` : ''
  const status = init.status
  // The status is the proxy's, not SnapShooter's: none of the lines below apply.
  if (init.proxyRefusal !== undefined)
    return [`${init.request} failed${after}: ${init.proxyRefusal.said}`, init.proxyRefusal.todo]
  switch (init.kind) {
    case 'auth':
      return [
        `${init.request} failed: the API token was rejected (HTTP ${status ?? 401})`,
        `check the secret given as \`${Input.apiToken}\``,
      ]
    case 'forbidden':
      return [
        `${init.request} failed: the API token may not do this (HTTP ${status ?? 403})${said(init.apiMessage)}`,
        'use a token with the rights to do it',
      ]
    case 'not_found':
      return notFound(init)
    case 'validation': {
      if (status === 407) {
        const what = `${init.request} failed: the proxy${init.proxy !== undefined ? ` ${init.proxy}` : ''} asked for credentials (HTTP 407)`
        return [what, 'give them in the proxy URL, as http://user:password@host:port']
      }
      const what = `${init.request} was refused (HTTP ${status ?? 422})${said(init.apiMessage)}`
      return [`${what}${fieldList(init.fieldErrors)}`, '']
    }
    case 'rate_limited':
    case 'server':
      return statusLine(init, after)
    case 'network':
      return networkLine(init, after)
    case 'timeout':
      return timeoutLine(init, after)
    case 'malformed':
      return [
        `${init.request} failed: the answer was not the expected JSON (${init.detail ?? 'unreadable'})`,
        '',
      ]
    case 'cancelled':
      return [`${init.request} was cancelled`, '']
    case 'deadline': {
      const limit = `the time limit (\`${Input.timeout}\`) ran out`
      return attempts === 0
        ? [`${init.request} was not sent: ${limit}`, '']
        : [`${init.request} got no answer before ${limit}`, '']
    }
  }
}

/** The one line shown to the user: what failed, for which id, why, and what to do. */
export function describeApiError(init: ApiErrorInit): string {
  const [what, todo] = line(init)
  const action = init.mayHaveStarted === true ? MAY_HAVE_STARTED : todo
  const id =
    init.requestId !== undefined
      ? ` (request id ${cleanText(init.requestId, TEXT_LIMITS.requestId)})`
      : ''
  return `${what}${action !== '' ? `: ${action}` : ''}${id}`
}
