// What every command does first, and once: resolve the backup, then check it. Each command
// starts here and goes its own way after (docs/architecture.md, Commands).
import * as core from '@actions/core'
import type { CommonSettings } from '../inputs/settings.js'
import type { SnapShooterClient } from '../snapshooter/client.js'
import type { Backup } from '../snapshooter/types.js'
import type { Clock, Sleep } from '../time.js'
import type { Selection } from './choose.js'
import { describeSelection } from './selection-text.js'
import {
  chooseBackup,
  preflight,
  refuseOnFailedChecks,
  type Preflight,
  type PreflightSettings,
} from './preflight.js'

/** What a command needs from the run: the API, time, and the cancel signal. */
export interface CommandDeps {
  /** A client whose requests, retries and pauses all end by `deadline` (epoch ms). */
  connect(deadline: number): SnapShooterClient
  /** When the run started: until a restore exists, the deadline is this plus `timeout`. */
  startedAt: number
  /** Aborted on SIGINT/SIGTERM: everything in flight stops. */
  signal: AbortSignal
  clock: Clock
  sleep: Sleep
}

/** What a command has learned so far, told to the run record as it learns it. */
export interface DrillProgress {
  /** The backup, and how it was chosen. */
  backupResolved(backup: Backup, selection: Selection): void
  /** The checks were made; they are told before a failed one refuses the drill. */
  checked(plan: Preflight): void
}

export interface Prepared {
  backup: Backup
  plan: Preflight
}

/** The backup, resolved and checked; throws DrillRefusal when a check fails. */
export async function prepareDrill(
  settings: PreflightSettings & Pick<CommonSettings, 'backupId' | 'choice'>,
  client: Pick<SnapShooterClient, 'getBackup' | 'listJobBackups'>,
  clock: Clock,
  progress: DrillProgress,
): Promise<Prepared> {
  const { backup, selection } = await core.group('Resolve the backup', async () => {
    const chosen = await chooseBackup(settings, client, clock.now())
    const found = chosen.backup
    core.info(
      `Backup ${found.id} of job ${found.jobId}, completed ${found.completedAt ?? '(unknown)'}.`,
    )
    if (chosen.selection.candidates !== null)
      core.info(`Chosen: ${describeSelection(chosen.selection)}.`)
    return chosen
  })
  progress.backupResolved(backup, selection)

  // The checks are pure and synchronous; the group only frames their log lines.
  const plan = await core.group('Pre-flight checks', () => {
    const checked = preflight(settings, backup, clock.now())
    progress.checked(checked)
    refuseOnFailedChecks(checked.checks, `Backup ${backup.id}`)
    core.info(`${checked.files.length} file(s) selected; every check passed.`)
    return Promise.resolve(checked)
  })
  return { backup, plan }
}
