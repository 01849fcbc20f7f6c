// The selected files of a backup fetched to the runner through their signed links, a few at a
// time, each verified before it takes its real name.
import * as core from '@actions/core'
import { formatDuration } from '../duration.js'
import { Failure } from '../failure.js'
import { REQUEST_TIMEOUT_MS } from '../http/retry.js'
import { USER_AGENT } from '../inputs/names.js'
import type { DownloadSettings } from '../inputs/settings.js'
import type { SnapShooterClient } from '../snapshooter/client.js'
import type { Backup, BackupFile } from '../snapshooter/types.js'
import type { Clock, Sleep } from '../time.js'
import { checksLine, encryptedWarning, skippedWarning } from './checks-text.js'
import { DeadlineReached, downloadFile, type DownloadedFile, type FileDeps } from './file.js'
import { partialPath, prepareWorkspace, removeWorkspace, type Workspace } from './place.js'
import { DownloadRefused, planTargets, type Target } from './targets.js'

/** Enough to fill a runner's link without opening a socket per file of a large backup. */
export const CONCURRENCY = 4

export interface BatchDeps {
  client: Pick<SnapShooterClient, 'getDownloadLinks'>
  /** Epoch ms: run start + `timeout`. */
  deadline: number
  signal: AbortSignal
  clock: Clock
  sleep: Sleep
}

/** How the download goes, told as it goes: a run stopped halfway still says what arrived. */
export interface BatchProgress {
  downloadStarted(at: number): void
  /** The files verified and in place so far, in the backup's order. */
  filesVerified(files: readonly DownloadedFile[]): void
  downloadEnded(end: { status: 'downloaded' | 'failed'; durationMs: number }): void
}

/** `timeout` ran out before every file was downloaded and verified. */
export class DownloadTimedOut extends Failure {
  constructor(message: string) {
    super(message, { outcome: 'timed_out' })
    this.name = 'DownloadTimedOut'
  }
}

/** Fetches and verifies `files` into `dir`, or throws with the reason of the first failure. */
export async function downloadBackup(
  settings: Pick<DownloadSettings, 'timeoutMs' | 'verify' | 'written'>,
  backup: Backup,
  files: readonly BackupFile[],
  dir: string,
  deps: BatchDeps,
  progress: BatchProgress,
): Promise<void> {
  if (files.length === 0)
    throw new DownloadRefused(`Backup ${backup.id} has no files: there is nothing to download.`)
  const started = deps.clock.now()
  progress.downloadStarted(started)
  let workspace: Workspace | null = null
  let verified: DownloadedFile[] = []
  let status: 'downloaded' | 'failed' = 'failed'
  try {
    const links = await deps.client.getDownloadLinks(backup.id)
    maskLinks(links)
    const targets = planTargets(backup.id, files, links, dir)
    core.info(`Downloading ${targets.length} file(s) to ${dir}`)
    const ready = (workspace = await prepareWorkspace(dir, targets))
    const fileDeps: Omit<FileDeps, 'signal'> = {
      userAgent: USER_AGENT,
      deadline: deps.deadline,
      clock: deps.clock,
      sleep: deps.sleep,
      random: Math.random,
      idleTimeoutMs: REQUEST_TIMEOUT_MS,
      content: settings.verify === 'content' ? { encrypted: backup.encrypted } : null,
      onRetry: (text) => core.info(text),
    }
    // Kept in the order of the backup's files, whatever order they finish in.
    const done: (DownloadedFile | undefined)[] = targets.map(() => undefined)
    await eachAtMost(CONCURRENCY, [...targets.keys()], deps.signal, async (index, signal) => {
      const spot = { partial: partialPath(ready, index), workspace: ready }
      const file = await downloadFile(targets[index] as Target, spot, { ...fileDeps, signal })
      done[index] = file
      verified = done.filter((found) => found !== undefined)
      progress.filesVerified(verified)
      core.info(
        `${file.name}: ${file.bytes} bytes, sha256 ${file.sha256}, verified${checksLine(file)}`,
      )
    })
    status = 'downloaded'
  } catch (error) {
    if (error instanceof DeadlineReached && !deps.signal.aborted) {
      throw new DownloadTimedOut(
        `Backup ${backup.id} was not fully downloaded when \`timeout\` (${settings.written?.timeout ?? formatDuration(settings.timeoutMs)}) ran out (${error.message}); ${verified.length} file(s) had been verified: raise \`timeout\`.`,
      )
    }
    throw error
  } finally {
    // Said whether or not another file failed: those files are in place, their content unchecked.
    for (const warning of [encryptedWarning, skippedWarning].map((say) => say(backup.id, verified)))
      if (warning !== null) core.warning(warning)
    // Failing to tidy must not hide how the download ended; the folder's name says it is ours.
    if (workspace !== null) await removeWorkspace(workspace).catch(() => undefined)
    progress.downloadEnded({ status, durationMs: deps.clock.now() - started })
  }
}

/**
 * Signed links are credentials. Masked before any line could print one; the query string on
 * its own too, since it holds the signature even where the URL appears encoded differently.
 */
export function maskLinks(links: Readonly<Record<string, string>>): void {
  for (const url of Object.values(links)) {
    core.setSecret(url)
    const query = url.indexOf('?')
    if (query !== -1 && query < url.length - 1) core.setSecret(url.slice(query + 1))
  }
}

/**
 * Runs `work` on every item, at most `limit` at a time. The first failure stops the rest (their
 * partial files are removed) and is the one thrown.
 */
export async function eachAtMost<T>(
  limit: number,
  items: readonly T[],
  signal: AbortSignal,
  work: (item: T, signal: AbortSignal) => Promise<void>,
): Promise<void> {
  const stop = new AbortController()
  const cancel = (): void => stop.abort(signal.reason)
  // A cancel that came before this point has already fired its event.
  if (signal.aborted) cancel()
  signal.addEventListener('abort', cancel, { once: true })
  let next = 0
  let first: { error: unknown } | null = null
  const worker = async (): Promise<void> => {
    while (!stop.signal.aborted && next < items.length) {
      const item = items[next++] as T
      try {
        await work(item, stop.signal)
      } catch (error) {
        first ??= { error }
        stop.abort(error)
      }
    }
  }
  try {
    await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  } finally {
    signal.removeEventListener('abort', cancel)
  }
  if (first !== null) throw (first as { error: unknown }).error
  signal.throwIfAborted()
}
