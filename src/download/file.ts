// One file: fetched on the http layer's attempt loop, retried like any read (a GET is safe to
// repeat), streamed to a temporary file in the action's own folder, verified, and only then
// renamed to its real name. A file that is not verified never sits in the folder looking complete.
import { createWriteStream } from 'node:fs'
import { rm } from 'node:fs/promises'
import { pipeline } from 'node:stream/promises'
// Aliased: `Failure` here would be read as a failed attempt, which the retry policy reads.
import { Failure as RunFailure } from '../failure.js'
import { withAttempts, type Attempt, type Attempts } from '../http/attempts.js'
import { READ_POLICY } from '../http/retry.js'
import { bodyFailure, brokeOff, openLink, type StorageFailure } from '../http/storage.js'
import type { Clock, Sleep } from '../time.js'
import { contentCheckerFor, type ContentOptions, type FileCheck } from './content/index.js'
import { cannotWrite, diskProblem } from './disk.js'
import { placeFile, type Workspace } from './place.js'
import type { Target } from './targets.js'
import { isGzip, tap, verificationProblems, type ContentVerification } from './verify.js'
import type { Digest } from './verify.js'

export interface FileDeps {
  userAgent: string
  /** Epoch ms: no attempt, pause or byte goes past it. */
  deadline: number
  signal: AbortSignal
  clock: Clock
  sleep: Sleep
  random: () => number
  idleTimeoutMs: number
  /** `verify: content`: what the backup says of its files; null for `verify: integrity`. */
  content: ContentOptions | null
  onRetry(text: string): void
}

export interface DownloadedFile {
  name: string
  path: string
  bytes: number
  sha256: string
  /** With `verify: content`: its content checks, empty for a type no check knows. */
  checks?: FileCheck[]
}

/** The download failed for good: the message names the file and what to do. */
export class DownloadFailed extends RunFailure {
  constructor(message: string) {
    super(message)
    this.name = 'DownloadFailed'
  }
}

/** The deadline (`timeout`) ran out while this file was on its way. */
export class DeadlineReached extends RunFailure {
  constructor(readonly fileName: string) {
    super(`the time limit ran out while downloading ${fileName}`, { outcome: 'timed_out' })
    this.name = 'DeadlineReached'
  }
}

/** Where a file is written on its way: a name of the action's own, in its own folder. */
export interface Spot {
  partial: string
  workspace: Workspace
}

export async function downloadFile(
  target: Target,
  spot: Spot,
  deps: FileDeps,
): Promise<DownloadedFile> {
  const { clock, signal, deadline, sleep, random } = deps
  try {
    const ended = await withAttempts(
      (_, leftMs) => attemptFile(target, spot, deps, leftMs),
      READ_POLICY,
      {
        deadline,
        signal,
        clock,
        sleep,
        random,
        onRetry: ({ attempt, delayMs, failure }) =>
          deps.onRetry(
            `${target.name}: attempt ${attempt} failed (${failure.reason}); starting it again in ${Math.round(delayMs)} ms`,
          ),
      },
    )
    if (ended.ok) return await accept(target, spot, ended.value)
    throw gaveUp(target, ended, signal)
  } finally {
    // Failing to tidy must not hide why the download failed; the name says it is partial anyway.
    await rm(spot.partial, { force: true }).catch(() => undefined)
  }
}

type Ended = Exclude<Attempts<Digest, StorageFailure>, { ok: true }>

function gaveUp(target: Target, ended: Ended, signal: AbortSignal): unknown {
  // Cancelled, or stopped because another file failed: the signal's reason says why.
  if (ended.end === 'cancelled') return signal.reason
  if (ended.end === 'deadline') return new DeadlineReached(target.name)
  const tried = ended.attempts > 1 ? ` after ${ended.attempts} attempts` : ''
  const failed = `Download of ${target.name} (file ${target.file.id}) failed${tried}: ${ended.last.reason}`
  return ended.end === 'exhausted'
    ? new DownloadFailed(`${failed}: worth re-running later.`)
    : new DownloadFailed(`${failed}: ${ended.last.advice ?? 're-run to get fresh links'}.`)
}

