// One HTTP exchange with SnapShooter: the axios instance, one attempt, and the turning of whatever
// went wrong into an ApiError. Retrying and parsing the payload are the client's business.

import axios, { AxiosError, type AxiosInstance, type AxiosResponse } from 'axios'
import { errorMessage } from '../failure.js'
import { MAX_RESPONSE_BYTES, NEVER_CONNECTED_CODES, REQUEST_ID_HEADERS } from './api.js'
import { ApiError, cleanText, kindOfStatus, type Subject } from './errors.js'
import { parseErrorBody } from './body.js'
import { ProxyRefused, agentsFor, type Agents, type ProxyEnv } from './proxy.js'
import type { Secrets } from './text.js'

export interface Exchange {
  method: 'GET' | 'POST'
  path: string
  /** Human name of the request, for messages. */
  request: string
  subject: Subject
  params?: Record<string, string | number>
  body?: unknown
  /** The restore POST: a failure after it may have reached the server must say so. */
  startsRestore?: boolean
}

export interface AttemptOptions {
  attempt: number
  /** This attempt's limit: the request timeout, or less when the deadline is nearer. */
  timeoutMs: number
  /** The request timeout proper; a shorter `timeoutMs` means the deadline cut it. */
  requestTimeoutMs: number
  signal?: AbortSignal
  /** Taken out of an error answer's text before it is cut. */
  secrets?: Secrets
}

export type Answer =
  | { ok: true; status: number; body: string; requestId?: string }
  | { ok: false; error: ApiError; retryAfter?: string }

/** The axios instance, the proxy it goes through (for messages), and agents for one attempt. */
export interface Http {
  instance: AxiosInstance
  proxy: string | null
  agents(signal: AbortSignal): Pick<Agents, 'httpAgent' | 'httpsAgent'>
}

export function createHttp(
  baseUrl: string,
  token: string,
  userAgent: string,
  env: ProxyEnv = process.env,
): Http {
  const instance = axios.create({
    baseURL: baseUrl,
    allowAbsoluteUrls: false,
    headers: {
      Authorization: `Bearer ${token}`,
      Accept: 'application/json',
      'User-Agent': userAgent,
    },
    // A redirect could carry the token to another host: a 3xx is an answer, not followed.
    maxRedirects: 0,
    validateStatus: () => true,
    // Bodies stay text so that HTML or broken JSON reach our parser and its precise error.
    responseType: 'text',
    transformResponse: [(data: unknown) => data],
    maxContentLength: MAX_RESPONSE_BYTES,
    // axios' own proxy handling is off: agentsFor decides, with keep-alive off and a real
    // CONNECT tunnel for https, so that no socket outlives the work. Each attempt gets agents of
    // its own (see attemptOnce).
    proxy: false,
  })
  const agents = (signal?: AbortSignal): Agents => agentsFor(baseUrl, env, signal)
  return { instance, proxy: agents().proxy, agents }
}

