// Leaves the evidence: outputs as soon as each is known, then at the end every output, the
// result file, the job summary and the verdict (error or warning annotation, exit code), and
// last the drill's history and the drill issue, whose results are added to the summary.
import * as core from '@actions/core'
import { mkdir, writeFile } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import type { AlertResult } from '../alert/github.js'
import type { Alert } from '../alert/index.js'
import { Output, type Outcome, type OutputName } from '../inputs/names.js'
import { Failure, errorMessage } from '../failure.js'
import { classifyStatus } from '../restore/status.js'
import type { Evidence } from './evidence.js'
import { OutputWriter, outputsOf } from './outputs.js'
import { buildResult, type Result } from './result.js'
import { renderSummary, summaryFooter } from './summary.js'

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

const ISSUE_ACTIONS: Record<AlertResult['action'], string> = {
  open: 'opened',
  comment: 'commented on',
  resolve: 'commented on and closed',
}

/** What recording the drill in its history gave, for the publisher to write out. */
export interface HistoryNote {
  /** `history_url`: null when the drill could not be recorded. */
  url: string | null
  /** The history's part of the job summary, after the drill's own. */
  markdown: string
  /** Warning annotations, one line each. */
  warnings: string[]
}

/** Records the drill in its history, once the evidence is written; null when it has none. */
export type History = (result: Result) => Promise<HistoryNote | null>

export class Publisher {
  readonly #outputs = new OutputWriter()

  constructor(private readonly env: NodeJS.ProcessEnv) {}

  /**
   * Sets the outputs that are known so far. Throws when they cannot be written, so that no
   * restore is started whose outcome could not be handed to later steps.
   */
  announce(evidence: Evidence): void {
    const known = outputsOf(buildResult(evidence, this.env))
    if (evidence.files === null) {
      delete known[Output.fileIds]
      delete known[Output.fileCount]
    }
    this.#outputs.set(
      Object.fromEntries(EARLY.filter((name) => known[name]).map((name) => [name, known[name]])),
    )
    if (this.#outputs.failure !== null) throw new Failure(this.#outputs.failure)
  }

  /**
   * Writes every piece of evidence and states the verdict, and only then records the drill in
   * its history and raises the alert (when alerting is on, `alert` gets the summary to post as
   * the drill's GitHub issue), side by side: GitHub may be slow or the run cancelled meanwhile,
   * and the evidence must already be on disk by then. Never throws.
   */
  async finish(recorded: Evidence, alert?: Alert, history?: History): Promise<void> {
    this.#outputs.set({
      ...outputsOf(buildResult(recorded, this.env)),
      [Output.issueNumber]: '',
      [Output.issueUrl]: '',
      [Output.historyUrl]: '',
    })
    const evidence = withUndeliveredOutputs(recorded, this.#outputs.failure)
    const result = buildResult(evidence, this.env)
    const resultFile = await this.#writeResultFile(evidence, result)
    this.#outputs.set({ [Output.resultFile]: resultFile ?? '' })

    const markdown = renderSummary(result, {
      request: result.outcome === 'dry_run' ? evidence.request : null,
      leftBehind: leftBehind(evidence),
    })
    const footer = summaryFooter(result)
    const summarised = await this.#writeSummary(markdown)
    stateVerdict(evidence, result.outcome)

    const [noted, issue] = await Promise.all([
      history ? history(result) : null,
      alert ? alert(result.outcome, `${markdown}${footer}`) : null,
    ])
    if (noted !== null) {
      this.#outputs.set({ [Output.historyUrl]: noted.url ?? '' })
      for (const warning of noted.warnings) core.warning(warning)
    }
    if (issue !== null)
      this.#outputs.set({
        [Output.issueNumber]: String(issue.number),
        [Output.issueUrl]: issue.url,
      })
    if (!summarised) return
    // The drill issue belongs to the drill's summary, above its footer: so the footer, the line
    // that closes the drill's own summary, is written once the issue is known; the history, a
    // section of its own about the drills before this one, comes after it.
    const issueLine =
      issue === null
        ? ''
        : `\n> Drill issue [#${issue.number}](${issue.url}): ${ISSUE_ACTIONS[issue.action]}.\n`
    const rest = `${issueLine}${footer}${noted?.markdown ?? ''}`
    if (rest !== '') await this.#writeSummary(rest)
  }

  /**
   * Appends to the job summary, saying whether it could. A runner without a summary file (or
   * with a broken one) only loses the summary.
   */
  async #writeSummary(markdown: string): Promise<boolean> {
    if (!this.env.GITHUB_STEP_SUMMARY) return false
    try {
      await core.summary.addRaw(markdown).write()
      return true
    } catch (error) {
      core.warning(`The job summary could not be written: ${errorMessage(error)}`)
      return false
    }
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

/** Whether the run's outcome fails the step (a timeout with `on_timeout: warn` does not). */
function failsTheStep(evidence: Evidence, outcome: Outcome): boolean {
  if (outcome === 'timed_out') return evidence.settings?.onTimeout !== 'warn'
  return outcome === 'failed' || outcome === 'cancelled'
}

/**
 * Outputs that never reached GITHUB_OUTPUT fail the run: later steps (`if: steps.drill.outputs
 * .outcome == ...`) would read nothing and carry on as if all were well, so a green step would
 * lie. A run that fails anyway keeps its own outcome and error, the first cause; the outputs then
 * get a warning. The record stays as it was: what is published is a copy with the verdict.
 */
function withUndeliveredOutputs(evidence: Evidence, failure: string | null): Evidence {
  if (failure === null || evidence.error === failure) return evidence
  if (failsTheStep(evidence, evidence.outcome ?? 'failed')) {
    core.warning(failure)
    return evidence
  }
  return { ...evidence, outcome: 'failed', error: failure }
}

/** The verdict: one error annotation (or warning) and the exit code. */
function stateVerdict(evidence: Evidence, outcome: Outcome): void {
  core.info(`Outcome: ${outcome}`)
  const message = evidence.error ?? `The restore drill ended ${outcome}.`
  if (failsTheStep(evidence, outcome)) core.setFailed(message)
  else if (outcome === 'timed_out') core.warning(message)
}

/** What a failed run leaves running at SnapShooter, when its error does not say it. */
export function leftBehind(evidence: Evidence): string | null {
  const { restore } = evidence
  // A timeout's or a cancellation's own reason already names what goes on (see record.ts): the
  // summary says it once, in the error line.
  if ((evidence.outcome ?? 'failed') !== 'failed') return null
  if (restore !== null && classifyStatus(restore.status).class === 'running') {
    return `Restore ${restore.id} (last status ${restore.status}) goes on at SnapShooter; check it there before starting another.`
  }
  if (evidence.requestInFlight) {
    return 'The restore request was in flight when the run stopped: a restore may have started. Check SnapShooter before running again.'
  }
  return null
}
