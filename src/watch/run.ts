// The watch command (`restore_id`): follow a restore made before, by `wait: false`, by a run
// cancelled or cut off while its POST was in flight, or by hand. It sends no POST and looks up
// no backup: it waits for the restore as the restore command does, from the run's start, and the
// restore's own answer names its backup and job. It returns how it ended and writes no evidence.
import * as core from '@actions/core'
import type { CommandDeps } from '../drill/prepare.js'
import { Failure } from '../failure.js'
import type { WatchSettings } from '../inputs/settings.js'
import { waitDeps } from '../restore/run.js'
import { waitForRestore, type WaitEnd } from '../restore/wait.js'
import type { ApiError } from '../snapshooter/errors.js'

export type WatchEnd = { kind: 'waited'; wait: WaitEnd }

export async function runWatch(settings: WatchSettings, deps: CommandDeps): Promise<WatchEnd> {
  const { startedAt } = deps
  const client = deps.connect(startedAt + settings.timeoutMs)
  const { restoreId } = settings
  const wait = await core.group(`Follow restore ${restoreId}`, () =>
    waitForRestore(
      {
        restoreId,
        // Nothing is created here, so `timeout` runs from the run's start.
        createdAt: startedAt,
        timeoutMs: settings.timeoutMs,
        pollIntervalMs: settings.pollIntervalMs,
        notFound: (id, cause) => new RestoreNotFound(id, cause),
      },
      waitDeps(client, deps),
    ),
  )
  return { kind: 'waited', wait }
}

/** 404 on the first check of a restore given by id: it is not one of this account's restores. */
export class RestoreNotFound extends Failure {
  constructor(restoreId: string, cause: ApiError) {
    const requestId = cause.requestId === undefined ? '' : ` (request id ${cause.requestId})`
    super(
      `Restore ${restoreId} does not exist: SnapShooter answered 404 to its status${requestId}. Check \`restore_id\`: it must be the id of a restore of this account, as the \`restore_id\` output of the run that started it gives.`,
      { cause },
    )
    this.name = 'RestoreNotFound'
  }
}
