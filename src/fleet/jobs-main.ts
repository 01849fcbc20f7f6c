// The `jobs` sub-action's run, as main.ts is the restore action's: read the inputs, connect,
// run the command, publish. Whatever happens, the outputs, the summary and one verdict are left.
import * as core from '@actions/core'
import { connect } from '../connect.js'
import { errorMessage, oneLine } from '../failure.js'
import { JobsOutput, type JobsOutputName } from '../inputs/names.js'
import { readJobsSettings } from '../inputs/read.js'
import type { JobsSettings } from '../inputs/settings.js'
import { OutputWriter } from '../report/outputs.js'
import { realSleep, systemClock, type Clock, type Sleep } from '../time.js'
import { JOBS_DEADLINE_MS, runJobs } from './jobs.js'
import { renderJobsSummary, type JobsView } from './jobs-summary.js'

export interface JobsDeps {
  signal: AbortSignal
  clock: Clock
  sleep: Sleep
  env: NodeJS.ProcessEnv
  requestTimeoutMs: number
}

export async function runJobsAction(deps: Partial<JobsDeps> = {}): Promise<void> {
  const { signal = new AbortController().signal, clock = systemClock, sleep = realSleep } = deps
  const { requestTimeoutMs, env = process.env } = deps
  let settings: JobsSettings | null = null
  let view: JobsView
  try {
    settings = readJobsSettings()
    const clientUntil = await connect(settings, { signal, clock, sleep, requestTimeoutMs })
    const client = clientUntil(clock.now() + JOBS_DEADLINE_MS)
    const end = await runJobs(settings, (page) => client.listJobs(page))
    view = { ok: true, settings, end }
  } catch (error) {
    const reason = signal.aborted ? 'The run was cancelled while listing the jobs.' : null
    view = { ok: false, settings, error: reason ?? oneLine(errorMessage(error)) }
  }
  await publish(view, env)
}

/** The outputs (empty ones on failure, so later steps read no stale value), summary and verdict. */
async function publish(view: JobsView, env: NodeJS.ProcessEnv): Promise<void> {
  const outputs = new OutputWriter<JobsOutputName>()
  const chosen = view.ok ? view.end.chosen : []
  outputs.set({
    [JobsOutput.matrix]: JSON.stringify(view.ok ? view.end.matrix : { include: [] }),
    [JobsOutput.jobIds]: JSON.stringify(chosen.map((job) => job.id)),
    [JobsOutput.count]: String(chosen.length),
  })
  if (env.GITHUB_STEP_SUMMARY) {
    try {
      await core.summary.addRaw(renderJobsSummary(view)).write()
    } catch (error) {
      core.warning(`The job summary could not be written: ${errorMessage(error)}`)
    }
  }
  // A matrix that never reached GITHUB_OUTPUT would start no drill while the step looked green.
  const error = view.ok ? outputs.failure : view.error
  if (error !== null) core.setFailed(error)
  else core.info(`${chosen.length} job(s) chosen: ${chosen.map((job) => job.id).join(', ')}`)
}
