// The `report` sub-action's run: read the inputs, find and read the result files, tally the
// fleet, then write the outputs, the job summary and the verdict (one error line at most).
import * as core from '@actions/core'
import { errorMessage } from '../failure.js'
import { inline, prose } from '../markdown.js'
import { ReportInput, ReportOutput, type ReportOutputName } from '../inputs/names.js'
import { readReportSettings } from '../inputs/read.js'
import type { ReportSettings } from '../inputs/report.js'
import { OutputWriter } from '../report/outputs.js'
import { findResults } from './report-files.js'
import { recordFleet, type FleetHistory } from './report-history.js'
import { renderFleetSummary } from './report-summary.js'
import {
  failsTheStep,
  fleetRows,
  tally,
  verdictLine,
  type Counts,
  type Row,
} from './report-tally.js'

/** GitHub refuses an output over 1 MB; the `report` output lists fewer drills until it fits. */
export const MAX_REPORT_BYTES = 1_000_000

export interface FleetReport {
  version: 1
  counts: Counts
  drills: Row[]
  /** Drills left out of this output to keep it under 1 MB. */
  drills_omitted: number
  /** Matching result files that were not read (past the file limit). */
  files_skipped: number
}

export function reportForOutput(
  counts: Counts,
  rows: readonly Row[],
  skipped: number,
  maxBytes = MAX_REPORT_BYTES,
): string {
  for (let keep = rows.length; ; keep = Math.floor(keep / 2)) {
    const report: FleetReport = {
      version: 1,
      counts,
      drills: rows.slice(0, keep),
      drills_omitted: rows.length - keep,
      files_skipped: skipped,
    }
    const text = JSON.stringify(report)
    if (keep === 0 || Buffer.byteLength(text) < maxBytes) return text
  }
}

export async function runReport(
  signal: AbortSignal,
  env: NodeJS.ProcessEnv = process.env,
): Promise<void> {
  let settings: ReportSettings
  try {
    settings = readReportSettings()
  } catch (error) {
    core.setFailed(errorMessage(error))
    return
  }
  const workspace = env.GITHUB_WORKSPACE || process.cwd()
  const server = env.GITHUB_SERVER_URL || 'https://github.com'
  let found
  try {
    found = await findResults(workspace, settings.pattern, settings.glob, server, signal)
  } catch (error) {
    // Half a fleet read would tally wrongly: a cancel, or a workspace that cannot be read, ends
    // the report with no counts rather than with counts that look whole.
    core.setFailed(
      signal.aborted
        ? 'The fleet report was cancelled while reading the result files; no counts were set.'
        : `The workspace ${workspace} could not be read for ${ReportInput.results} (${errorMessage(error)}).`,
    )
    return
  }
  const rows = fleetRows(found.reads, settings.expected)
  const counts = tally(rows)
  for (const read of found.reads)
    if (!('leg' in read)) core.warning(`Result file ${read.file} ${read.problem}.`)

  // Nothing found is a wrong path far more often than an empty fleet, unless none was expected.
  const nothing = found.reads.length === 0 && settings.expected?.length !== 0
  const fails = nothing || failsTheStep(counts, settings.failOn)
  // A GITHUB_OUTPUT that cannot be written ends as one error line below, not as a crash.
  const outputs = new OutputWriter<ReportOutputName>()
  outputs.set({
    [ReportOutput.total]: String(counts.total),
    [ReportOutput.succeeded]: String(counts.succeeded),
    [ReportOutput.failed]: String(counts.failed),
    [ReportOutput.missing]: String(counts.missing),
    [ReportOutput.report]: reportForOutput(counts, rows, found.skipped),
  })
  // The counts are out before GitHub is asked anything: a history that hangs until the runner
  // kills the step costs the history, never the report.
  const legs = found.reads.flatMap((read) => ('leg' in read ? [read.leg] : []))
  const history = settings.history
    ? await recordFleet(settings.history, legs, { env, signal })
    : null
  if (history?.warning) core.warning(history.warning)
  outputs.set({ [ReportOutput.historyUrl]: history?.url ?? '' })
  if (env.GITHUB_STEP_SUMMARY) {
    const markdown =
      renderFleetSummary(counts, rows, { fails, skippedFiles: found.skipped }) +
      historyNote(history, settings.history?.branch ?? '')
    try {
      await core.summary.addRaw(markdown).write()
    } catch (error) {
      core.warning(`The job summary could not be written: ${errorMessage(error)}`)
    }
  }
  const line = nothing
    ? `No result file matched ${ReportInput.results} ${JSON.stringify(settings.results)} under the workspace ${workspace}: download the legs' result artifacts there first (actions/download-artifact with merge-multiple: true) and give a pattern relative to the workspace.`
    : verdictLine(counts, rows)
  core.info(line)
  // One error line: the fleet's verdict when it fails, else the outputs that did not reach the
  // runner (later steps would read no counts), which a failing verdict turns into a warning.
  if (fails && outputs.failure !== null) core.warning(outputs.failure)
  if (fails) core.setFailed(line)
  else if (outputs.failure !== null) core.setFailed(outputs.failure)
  else if (counts.failed + counts.missing > 0) core.warning(line)
}

/** The history's line under the fleet's table: where the records went, or why they did not. */
function historyNote(history: FleetHistory | null, branch: string): string {
  if (history === null) return ''
  if (history.url === null) return `\n> ⚠️ ${prose(history.warning ?? '')}\n`
  const drills = `${history.recorded} drill${history.recorded === 1 ? '' : 's'}`
  return `\n${drills} recorded in the drill history, branch ${inline(branch)}: [dashboard](${history.url}).\n`
}
