import * as core from '@actions/core'
import { tmpdir } from 'node:os'
import { drillAlert } from './alert/index.js'
import { connect } from './connect.js'
import { preflight, refuseOnFailedChecks, resolveBackup } from './drill/preflight.js'
import { maskSecrets, readAlertSettings, readSettings } from './inputs/read.js'
import { newEvidence } from './report/evidence.js'
import { Publisher } from './report/publish.js'
import { concludeFailure, concludeWait } from './restore/conclude.js'
import { logWaitEvent } from './restore/log.js'
import { dryRunRestore, startRestore } from './restore/start.js'
import { waitForRestore } from './restore/wait.js'
import { realSleep, systemClock, type Clock, type Sleep } from './time.js'

export interface RunDeps {
  /** Aborted on SIGINT/SIGTERM: everything in flight stops and the evidence is written. */
  signal: AbortSignal
  clock: Clock
  sleep: Sleep
  env: NodeJS.ProcessEnv
  /** Each request's own time limit, SnapShooter's and GitHub's; tests shorten it. */
  requestTimeoutMs: number
}

/**
 * One run: validate, resolve the backup, check it, restore it and wait (or download and verify
 * it), and leave evidence.
 */
export async function run(deps: Partial<RunDeps> = {}): Promise<void> {
  maskSecrets()
  const {
    signal = new AbortController().signal,
    clock = systemClock,
    sleep = realSleep,
    requestTimeoutMs,
  } = deps
  const startedAt = clock.now()
  const evidence = newEvidence()
  const env = deps.env ?? process.env
  const publisher = new Publisher(env)
  const alerting = readAlertSettings()
  try {
    const settings = (evidence.settings = readSettings(alerting))
    const clientUntil = await connect(settings, { signal, clock, sleep, requestTimeoutMs })
    const client = clientUntil(startedAt + settings.timeoutMs)

    const backup = await core.group('Resolve the backup', async () => {
      const found = await resolveBackup(settings, client, clock.now())
      core.info(
        `Backup ${found.id} of job ${found.jobId}, completed ${found.completedAt ?? '(unknown)'}.`,
      )
      return found
    })
    evidence.backup = backup
    publisher.announce(evidence)

    const plan = await core.group('Pre-flight checks', async () => {
      const checked = preflight(settings, backup, clock.now())
      Object.assign(evidence, checked)
      publisher.announce(evidence)
      refuseOnFailedChecks(checked.checks, `Backup ${backup.id}`)
      core.info(`${checked.files.length} file(s) selected; every check passed.`)
      return checked
    })

    if (settings.command === 'download') {
      // Loaded only in download mode, with the storage fetch and its proxy agents.
      const { downloadBackup, dryRunDownload } = await import('./download/backup.js')
      const runnerTemp = env.RUNNER_TEMP || tmpdir()
      if (settings.dryRun) {
        dryRunDownload(settings, backup, plan.files, evidence, runnerTemp)
        evidence.outcome = 'dry_run'
        return
      }
      await core.group(`Download backup ${backup.id}`, () =>
        downloadBackup(settings, backup, plan.files, evidence, {
          client,
          deadline: startedAt + settings.timeoutMs,
          signal,
          clock,
          sleep,
          runnerTemp,
        }),
      )
      evidence.outcome = 'succeeded'
      return
    }

    if (settings.dryRun) {
      dryRunRestore(backup.id, plan.request)
      evidence.outcome = 'dry_run'
      return
    }

    const restore = await core.group('Start the restore', () =>
      startRestore(client, backup.id, plan.request, evidence),
    )
    const createdAt = clock.now()
    publisher.announce(evidence)
    if (!settings.wait) {
      evidence.outcome = 'not_waited'
      return
    }

    const end = await core.group(`Wait for restore ${restore.id}`, () =>
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
    concludeWait(evidence, end, settings)
  } catch (error) {
    concludeFailure(evidence, error, signal.aborted)
  } finally {
    await publisher.finish(
      evidence,
      drillAlert(alerting.settings, env, { signal, requestTimeoutMs }),
    )
  }
}