export async function attemptOnce(
  { instance, proxy, agents }: Http,
  exchange: Exchange,
  options: AttemptOptions,
): Promise<Answer> {
  const { signal, timeoutMs } = options
  const json =
    exchange.body === undefined
      ? {}
      : { data: JSON.stringify(exchange.body), headers: { 'Content-Type': 'application/json' } }
  const controller = new AbortController()
  // Bound to the attempt's signal: a proxy that never answers is cut off with the attempt.
  const { httpAgent, httpsAgent } = agents(controller.signal)
  let timedOut = false
  // axios' own timeout watches the socket; this one bounds the whole exchange, body included.
  const timer = setTimeout(() => {
    timedOut = true
    controller.abort()
  }, timeoutMs)
  const cancel = (): void => controller.abort()
  signal?.addEventListener('abort', cancel, { once: true })
  let response: AxiosResponse<unknown>
  try {
    response = await instance.request({
      method: exchange.method,
      url: exchange.path,
      params: exchange.params,
      timeout: timeoutMs,
      signal: controller.signal,
      httpAgent,
      httpsAgent,
      ...json,
    })
  } catch (e) {
    const error = failureWithoutAnswer(e, exchange, options, timedOut)
    return { ok: false, error: proxy === null ? error : error.with({ proxy }) }
  } finally {
    clearTimeout(timer)
    signal?.removeEventListener('abort', cancel)
  }
  const { status } = response
  const requestId = requestIdOf(response)
  const body = typeof response.data === 'string' ? response.data : ''
  if (status >= 200 && status < 300) return { ok: true, status, body, requestId }
  const error = new ApiError({
    ...parseErrorBody(body, options.secrets),
    kind: kindOfStatus(status),
    request: exchange.request,
    subject: exchange.subject,
    attempts: options.attempt,
    status,
    requestId,
    // A 5xx or a 408 (the server's own timeout) may come after the restore was started.
    mayHaveStarted: exchange.startsRestore === true && (status >= 500 || status === 408),
    ...(proxy !== null ? { proxy } : {}),
  })
  return { ok: false, error, retryAfter: headerOf(response, 'retry-after') }
}

function failureWithoutAnswer(
  e: unknown,
  exchange: Exchange,
  options: AttemptOptions,
  timedOut: boolean,
): ApiError {
  const { request, subject } = exchange
  const inFlight = exchange.startsRestore === true
  const base = { request, subject, attempts: options.attempt, mayHaveStarted: inFlight }
  if (options.signal?.aborted === true) return new ApiError({ ...base, kind: 'cancelled' })
  if (!(e instanceof AxiosError)) {
    return new ApiError({ ...base, kind: 'network', detail: cleanText(errorMessage(e)) })
  }
  if (e.cause instanceof ProxyRefused) {
    const { status, message, advice } = e.cause
    // Nothing went past the proxy: a restore POST did not reach SnapShooter.
    const proxyRefusal = { said: message, todo: advice }
    return new ApiError({
      ...base,
      kind: kindOfStatus(status),
      status,
      proxyRefusal,
      mayHaveStarted: false,
    })
  }
  const code = networkCode(e)
  // ECONNABORTED is axios' own timeout, which watches the socket alongside our timer.
  if (timedOut || code === 'ECONNABORTED') {
    const kind = options.timeoutMs < options.requestTimeoutMs ? 'deadline' : 'timeout'
    return new ApiError({ ...base, kind, timeoutMs: options.timeoutMs })
  }
  if (/maxContentLength/.test(e.message)) {
    const detail = `the answer was larger than ${MAX_RESPONSE_BYTES / 1024 / 1024} MB`
    return new ApiError({ ...base, kind: 'malformed', detail })
  }
  const neverConnected = code !== undefined && NEVER_CONNECTED_CODES.has(code)
  return new ApiError({
    ...base,
    kind: 'network',
    code,
    mayHaveStarted: inFlight && !neverConnected,
  })
}

function networkCode(e: AxiosError): string | undefined {
  // Node's happy-eyeballs connect reports an AggregateError whose own code may be missing.
  const cause = e.cause as { code?: unknown; errors?: { code?: unknown }[] } | undefined
  const candidates = [e.code, cause?.code, cause?.errors?.[0]?.code]
  return candidates.find((c): c is string => typeof c === 'string' && c !== '')
}

function headerOf(response: AxiosResponse<unknown>, name: string): string | undefined {
  const value = (response.headers as Record<string, unknown>)[name]
  const first: unknown = Array.isArray(value) ? value[0] : value
  return typeof first === 'string' && first.trim() !== '' ? first.trim() : undefined
}

function requestIdOf(response: AxiosResponse<unknown>): string | undefined {
  for (const name of REQUEST_ID_HEADERS) {
    const value = headerOf(response, name)
    if (value !== undefined) return value
  }
  return undefined
}
