// The SnapShooter client: one function per endpoint, each on the http layer's attempt loop. Every
// failure leaves as an ApiError whose message a user can act on.

import * as core from '@actions/core'
import { Input } from '../inputs/names.js'
import { createHttp, type Answer, type Http } from '../http/api-transport.js'
import { withAttempts } from '../http/attempts.js'
import type { ProxyEnv } from '../http/proxy.js'
import { Budget } from '../http/budget.js'
import {
  CHECK_POLICY,
  POST_POLICY,
  READ_POLICY,
  REQUEST_TIMEOUT_MS,
  type RetryPolicy,
} from '../http/retry.js'
import { realSleep, systemClock, type Clock, type Sleep } from '../time.js'
import {
  JOB_LIST_PARAMS,
  LIST_PARAMS,
  MAX_RESPONSE_BYTES,
  Paths,
  REQUEST_ID_HEADERS,
} from './api.js'
import { parseJsonBody } from './body.js'
import { ApiError, formatMs, type Subject } from './errors.js'
import { attemptCall, scrubbed, type Call } from './exchange.js'
import { parseJobPage } from './jobs.js'
import { parseBackup, parseBackupPage, parseDownloadLinks, parseRestore } from './parse.js'
import { Secrets } from './text.js'
import type { Backup, BackupPage, JobPage, Restore, RestoreRequest } from './types.js'

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
  /** One status check of the wait loop: a 429 comes back at once, for the loop to pace. */
  checkRestore(restoreId: string): Promise<Restore>
  /** How long the token's budget says to hold the next status check (ms from now). */
  checkHoldMs(createdAt?: number): number
  getDownloadLinks(backupId: string): Promise<Record<string, string>>
  /** One page of the account's jobs, asked with the same parameters whichever the page. */
  listJobs(page: number): Promise<JobPage>
  /** The same connection settings with a new deadline. */
  withDeadline(deadline: number): SnapShooterClient
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
  /** The token's rate-limit budget, read from every answer of every deadline's client. */
  budget: Budget
}

export function createClient(options: ClientOptions): SnapShooterClient {
  const shared: Shared = {
    http: createHttp({
      baseUrl: options.baseUrl,
      headers: {
        Authorization: `Bearer ${options.token}`,
        Accept: 'application/json',
        'User-Agent': options.userAgent,
      },
      maxResponseBytes: MAX_RESPONSE_BYTES,
      requestIdHeaders: REQUEST_ID_HEADERS,
      env: options.env,
    }),
    clock: options.clock ?? systemClock,
    sleep: options.sleep ?? realSleep,
    random: options.random ?? Math.random,
    requestTimeoutMs: options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS,
    signal: options.signal,
    onRetry: options.onRetry,
    secrets: new Secrets(options.mask ?? core.setSecret),
    budget: new Budget(options.random ?? Math.random),
  }
  // Masked already, as the first thing a run does; remembered here to be scrubbed from text.
  shared.secrets.add(options.token, { mask: false })
  return bind(shared, options.deadline)
}

function bind(shared: Shared, deadline: number): SnapShooterClient {
  const { secrets } = shared
  const run = <T>(call: Call<T>, policy?: RetryPolicy): Promise<T> =>
    execute(shared, deadline, call, policy).catch((error: unknown) => {
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
    getRestore: (restoreId) => run(restoreCall(restoreId, secrets)),
    checkRestore: (restoreId) => run(restoreCall(restoreId, secrets), CHECK_POLICY),
    checkHoldMs: (createdAt) => shared.budget.holdMs(shared.clock.now(), createdAt),
    // Creates nothing, so it is retried like a read.
    getDownloadLinks: (backupId) =>
      run({
        method: 'POST',
        path: Paths.downloadLinks(backupId),
        request: `POST download links of backup ${backupId}`,
        subject: backup(backupId),
        parse: (json, request) => parseDownloadLinks(json, request, { secrets }),
      }),
    listJobs: (page) =>
      run({
        method: 'GET',
        path: Paths.jobs(),
        params: { ...JOB_LIST_PARAMS, page },
        request: `GET jobs (page ${page})`,
        parse: (json, request) => parseJobPage(json, request, page, { secrets }),
      }),
    withDeadline: (next) => bind(shared, next),
  }
}

function restoreCall(restoreId: string, secrets: Secrets): Call<Restore> {
  return {
    method: 'GET',
    path: Paths.restore(restoreId),
    request: `GET restore ${restoreId}`,
    subject: { noun: 'restore', id: restoreId },
    parse: (json, request) => parseRestore(json, request, { restoreId, secrets }),
  }
}

async function execute<T>(
  shared: Shared,
  deadline: number,
  call: Call<T>,
  policy?: RetryPolicy,
): Promise<T> {
  const { signal, requestTimeoutMs, secrets } = shared
  const { request, subject } = call
  const ended = await withAttempts(
    (attempt, leftMs) =>
      attemptCall(shared.http, call, attempt, {
        timeoutMs: Math.min(requestTimeoutMs, leftMs),
        requestTimeoutMs,
        signal,
        secrets,
        onLimits: (limits) => shared.budget.observe(limits, shared.clock.now()),
      }),
    // The restore POST is not idempotent: it is sent again only where the server surely did not act.
    policy ?? (call.startsRestore === true ? POST_POLICY : READ_POLICY),
    {
      deadline,
      signal,
      clock: shared.clock,
      sleep: shared.sleep,
      random: shared.random,
      onRetry: ({ attempt, delayMs, failure }) =>
        shared.onRetry?.({ request, attempt, delayMs, reason: reasonOf(failure) }),
    },
  )
  if (ended.ok) return parseAnswer(call, ended.attempts, ended.value)
  if (ended.end === 'cancelled') {
    throw new ApiError({ kind: 'cancelled', request, subject, attempts: ended.attempts })
  }
  // Refused, out of attempts, or out of time after a failure: that failure is the one to report.
  throw ended.last ?? new ApiError({ kind: 'deadline', request, subject, attempts: 0 })
}

function parseAnswer<T>(call: Call<T>, attempts: number, answer: Answer): T {
  const { status, body, requestId } = answer
  try {
    return call.parse(parseJsonBody(body, call.request), call.request)
  } catch (e) {
    if (!(e instanceof ApiError)) throw e
    // A 2xx to the restore POST means it was accepted, however unreadable the answer.
    const mayHaveStarted = call.startsRestore === true
    throw e.with({ subject: call.subject, attempts, status, requestId, mayHaveStarted })
  }
}

function reasonOf(error: ApiError): string {
  if (error.status !== undefined) return `HTTP ${error.status}`
  if (error.kind === 'timeout') return `no answer within ${formatMs(error.timeoutMs ?? 0)}`
  return error.code ?? error.kind
}
