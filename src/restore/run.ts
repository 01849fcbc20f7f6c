// The restore command: resolve and check the backup, then a dry run, or the restore POST and,
// unless `wait: false`, the wait for its end. It returns how it ended and writes no evidence:
// what it learns on the way it tells its progress (docs/architecture.md, Commands).
import * as core from '@actions/core'
import { prepareDrill, type CommandDeps, type DrillProgress } from '../drill/prepare.js'
import type { RestoreSettings } from '../inputs/settings.js'
import { logWaitEvent } from './log.js'
import { dryRunRestore, startRestore, type StartProgress } from './start.js'
import { waitForRestore, type WaitEnd } from './wait.js'

export type RestoreProgress = DrillProgress & StartProgress

export type RestoreEnd =
  | { kind: 'dry_run' }
  /** Created, and `wait: false`. */
  | { kind: 'not_waited' }
  | { kind: 'waited'; wait: WaitEnd }

export async function runRestore(
  settings: RestoreSettings,
  deps: CommandDeps,
  progress: RestoreProgress,
): Promise<RestoreEnd> {
  const { clock, sleep, signal } = deps
  const client = deps.connect(deps.startedAt + settings.timeoutMs)
  const { backup, plan } = await prepareDrill(settings, client, clock, progress)
  if (settings.dryRun) {
    dryRunRestore(backup.id, plan.request)
    return { kind: 'dry_run' }
  }

  const restore = await core.group('Start the restore', () =>
    startRestore(client, backup.id, plan.request, progress),
  )
  const createdAt = clock.now()
  if (!settings.wait) return { kind: 'not_waited' }

  const wait = await core.group(`Wait for restore ${restore.id}`, () =>
    waitForRestore(
      {
        restoreId: restore.id,
        createdAt,
        timeoutMs: settings.timeoutMs,
        pollIntervalMs: settings.pollIntervalMs,
      },
      {
        // While waiting, the deadline runs from the restore's creation; the wait sets each
        // check's own limit from it.
        getRestore: (id, until) => client.withDeadline(until).getRestore(id),
        clock,
        sleep,
        signal,
        notify: logWaitEvent,
      },
    ),
  )
  return { kind: 'waited', wait }
}
