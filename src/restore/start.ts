import * as core from '@actions/core'
import { Failure } from '../failure.js'
import type { Evidence } from '../report/evidence.js'
import type { SnapShooterClient } from '../snapshooter/client.js'
import { ApiError } from '../snapshooter/errors.js'
import type { Restore, RestoreRequest } from '../snapshooter/types.js'
import { classifyStatus } from './status.js'

/**
 * Sends the one restore POST. While it is on the wire the evidence says so, because a run
 * cancelled then may have started a restore that nobody waits for.
 */
export async function startRestore(
  client: Pick<SnapShooterClient, 'createRestore'>,
  backupId: string,
  request: RestoreRequest,
  evidence: Evidence,
): Promise<Restore> {
  core.info(`POST /v1/backups/${backupId}/restore ${JSON.stringify(request)}`)
  evidence.requestInFlight = true
  try {
    const restore = await client.createRestore(backupId, request)
    evidence.restore = restore
    evidence.requestInFlight = false
    core.info(`Restore ${restore.id} created (status ${restore.status}).`)
    // Failed already: with or without waiting, the drill has its answer, and it is no.
    if (classifyStatus(restore.status).class === 'failed') throw new FailedAtStart(restore)
    return restore
  } catch (error) {
    if (error instanceof FailedAtStart) throw error
    // A refusal from the server (4xx) surely started nothing; anything else may have.
    evidence.requestInFlight =
      !(error instanceof ApiError) || error.kind === 'cancelled' || error.mayHaveStarted
    throw error
  }
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
