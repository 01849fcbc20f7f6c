// The inputs of fleet drills: the `jobs` sub-action's (which jobs to drill, every bad input
// reported together before any request), and the main action's `drill_name`, the label a
// matrix leg carries. Pure: read.ts gives them the runner's inputs, tests plain strings.
import { cut, neutralise } from '../line-text.js'
import { parseGlob } from './glob.js'
import { JobsInput, type JobsInputName } from './names.js'
import { InputError } from './parse.js'
import type { JobFilter, JobsSettings } from './settings.js'
import {
  UUID,
  collect,
  ok,
  parseApiUrlInput,
  problem,
  quote,
  refused,
  type Parsed,
} from './values.js'

/** GitHub runs at most 256 jobs from one matrix, and refuses a larger one. */
export const MAX_MATRIX_JOBS = 256

/** As long as a job name the API gives may be, so that a matrix's `job_name` is never cut again. */
export const MAX_DRILL_NAME = 200

/**
 * `drill_name` as one safe line, or null when empty. It may come from the API (a job's name,
 * through the `jobs` matrix) or from anyone who can edit the workflow, and it lands in the issue
 * title, the summary and log lines: controls become spaces, `::` and `##[` (which would start a
 * workflow command on a log line) are broken apart, and it is cut to MAX_DRILL_NAME.
 */
export function parseDrillName(text: string): string | null {
  const line = neutralise(text).replace(/\s+/g, ' ').trim()
  return line === '' ? null : cut(line, MAX_DRILL_NAME)
}

/**
 * Entries separated by commas or new lines: a UUID names a job by id, anything else is a pattern
 * of job names (`prod-*`). Each pattern that cannot be matched is refused by name.
 */
export function parseJobFilters(name: JobsInputName, text: string): Parsed<readonly JobFilter[]> {
  const entries = [...new Set(text.split(/[,\n]/).map((entry) => entry.trim()))]
  const filters: JobFilter[] = entries
    .filter((entry) => entry !== '')
    .map((entry) =>
      UUID.test(entry)
        ? { kind: 'id', id: entry.toLowerCase() }
        : { kind: 'pattern', pattern: entry },
    )
  const problems = filters.flatMap((filter) => {
    if (filter.kind !== 'pattern') return []
    const parsed = parseGlob(filter.pattern)
    if (!('problem' in parsed)) return []
    return [problem(name, `entry ${quote(filter.pattern)} is not a pattern: ${parsed.problem}`)]
  })
  return problems.length > 0 ? refused(...problems) : ok(Object.freeze(filters))
}

/** `max_jobs`: a whole number from 1 to GitHub's matrix limit. */
export function parseMaxJobs(text: string): Parsed<number> {
  const value = /^\d+$/.test(text) ? Number(text) : NaN
  if (Number.isSafeInteger(value) && value >= 1 && value <= MAX_MATRIX_JOBS) return ok(value)
  const rule = `must be a whole number from 1 to ${MAX_MATRIX_JOBS} (GitHub's limit of jobs in one matrix)`
  return refused(problem(JobsInput.maxJobs, rule, { got: text }))
}

/** The `jobs` sub-action's inputs, checked into frozen settings, or InputError naming each bad one. */
export function parseJobsSettings(get: (name: JobsInputName) => string): JobsSettings {
  const raw = (name: JobsInputName): string => get(name).trim()
  const token = raw(JobsInput.apiToken)
  const fields = collect({
    apiToken:
      token === ''
        ? refused(
            problem(
              JobsInput.apiToken,
              'is required: pass your SnapShooter API token from a secret',
            ),
          )
        : ok(token),
    apiUrl: parseApiUrlInput(raw(JobsInput.apiUrl)),
    include: parseJobFilters(JobsInput.include, raw(JobsInput.include)),
    exclude: parseJobFilters(JobsInput.exclude, raw(JobsInput.exclude)),
    maxJobs: parseMaxJobs(raw(JobsInput.maxJobs)),
  })
  if (!fields.ok) throw new InputError(fields.problems)
  return Object.freeze(fields.value)
}
