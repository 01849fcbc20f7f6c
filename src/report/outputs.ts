import * as core from '@actions/core'
import {
  Output,
  type JobsOutputName,
  type OutputName,
  type ReportOutputName,
} from '../inputs/names.js'
import { errorMessage } from '../failure.js'
import { resultForOutput, type Result } from './result.js'

/** The step outputs a result stands for. Unknown values are empty strings, never `null`. */
export function outputsOf(result: Result): Partial<Record<OutputName, string>> {
  const text = (value: string | number | null): string => (value === null ? '' : String(value))
  const fileIds = result.files.map((file) => file.id)
  // Every file is in the result file; an output has a size limit (see resultForOutput).
  const listed = resultForOutput(result)
  return {
    [Output.outcome]: result.outcome,
    [Output.status]: text(result.status),
    [Output.restoreId]: text(result.restore.id),
    [Output.backupId]: text(result.backup.id),
    [Output.jobId]: text(result.backup.job_id),
    [Output.fileIds]: JSON.stringify(fileIds),
    [Output.fileCount]: String(fileIds.length),
    [Output.startedAt]: text(result.restore.started_at),
    [Output.completedAt]: text(result.restore.completed_at),
    [Output.durationSeconds]: text(result.restore.duration_seconds),
    [Output.backupCompletedAt]: text(result.backup.completed_at),
    [Output.backupAgeSeconds]: text(result.backup.age_seconds),
    [Output.selection]: result.selection === null ? '' : JSON.stringify(result.selection),
    [Output.downloadDir]: text(result.download?.dir ?? null),
    [Output.downloadedFiles]: JSON.stringify(listed.download?.files ?? []),
    [Output.result]: JSON.stringify(listed),
  }
}

/**
 * Sets outputs, skipping those whose value is already set, so GITHUB_OUTPUT holds few repeats.
 * Never throws: when the runner's output file cannot be written (its folder is gone, it is not
 * writable), the first reason is kept in `failure` and no later output is tried, since the file
 * will not mend itself during the run.
 */
export class OutputWriter<N extends OutputName | JobsOutputName | ReportOutputName = OutputName> {
  readonly #written = new Map<N, string>()
  #failure: string | null = null

  /** Why the outputs could not be delivered, once they could not; one line. */
  get failure(): string | null {
    return this.#failure
  }

  set(values: Partial<Record<N, string>>): void {
    for (const [name, value] of Object.entries(values) as [N, string][]) {
      if (this.#failure !== null) return
      if (this.#written.get(name) === value) continue
      try {
        setOutput(name, value)
        this.#written.set(name, value)
      } catch (error) {
        this.#failure = outputsFailure(error)
      }
    }
  }
}

// The names of the main action's outputs, or of a sub-action's (see each action.yml).
function setOutput(name: OutputName | JobsOutputName | ReportOutputName, value: string): void {
  core.setOutput(name, value)
}

/** The step's error line when GITHUB_OUTPUT cannot be written. */
export function outputsFailure(error: unknown): string {
  const reason = errorMessage(error).replace(/\s+/g, ' ').trim()
  return `The step outputs could not be written to GITHUB_OUTPUT (${reason}), so later steps could not read the outcome: GITHUB_OUTPUT must name a file this step can write (on a self-hosted runner, check the permissions of its work folder).`
}
