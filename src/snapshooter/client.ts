// The SnapShooter client: one function per endpoint and one retry loop. Every failure leaves as
// an ApiError whose message a user can act on.

import * as core from '@actions/core'
import { Input } from '../inputs/names.js'
import { realSleep, systemClock, type Clock, type Sleep } from '../time.js'
import { LIST_PARAMS, MAX_ATTEMPTS, Paths, REQUEST_TIMEOUT_MS, TEXT_LIMITS } from './api.js'
import { ApiError, formatMs, type Subject } from './errors.js'
import { parseJsonBody } from './body.js'
import { parseBackup, parseBackupPage, parseDownloadLinks, parseRestore } from './parse.js'
import { isRetryablePost, isRetryableRead, retryDelayMs } from './retry.js'
import type { ProxyEnv } from './proxy.js'
import { Secrets, cleanText } from './text.js'
import { attemptOnce, createHttp, type Exchange, type Http } from './transport.js'
import type { Backup, BackupPage, Restore, RestoreRequest } from './types.js'

// The client's chunk holds the proxy rules already; the run masks proxy passwords from here, so
// that no second lazy chunk carries another copy of them.
export { proxySecrets } from './proxy.js'

export interface RetryInfo {
  request: string
  /** The attempt that failed (1-based). */
  attempt: number
  delayMs: number
  reason: string
}

export interface ClientOptions {
  baseUrl: string
  token: string
  userAgent: string
  /** Epoch ms; no sleep, retry or request goes past it. */
  deadline: number
  /** Aborts in-flight requests and sleeps; they fail with kind `cancelled`. */
  signal?: AbortSignal
  clock?: Clock
  sleep?: Sleep
  random?: () => number
  requestTimeoutMs?: number
  onRetry?: (info: RetryInfo) => void
  /** Where the proxy variables are read (HTTPS_PROXY, NO_PROXY...); process.env by default. */
  env?: ProxyEnv
  /** Registers a secret read from an answer (an encryption_key) with the runner's log masking. */
  mask?: (secret: string) => void
}

export interface SnapShooterClient {
  getBackup(backupId: string): Promise<Backup>
  listJobBackups(jobId: string, page: number): Promise<BackupPage>
  createRestore(backupId: string, body: RestoreRequest): Promise<Restore>
  getRestore(restoreId: string): Promise<Restore>
  getDownloadLinks(backupId: string): Promise<Record<string, string>>
  /** The same connection settings with a new deadline. */
  withDeadline(deadline: number): SnapShooterClient
}

interface Call<T> extends Exchange {
  parse: (json: unknown, request: string) => T
}

interface Shared {
  http: Http
  clock: Clock
  sleep: Sleep
  random: () => number
  requestTimeoutMs: number
  signal?: AbortSignal
  onRetry?: (info: RetryInfo) => void
  /** The token and every key read so far: no text from an answer keeps one. */
  secrets: Secrets
}

export function createClient(options: ClientOptions): SnapShooterClient {
  const shared: Shared = {
    http: createHttp(options.baseUrl, options.token, options.userAgent, options.env),
    clock: options.clock ?? systemClock,
    sleep: options.sleep ?? realSleep,
    random: options.random ?? Math.random,
    requestTimeoutMs: options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS,
    signal: options.signal,
    onRetry: options.onRetry,
    secrets: new Secrets(options.mask ?? core.setSecret),
  }
  // Masked already, as the first thing a run does; remembered here to be scrubbed from text.
  shared.secrets.add(options.token, { mask: false })
  return bind(shared, options.deadline)
}

function bind(shared: Shared, deadline: number): SnapShooterClient {
  const { secrets } = shared
  const run = <T>(call: Call<T>): Promise<T> =>
    execute(shared, deadline, call).catch((error: unknown) => {
      throw error instanceof ApiError ? scrubbed(error, secrets) : error
    })
  const backup = (id: string): Subject => ({ noun: 'backup', id, input: Input.backupId })
  return {
    getBackup: (backupId) =>
      run({
        method: 'GET',
        path: Paths.backup(backupId),
        request: `GET backup ${backupId}`,
        subject: backup(backupId),
        parse: (json, request) => parseBackup(json, request, { backupId, secrets }),
      }),
    listJobBackups: (jobId, page) =>
      run({
        method: 'GET',
        path: Paths.jobBackups(jobId),
        params: { ...LIST_PARAMS, page },
        request: `GET backups of job ${jobId} (page ${page})`,
        subject: { noun: 'job', id: jobId, input: Input.jobId },
        parse: (json, request) => parseBackupPage(json, request, page, { jobId, secrets }),
      }),
    createRestore: (backupId, body) =>
      run({
        method: 'POST',
        path: Paths.createRestore(backupId),
        body,
        startsRestore: true,
        request: `POST restore of backup ${backupId}`,
        subject: backup(backupId),
        parse: (json, request) => parseRestore(json, request, { backupId, secrets }),
      }),
    getRestore: (restoreId) =>
      run({
        method: 'GET',
        path: Paths.restore(restoreId),
        request: `GET restore ${restoreId}`,
        subject: { noun: 'restore', id: restoreId },
        parse: (json, request) => parseRestore(json, request, { restoreId, secrets }),
      }),
    // Creates nothing, so it is retried like a read.
    getDownloadLinks: (backupId) =>
      run({
        method: 'POST',
        path: Paths.downloadLinks(backupId),
        request: `POST download links of backup ${backupId}`,
        subject: backup(backupId),
        parse: (json, request) => parseDownloadLinks(json, request, { secrets }),
      }),
    withDeadline: (next) => bind(shared, next),
  }
}

