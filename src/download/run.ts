// The download command: resolve and check the backup, then a dry run, or every selected file
// fetched through its signed link and verified. It returns how it ended and writes no evidence:
// what it learns on the way it tells its progress (docs/architecture.md, Commands).
import * as core from '@actions/core'
import { prepareDrill, type CommandDeps, type DrillProgress } from '../drill/prepare.js'
import type { DownloadSettings } from '../inputs/settings.js'
import { downloadBackup, type BatchProgress } from './backup.js'
import { downloadDir } from './targets.js'

export interface DownloadDeps extends CommandDeps {
  /** Where a download goes when `download_to` is not given. */
  runnerTemp: string
}

export type DownloadProgress = DrillProgress &
  BatchProgress & {
    /** The folder the files go to, known before anything is fetched (on a dry run too). */
    downloadPlanned(dir: string): void
  }

export type DownloadEnd = { kind: 'dry_run' } | { kind: 'downloaded' }

export async function runDownload(
  settings: DownloadSettings,
  deps: DownloadDeps,
  progress: DownloadProgress,
): Promise<DownloadEnd> {
  const deadline = deps.startedAt + settings.timeoutMs
  const client = deps.connect(deadline)
  const { backup, plan } = await prepareDrill(settings, client, deps.clock, progress)
  const dir = downloadDir(settings.downloadTo, backup.id, deps.runnerTemp)
  progress.downloadPlanned(dir)
  if (settings.dryRun) {
    core.info(
      `Dry run: would send POST /v1/backups/${backup.id}/download and download ${plan.files.length} file(s) to ${dir}`,
    )
    return { kind: 'dry_run' }
  }
  await core.group(`Download backup ${backup.id}`, () =>
    downloadBackup(settings, backup, plan.files, dir, { ...deps, client, deadline }, progress),
  )
  return { kind: 'downloaded' }
}
