// The restore command: resolve and check the backup, then a dry run, or the restore POST and,
// unless `wait: false`, the wait for its end. It returns how it ended and writes no evidence:
// what it learns on the way it tells its progress (docs/architecture.md, Commands).
import * as core from '@actions/core'
import { prepareDrill, type CommandDeps, type DrillProgress } from '../drill/prepare.js'
import type { RestoreSettings } from '../inputs/settings.js'
import { logWaitEvent } from './log.js'
import { dryRunRestore, startRestore, type StartProgress } from './start.js'
import type { SnapShooterClient } from '../snapshooter/client.js'
import { waitForRestore, type WaitDeps, type WaitEnd } from './wait.js'

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
  const { clock } = deps
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
      waitDeps(client, deps),
    ),
  )
  return { kind: 'waited', wait }
}

/**
 * What the wait loop needs from a command: status checks on the client, each cut at the limit
 * the wait gives it (docs/architecture.md, Deadlines), the run's time and its cancel signal.
 */
export function waitDeps(
  client: Pick<SnapShooterClient, 'withDeadline' | 'checkHoldMs'>,
  { clock, sleep, signal }: Pick<CommandDeps, 'clock' | 'sleep' | 'signal'>,
): WaitDeps {
  return {
    getRestore: (id, until) => client.withDeadline(until).checkRestore(id),
    holdMs: (createdAt) => client.checkHoldMs(createdAt),
    clock,
    sleep,
    signal,
    notify: logWaitEvent,
  }
}
