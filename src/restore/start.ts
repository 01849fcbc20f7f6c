import * as core from '@actions/core'
import { Failure } from '../failure.js'
import type { SnapShooterClient } from '../snapshooter/client.js'
import { ApiError } from '../snapshooter/errors.js'
import type { Restore, RestoreRequest } from '../snapshooter/types.js'
import { classifyStatus } from './status.js'

/** What the restore POST did, told as it happens: a run cancelled meanwhile must say so. */
export interface StartProgress {
  /** The POST is on the wire: cancelling now may leave a restore nobody waits for. */
  restoreRequested(): void
  /** The POST failed; `mayHaveStarted` unless the server surely refused it. */
  restoreRequestFailed(outcome: { mayHaveStarted: boolean }): void
  restoreCreated(restore: Restore): void
}

/** Sends the one restore POST, which is not idempotent: the client never resends it blindly. */
export async function startRestore(
  client: Pick<SnapShooterClient, 'createRestore'>,
  backupId: string,
  request: RestoreRequest,
  progress: StartProgress,
): Promise<Restore> {
  core.info(`POST /v1/backups/${backupId}/restore ${JSON.stringify(request)}`)
  progress.restoreRequested()
  let restore: Restore
  try {
    restore = await client.createRestore(backupId, request)
  } catch (error) {
    progress.restoreRequestFailed({ mayHaveStarted: mayHaveStarted(error) })
    throw error
  }
  progress.restoreCreated(restore)
  core.info(`Restore ${restore.id} created (status ${restore.status}).`)
  // Failed already: with or without waiting, the drill has its answer, and it is no.
  if (classifyStatus(restore.status).class === 'failed') throw new FailedAtStart(restore)
  return restore
}

/** A refusal from the server (4xx) surely started nothing; anything else may have. */
function mayHaveStarted(error: unknown): boolean {
  return !(error instanceof ApiError) || error.kind === 'cancelled' || error.mayHaveStarted
}

/** A dry run's account of the request a real run would send. */
export function dryRunRestore(backupId: string, request: RestoreRequest): void {
  core.info(`Dry run: would send POST /v1/backups/${backupId}/restore ${JSON.stringify(request)}`)
}

/** SnapShooter answered the restore request with a restore that has already failed. */
export class FailedAtStart extends Failure {
  constructor(restore: Restore) {
    super(
      `Restore ${restore.id} ended with status "${restore.status}" as soon as it was created: SnapShooter could not restore the backup; see the restore's log in SnapShooter.`,
    )
    this.name = 'FailedAtStart'
  }
}
