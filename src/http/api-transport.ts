// One HTTP exchange with the API: the axios instance, one attempt, and whatever went wrong as
// plain facts (no text of the answer is judged here). Retrying is the attempt loop's business;
// the client turns the facts into its error, and parses the payload.

import axios, { AxiosError, type AxiosInstance, type AxiosResponse } from 'axios'
import { errorMessage } from '../failure.js'
import type { Attempt } from './attempts.js'
import { NEVER_CONNECTED_CODES, kindOfStatus } from './codes.js'
import type { LimitHeaders } from './budget.js'
import { ProxyRefused, agentsFor, type Agents, type ProxyEnv } from './proxy.js'
import type { FailureFacts } from './retry.js'

export interface HttpOptions {
  baseUrl: string
  /** Sent with every request: authorization, accept, user agent. */
  headers: Readonly<Record<string, string>>
  /** A larger answer is cut off, as no answer the client expects. */
  maxResponseBytes: number
  /** Answer headers that may carry a request id, most specific first (lower case). */
  requestIdHeaders: readonly string[]
  /** Where the proxy variables are read (HTTPS_PROXY, NO_PROXY...); process.env by default. */
  env?: ProxyEnv
}

export interface Exchange {
  method: 'GET' | 'POST'
  path: string
  params?: Record<string, string | number>
  /** Sent as JSON. */
  body?: unknown
}

export interface AttemptOptions {
  /** This attempt's limit: the request timeout, or less when the deadline is nearer. */
  timeoutMs: number
  /** The request timeout proper; a shorter `timeoutMs` means the deadline cut it. */
  requestTimeoutMs: number
  signal?: AbortSignal
  /** Told the rate-limit headers of every answer, 2xx or not (docs/architecture.md, Rate limits). */
  onLimits?: (limits: LimitHeaders) => void
}

/** An answer as it came: the body as text, for the caller to parse. */
export interface Answer {
  status: number
  body: string
  requestId?: string
}

/** Why an attempt failed, as facts. */
export interface ExchangeFailure extends FailureFacts {
  /** The non-2xx answer, when one came. */
  answer?: Answer
  /** The time the attempt was given, when it ran out. */
  timeoutMs?: number
  /** What broke, in the words of whatever threw; raw: the caller makes it safe to show. */
  detail?: string
  /** The proxy the request went through (scheme, host, port), when one did. */
  proxy?: string
  /** The proxy itself refused the request (its answer to CONNECT), and what to do about it. */
  proxyRefusal?: { said: string; todo: string }
  /**
   * The server may have acted on the request: it was sent, and no answer says it was not
   * acted on (a 5xx or 408 may come after the work was done). A 4xx, a refused connection and a
   * proxy's refusal prove it was not.
   */
  mayHaveActed: boolean
}

/** The axios instance, the proxy it goes through (for messages), and agents for one attempt. */
export interface Http {
  instance: AxiosInstance
  proxy: string | null
  maxResponseBytes: number
  requestIdHeaders: readonly string[]
  agents: (signal: AbortSignal) => Pick<Agents, 'httpAgent' | 'httpsAgent'>
}

export function createHttp(options: HttpOptions): Http {
  const { baseUrl, env = process.env } = options
  const instance = axios.create({
    baseURL: baseUrl,
    allowAbsoluteUrls: false,
    headers: { ...options.headers },
    // A redirect could carry the token to another host: a 3xx is an answer, not followed.
    maxRedirects: 0,
    validateStatus: () => true,
    // Bodies stay text so that HTML or broken JSON reach the client's parser and its precise error.
    responseType: 'text',
    transformResponse: [(data: unknown) => data],
    maxContentLength: options.maxResponseBytes,
    // axios' own proxy handling is off: agentsFor decides, with keep-alive off and a real
    // CONNECT tunnel for https, so that no socket outlives the work. Each attempt gets agents of
    // its own (see attemptOnce).
    proxy: false,
  })
  const agents = (signal?: AbortSignal): Agents => agentsFor(baseUrl, env, signal)
  return {
    instance,
    proxy: agents().proxy,
    maxResponseBytes: options.maxResponseBytes,
    requestIdHeaders: options.requestIdHeaders,
    agents,
  }
}

/** One attempt; never rejects. A 2xx is a value, anything else a failure. */
export async function attemptOnce(
  http: Http,
  exchange: Exchange,
  options: AttemptOptions,
): Promise<Attempt<Answer, ExchangeFailure>> {
  const { instance, proxy, agents } = http
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
  const via = proxy !== null ? { proxy } : {}
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
    return { ok: false, failure: { ...failureWithoutAnswer(e, http, options, timedOut), ...via } }
  } finally {
    clearTimeout(timer)
    signal?.removeEventListener('abort', cancel)
  }
  const { status } = response
  options.onLimits?.({
    limit: headerOf(response, 'x-ratelimit-limit'),
    remaining: headerOf(response, 'x-ratelimit-remaining'),
    retryAfter: headerOf(response, 'retry-after'),
    reset: headerOf(response, 'x-ratelimit-reset'),
  })
  const answer: Answer = {
    status,
    body: typeof response.data === 'string' ? response.data : '',
    requestId: requestIdOf(response, http.requestIdHeaders),
  }
  if (status >= 200 && status < 300) return { ok: true, value: answer }
  const failure: ExchangeFailure = {
    kind: kindOfStatus(status),
    status,
    answer,
    mayHaveActed: status >= 500 || status === 408,
    ...via,
  }
  return { ok: false, failure, retryAfter: headerOf(response, 'retry-after') }
}

function failureWithoutAnswer(
  e: unknown,
  http: Http,
  options: AttemptOptions,
  timedOut: boolean,
): ExchangeFailure {
  // Sent, as far as anyone can tell, unless the error proves otherwise.
  const sent = { mayHaveActed: true }
  if (options.signal?.aborted === true) return { ...sent, kind: 'cancelled' }
  if (!(e instanceof AxiosError)) return { ...sent, kind: 'network', detail: errorMessage(e) }
  if (e.cause instanceof ProxyRefused) {
    const { status, message, advice } = e.cause
    // Nothing went past the proxy: the server never saw the request.
    const proxyRefusal = { said: message, todo: advice }
    return { kind: kindOfStatus(status), status, proxyRefusal, mayHaveActed: false }
  }
  const code = networkCode(e)
  // ECONNABORTED is axios' own timeout, which watches the socket alongside our timer.
  if (timedOut || code === 'ECONNABORTED') {
    const kind = options.timeoutMs < options.requestTimeoutMs ? 'deadline' : 'timeout'
    return { ...sent, kind, timeoutMs: options.timeoutMs }
  }
  if (/maxContentLength/.test(e.message)) {
    const detail = `the answer was larger than ${http.maxResponseBytes / 1024 / 1024} MB`
    return { ...sent, kind: 'malformed', detail }
  }
  const neverConnected = code !== undefined && NEVER_CONNECTED_CODES.has(code)
  return { kind: 'network', code, mayHaveActed: !neverConnected }
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

function requestIdOf(
  response: AxiosResponse<unknown>,
  names: readonly string[],
): string | undefined {
  for (const name of names) {
    const value = headerOf(response, name)
    if (value !== undefined) return value
  }
  return undefined
}
