import { tmpdir } from 'node:os'
import { drillAlert } from './alert/index.js'
import { connect } from './connect.js'
import type { DownloadDeps } from './download/run.js'
import { drillHistory } from './history/index.js'
import { maskSecrets, readAlertSettings, readSettings } from './inputs/read.js'
import type { Settings } from './inputs/settings.js'
import { Publisher } from './report/publish.js'
import { RunRecord, type CommandEnd } from './report/record.js'
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

/** One run: read the settings, connect, run the command they pick, and publish the evidence. */
export async function run(deps: Partial<RunDeps> = {}): Promise<void> {
  maskSecrets()
  const { signal = new AbortController().signal, clock = systemClock, sleep = realSleep } = deps
  const { requestTimeoutMs, env = process.env } = deps
  const startedAt = clock.now()
  const publisher = new Publisher(env)
  const record = new RunRecord(publisher)
  const alert = readAlertSettings()
  record.named(alert.drillName)
  try {
    const settings = readSettings(alert)
    record.settingsRead(settings)
    const clientUntil = await connect(settings, { signal, clock, sleep, requestTimeoutMs })
    const runnerTemp = env.RUNNER_TEMP || tmpdir()
    const commandDeps = { connect: clientUntil, startedAt, signal, clock, sleep, runnerTemp }
    record.ended(await runCommand(settings, commandDeps, record))
  } catch (error) {
    record.failed(error, { cancelled: signal.aborted })
  } finally {
    await publisher.finish(
      record.evidence,
      drillAlert(alert.settings, env, { signal, requestTimeoutMs }),
      drillHistory(record.evidence.settings, {
        env,
        signal,
        clock,
        sleep,
        requestTimeoutMs,
        startedAt,
      }),
    )
  }
}

/** The command the settings pick, its module loaded only when it runs. */
async function runCommand(
  settings: Settings,
  deps: DownloadDeps,
  record: RunRecord,
): Promise<CommandEnd> {
  switch (settings.command) {
    case 'restore': {
      const { runRestore } = await import('./restore/run.js')
      return { command: 'restore', settings, end: await runRestore(settings, deps, record) }
    }
    case 'download': {
      // With the storage fetch and its proxy agents, which a restore never needs.
      const { runDownload } = await import('./download/run.js')
      return { command: 'download', settings, end: await runDownload(settings, deps, record) }
    }
    case 'watch': {
      const { runWatch } = await import('./watch/run.js')
      return { command: 'watch', settings, end: await runWatch(settings, deps) }
    }
  }
}
