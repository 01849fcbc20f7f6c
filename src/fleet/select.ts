// Which of the account's jobs a fleet drill runs, and the matrix that runs them. Pure: jobs and
// filters in, the choice out, so every rule is a plain test.
import { MAX_DRILL_NAME, parseDrillName } from '../inputs/fleet.js'
import { matchGlob, parseGlob } from '../inputs/glob.js'
import type { JobFilter } from '../inputs/settings.js'
import type { Job } from '../snapshooter/types.js'

/** One leg of the matrix: what the main action takes as `job_id` and `drill_name`. */
export interface MatrixLeg {
  job_id: string
  job_name: string
}

export interface Matrix {
  include: MatrixLeg[]
}

/** Whether a filter names the job: a UUID its id, a pattern its name (a job without one, never). */
function names(filter: JobFilter, job: Job): boolean {
  if (filter.kind === 'id') return job.id.toLowerCase() === filter.id
  const parsed = parseGlob(filter.pattern)
  // parse.ts refused every pattern that does not parse, so this only guards the type.
  return job.name !== null && 'glob' in parsed && matchGlob(parsed.glob, job.name)
}

/** The label a job goes by: its name, or its id when it has none. */
export const labelOf = (job: Job): string => job.name ?? job.id

/**
 * The jobs `include` names (every job when it is empty) less those `exclude` names, each once,
 * sorted by label then id, so that the matrix is the same from run to run whatever the API's
 * order.
 */
export function selectJobs(
  jobs: readonly Job[],
  include: readonly JobFilter[],
  exclude: readonly JobFilter[],
): Job[] {
  const byId = new Map<string, Job>()
  for (const job of jobs) {
    const id = job.id.toLowerCase()
    if (byId.has(id)) continue
    const included = include.length === 0 || include.some((filter) => names(filter, job))
    if (included && !exclude.some((filter) => names(filter, job))) byId.set(id, job)
  }
  return [...byId.values()].sort(
    (a, b) => compare(labelOf(a), labelOf(b)) || compare(a.id.toLowerCase(), b.id.toLowerCase()),
  )
}

// By code unit, not by locale: the same order on every runner.
const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/**
 * The matrix for `strategy.matrix: ${{ fromJSON(...) }}`, one leg per job, in their order. The
 * `job_name` becomes each leg's `drill_name`, which the report and the history know a drill by:
 * jobs whose names would make the same drill name (the account allows two jobs of one name, and
 * a long name is cut) are told apart by their id, so that one cannot stand for the other.
 */
export function buildMatrix(jobs: readonly Job[]): Matrix {
  const drillNames = jobs.map((job) => parseDrillName(labelOf(job)) ?? job.id)
  const shared = (name: string): boolean => drillNames.filter((other) => other === name).length > 1
  return {
    include: jobs.map((job, i) => {
      const name = drillNames[i] as string
      if (!shared(name)) return { job_id: job.id, job_name: labelOf(job) }
      const room = MAX_DRILL_NAME - job.id.length - 3
      return { job_id: job.id, job_name: `${name.slice(0, room).trimEnd()} (${job.id})` }
    }),
  }
}

/** The filters as the workflow wrote them, for a message: `prod-*, 6f7c5f07-…`. */
export function describeFilters(filters: readonly JobFilter[]): string {
  return filters.map((filter) => (filter.kind === 'id' ? filter.id : filter.pattern)).join(', ')
}

/** Why nothing was chosen: what was listed, and what the filters left of it. */
export function emptySelection(
  jobs: readonly Job[],
  include: readonly JobFilter[],
  exclude: readonly JobFilter[],
): string {
  const listed = new Set(jobs.map((job) => job.id.toLowerCase())).size
  if (listed === 0)
    return 'The account lists no jobs (GET /v1/jobs answered none), so there is nothing to drill: check that `api_token` belongs to the account whose jobs you mean.'
  const asked = [
    include.length > 0 ? `\`include\` (${describeFilters(include)})` : null,
    exclude.length > 0 ? `\`exclude\` (${describeFilters(exclude)})` : null,
  ].filter((part) => part !== null)
  const matched = include.length === 0 || jobs.some((job) => include.some((f) => names(f, job)))
  const verdict = matched ? 'left none of them' : 'matched none of them'
  return `No job to drill: the account lists ${listed} job(s), and ${asked.join(' with ')} ${verdict}; names are matched whole and case-sensitively (a pattern needs its wildcards, as in prod-*), or give job UUIDs.`
}

/** More jobs chosen than `max_jobs` allows: a failure rather than a cut, so none goes undrilled. */
export function tooManyJobs(chosen: number, maxJobs: number): string {
  return `${chosen} jobs were chosen, more than \`max_jobs\` (${maxJobs}) allows: narrow \`include\` or add \`exclude\` (GitHub runs at most 256 jobs from one matrix; split the fleet over several matrices beyond that).`
}
