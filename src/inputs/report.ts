// The `report` sub-action's inputs, as raw strings, checked into frozen settings before any file
// is read: every bad input at once, each naming its input. Pure: read.ts gives it the runner's
// inputs, tests give it plain strings.
import { parseDrillName } from './fleet.js'
import { parseGlob, type Glob } from './glob.js'
import { parseHistory } from './history.js'
import { Input, ReportInput, type InputName, type ReportInputName } from './names.js'
import { InputError } from './parse.js'
import type { HistorySettings } from './settings.js'
import { UUID } from './values.js'

export const FAIL_ON = ['failed', 'never'] as const
export type FailOn = (typeof FAIL_ON)[number]

/** A job the fleet expects a result from: the `jobs` matrix gives its name too. */
export interface ExpectedJob {
  readonly jobId: string
  readonly jobName: string | null
}

export interface ReportSettings {
  /** The `results` pattern as given, for messages. */
  readonly results: string
  /** The pattern, relative to the workspace, with `/` between segments. */
  readonly pattern: string
  readonly glob: Glob
  /** Null when `expected` is empty: every result found is the fleet. */
  readonly expected: readonly ExpectedJob[] | null
  readonly failOn: FailOn
  /** `history_branch` and its inputs; null when it is empty. Each record names its own target. */
  readonly history: Omit<HistorySettings, 'target'> | null
}

/** The history's inputs, spelt as the drill spells them, read through the report's own names. */
const HISTORY_INPUTS: Partial<Record<InputName, ReportInputName>> = {
  [Input.historyBranch]: ReportInput.historyBranch,
  [Input.historySize]: ReportInput.historySize,
  [Input.githubToken]: ReportInput.githubToken,
}

/** More expected jobs than any matrix holds (GitHub's limit is 256) is a mistake, not a fleet. */
export const MAX_EXPECTED = 10_000

export function parseReportSettings(get: (name: ReportInputName) => string): ReportSettings {
  const problems: string[] = []
  const results = get(ReportInput.results).trim()
  const pattern = results.replace(/\\/g, '/').replace(/^(\.\/)+/, '')
  let glob: Glob = []
  if (pattern === '')
    problems.push(`${ReportInput.results} is required (a glob such as results/**/*.json)`)
  else if (/^\/|^[A-Za-z]:\//.test(pattern) || pattern.split('/').includes('..'))
    problems.push(
      `${ReportInput.results} must be a pattern inside the workspace (relative, without ..), got ${JSON.stringify(results)}`,
    )
  else {
    const parsed = parseGlob(pattern)
    if ('problem' in parsed) problems.push(`${ReportInput.results}: ${parsed.problem}`)
    else glob = parsed.glob
  }
  const expected = parseExpected(get(ReportInput.expected).trim())
  if (typeof expected === 'string') problems.push(expected)
  const failOn = get(ReportInput.failOn).trim() || 'failed'
  if (!(FAIL_ON as readonly string[]).includes(failOn))
    problems.push(
      `${ReportInput.failOn} must be ${FAIL_ON.join(' or ')}, got ${JSON.stringify(failOn.slice(0, 40))}`,
    )
  // The same rules as the drill's history, so that both read these inputs alike.
  const given = new Map(Object.values(HISTORY_INPUTS).map((name) => [name, get(name).trim()]))
  const history = parseHistory((name) => {
    const own = HISTORY_INPUTS[name]
    return own === undefined ? '' : (given.get(own) ?? '')
  }, '')
  if (!history.ok) problems.push(...history.problems)
  if (problems.length > 0 || !history.ok) throw new InputError(problems)
  const historySettings =
    history.value === null
      ? null
      : Object.freeze({
          branch: history.value.branch,
          size: history.value.size,
          githubToken: history.value.githubToken,
        })
  return Object.freeze({
    results,
    pattern,
    glob,
    expected: typeof expected === 'string' ? null : expected,
    failOn: failOn as FailOn,
    history: historySettings,
  })
}

const EXPECTED_SHAPE = `a JSON array of job ids or the jobs sub-action's matrix ({"include":[{"job_id":...,"job_name":...}]})`

/** The expected jobs, null for none given, or the problem with them. */
export function parseExpected(text: string): readonly ExpectedJob[] | null | string {
  if (text === '') return null
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return `${ReportInput.expected} is not JSON: give ${EXPECTED_SHAPE}`
  }
  const list: unknown =
    typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as { include?: unknown }).include
      : value
  if (!Array.isArray(list)) return `${ReportInput.expected} must be ${EXPECTED_SHAPE}`
  if (list.length > MAX_EXPECTED)
    return `${ReportInput.expected} lists ${list.length} jobs, more than ${MAX_EXPECTED}`
  const jobs: ExpectedJob[] = []
  for (const [index, item] of list.entries()) {
    const entry: unknown = typeof item === 'string' ? { job_id: item } : item
    const id =
      typeof entry === 'object' && entry !== null ? (entry as { job_id?: unknown }).job_id : null
    const name =
      typeof entry === 'object' && entry !== null
        ? (entry as { job_name?: unknown }).job_name
        : null
    if (typeof id !== 'string' || !UUID.test(id))
      return `${ReportInput.expected}: entry ${index + 1} is not a job UUID (${EXPECTED_SHAPE})`
    const jobId = id.toLowerCase()
    if (jobs.some((job) => job.jobId === jobId))
      return `${ReportInput.expected}: job ${jobId} is listed twice`
    // Made the drill name its leg makes of it (drill_name is read so), so that a leg that failed
    // before naming its job still answers for it, and a long name stays one short line.
    jobs.push({ jobId, jobName: typeof name === 'string' ? parseDrillName(name) : null })
  }
  return Object.freeze(jobs)
}