async function accept(target: Target, spot: Spot, digest: Digest): Promise<DownloadedFile> {
  const problems = verificationProblems(target.file, digest)
  if (problems.length > 0) {
    throw new DownloadFailed(
      `${target.name} (file ${target.file.id}) failed verification: ${problems.join('; ')}. The backup may be damaged: check it in SnapShooter.`,
    )
  }
  await placeFile(spot.partial, target, spot.workspace)
  const file = { name: target.name, path: target.path, bytes: digest.bytes, sha256: digest.sha256 }
  return digest.checks === undefined ? file : { ...file, checks: digest.checks }
}

/** The content checks of one attempt: a checker of its own, since each attempt starts over. */
function contentOf(name: string, options: ContentOptions | null): ContentVerification | undefined {
  if (options === null) return undefined
  return { checker: contentCheckerFor(name, options), encrypted: options.encrypted }
}

/**
 * One attempt of the loop, ended by a cancel or by the deadline wherever it is. A failure met once
 * the run was cancelled or its time was up is theirs, not the file's: it ends the loop at once,
 * rather than be judged for a retry. The deadline's cut is known by its timer having fired, not
 * by asking the clock again, which may not agree with the timer to the millisecond.
 */
async function attemptFile(
  target: Target,
  spot: Spot,
  deps: FileDeps,
  leftMs: number,
): Promise<Attempt<Digest, StorageFailure>> {
  const controller = new AbortController()
  const stop = (): void => controller.abort()
  deps.signal.addEventListener('abort', stop, { once: true })
  let late = false
  const timer = setTimeout(() => {
    late = true
    stop()
  }, leftMs)
  try {
    const result = await fetchToPartial(target, spot, deps, controller.signal)
    if ('sha256' in result) return { ok: true, value: result }
    deps.signal.throwIfAborted()
    if (late || deps.clock.now() >= deps.deadline) throw new DeadlineReached(target.name)
    return { ok: false, failure: result, retryAfter: result.retryAfter }
  } finally {
    clearTimeout(timer)
    deps.signal.removeEventListener('abort', stop)
  }
}

/** The file from its first byte: the partial file is rewritten from scratch each attempt. */
async function fetchToPartial(
  target: Target,
  { partial, workspace }: Spot,
  deps: FileDeps,
  signal: AbortSignal,
): Promise<Digest | StorageFailure> {
  const opened = await openLink(target.url, { ...deps, signal })
  if (!('body' in opened)) return opened
  const measure = tap(isGzip(target.name), contentOf(target.name, deps.content))
  try {
    // Each attempt starts a new file; `wx` creates it or fails, and never opens through a
    // link or into a file that something else put there.
    await rm(partial, { force: true })
    await pipeline(opened.body, measure.stream, createWriteStream(partial, { flags: 'wx' }))
  } catch (error) {
    // A full disk or a folder we may not write to will not mend on a retry.
    if (fromDisk(error))
      throw new DownloadFailed(cannotWrite(target, workspace.dir, diskProblem(error)))
    return bodyFailure(error, deps.idleTimeoutMs, measure.received(), opened.length)
  }
  const digest = await measure.digest()
  // A body shorter than announced is a broken connection, not a damaged file: worth retrying.
  if (opened.length !== null && digest.bytes !== opened.length) {
    return { kind: 'network', reason: brokeOff(digest.bytes, opened.length) }
  }
  return digest
}

// pipeline hands every stream the first error, so which stream failed is told by the error
// itself: file system calls name theirs, a broken socket does not (or names `read`).
const DISK_CALLS: ReadonlySet<string> = new Set(['open', 'write', 'close', 'fsync', 'unlink'])

function fromDisk(error: unknown): boolean {
  const { syscall, code } = (error ?? {}) as { syscall?: unknown; code?: unknown }
  return (typeof syscall === 'string' && DISK_CALLS.has(syscall)) || code === 'ENOSPC'
}