async function execute<T>(shared: Shared, deadline: number, call: Call<T>): Promise<T> {
  const { clock, signal } = shared
  const { request, subject } = call
  let last: ApiError | undefined
  for (let attempt = 1; ; attempt++) {
    if (aborted(signal)) {
      throw new ApiError({ kind: 'cancelled', request, subject, attempts: attempt - 1 })
    }
    const left = deadline - clock.now()
    // A pause that overran the deadline: the failure before it is the one worth reporting.
    if (left <= 0) throw last ?? new ApiError({ kind: 'deadline', request, subject, attempts: 0 })
    const answer = await attemptOnce(shared.http, call, {
      attempt,
      timeoutMs: Math.min(shared.requestTimeoutMs, left),
      requestTimeoutMs: shared.requestTimeoutMs,
      signal,
      secrets: shared.secrets,
    })
    if (answer.ok) return parseAnswer(call, attempt, answer.status, answer.body, answer.requestId)
    const { error } = answer
    last = error
    const retryable = call.startsRestore === true ? isRetryablePost(error) : isRetryableRead(error)
    if (!retryable || attempt >= MAX_ATTEMPTS) throw error
    const delayMs = retryDelayMs(attempt - 1, answer.retryAfter, clock.now(), shared.random)
    // A retry that could not finish in time would only hide the real failure behind a deadline.
    if (clock.now() + delayMs >= deadline) throw error
    shared.onRetry?.({ request, attempt, delayMs, reason: reasonOf(error) })
    try {
      await shared.sleep(delayMs, signal)
    } catch (e) {
      if (aborted(signal))
        throw new ApiError({ kind: 'cancelled', request, subject, attempts: attempt })
      throw e
    }
  }
}

function parseAnswer<T>(
  call: Call<T>,
  attempts: number,
  status: number,
  body: string,
  requestId: string | undefined,
): T {
  try {
    return call.parse(parseJsonBody(body, call.request), call.request)
  } catch (e) {
    if (!(e instanceof ApiError)) throw e
    // A 2xx to the restore POST means it was accepted, however unreadable the answer.
    const mayHaveStarted = call.startsRestore === true
    throw e.with({ subject: call.subject, attempts, status, requestId, mayHaveStarted })
  }
}

/**
 * The error with every piece of API text in it scrubbed of the run's secrets, a key learnt after
 * the text was first read included, and the request id (a header) made safe like any API text.
 */
function scrubbed(error: ApiError, secrets: Secrets): ApiError {
  const scrub = (text: string | undefined): string | undefined =>
    text === undefined ? undefined : secrets.scrub(text)
  const fieldErrors =
    error.fieldErrors === undefined
      ? undefined
      : Object.fromEntries(
          Object.entries(error.fieldErrors).map(([field, list]) => [
            secrets.scrub(field),
            list.map((message) => secrets.scrub(message)),
          ]),
        )
  const requestId =
    error.requestId === undefined
      ? undefined
      : cleanText(error.requestId, TEXT_LIMITS.requestId, secrets)
  return error.with({
    apiMessage: scrub(error.apiMessage),
    fieldErrors,
    requestId,
    detail: scrub(error.detail),
  })
}

// A function, not an inline check, so the compiler does not assume the flag stays as first read.
function aborted(signal: AbortSignal | undefined): boolean {
  return signal?.aborted === true
}

function reasonOf(error: ApiError): string {
  if (error.status !== undefined) return `HTTP ${error.status}`
  if (error.kind === 'timeout') return `no answer within ${formatMs(error.timeoutMs ?? 0)}`
  return error.code ?? error.kind
}
