// Leaves the evidence: outputs as soon as each is known, then at the end the result file,
// every output, the job summary, and the verdict (error or warning annotation, exit code).
import * as core from '@actions/core'
import { mkdir, writeFile } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import type { AlertResult } from '../alert/github.js'
import { Output, type Outcome, type OutputName } from '../constants.js'
import { errorMessage } from '../errors.js'
import { classifyStatus } from '../restore/status.js'
import type { Evidence } from './evidence.js'
import { OutputWriter, outputsOf } from './outputs.js'
import { buildResult } from './result.js'
import { renderSummary } from './summary.js'

// Outputs that are worth setting before the run ends: ids a later step or a human may need
// even if the runner kills this one.
const EARLY: readonly OutputName[] = [
  Output.backupId,
  Output.jobId,
  Output.backupCompletedAt,
  Output.backupAgeSeconds,
  Output.fileIds,
  Output.fileCount,
  Output.restoreId,
  Output.status,
  Output.downloadDir,
]

export type Alert = (outcome: Outcome, summary: string) => Promise<AlertResult | null>

const ISSUE_ACTIONS: Record<AlertResult['action'], string> = {
  open: 'opened',
  comment: 'commented on',
  resolve: 'commented on and closed',
}

export class Publisher {
  readonly #outputs = new OutputWriter()

  constructor(private readonly env: NodeJS.ProcessEnv) {}

  /** Sets the outputs that are known so far. */
  announce(evidence: Evidence): void {
    const known = outputsOf(buildResult(evidence, this.env))
    if (evidence.files === null) {
      delete known[Output.fileIds]
      delete known[Output.fileCount]
    }
    this.#outputs.set(
      Object.fromEntries(EARLY.filter((name) => known[name]).map((name) => [name, known[name]])),
    )
  }

  /**
   * Writes every piece of evidence, then states the verdict. `alert` (when alerting is on)
   * gets the summary to post as the drill's GitHub issue. Never throws.
   */
  async finish(evidence: Evidence, alert?: Alert): Promise<void> {
    const result = buildResult(evidence, this.env)
    const resultFile = await this.#writeResultFile(evidence, result)
    this.#outputs.set({ ...outputsOf(result), [Output.resultFile]: resultFile ?? '' })

    let markdown = renderSummary(result, {
      request: result.outcome === 'dry_run' ? evidence.request : null,
      leftBehind: leftBehind(evidence),
    })
    const issue = alert ? await alert(result.outcome, markdown) : null
    this.#outputs.set({
      [Output.issueNumber]: issue ? String(issue.number) : '',
      [Output.issueUrl]: issue?.url ?? '',
    })
    if (issue)
      markdown += `\n> Drill issue [#${issue.number}](${issue.url}): ${ISSUE_ACTIONS[issue.action]}.\n`
    if (this.env.GITHUB_STEP_SUMMARY) {
      try {
        await core.summary.addRaw(markdown).write()
      } catch (error) {
        core.warning(`The job summary could not be written: ${errorMessage(error)}`)
      }
    }

    core.info(`Outcome: ${result.outcome}`)
    const message = evidence.error ?? `The restore drill ended ${result.outcome}.`
    if (result.outcome === 'timed_out' && evidence.settings?.onTimeout === 'warn')
      core.warning(message)
    else if (['failed', 'cancelled', 'timed_out'].includes(result.outcome)) core.setFailed(message)
  }

  async #writeResultFile(evidence: Evidence, result: object): Promise<string | null> {
    const wanted = evidence.settings?.resultFile
    if (!wanted) return null
    const path = resolve(wanted)
    try {
      await mkdir(dirname(path), { recursive: true })
      await writeFile(path, `${JSON.stringify(result, null, 2)}\n`)
      core.info(`Result written to ${path}`)
      return path
    } catch (error) {
      core.warning(`The result file ${path} could not be written: ${errorMessage(error)}`)
      return null
    }
  }
}

/** What a run that did not finish cleanly leaves running at SnapShooter. */
export function leftBehind(evidence: Evidence): string | null {
  const { restore } = evidence
  if (!['failed', 'cancelled', 'timed_out'].includes(evidence.outcome ?? 'failed')) return null
  if (restore !== null && classifyStatus(restore.status).class === 'running') {
    return `Restore ${restore.id} (last status ${restore.status}) goes on at SnapShooter; check it there before starting another.`
  }
  if (evidence.requestInFlight) {
    return 'The restore request was in flight when the run stopped: a restore may have started. Check SnapShooter before running again.'
  }
  return null
}
