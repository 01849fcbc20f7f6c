// The `jobs` command: list the account's jobs page by page, choose among them, build the matrix.
// It returns what it chose; jobs-main.ts publishes that (or the error) into the step's evidence.
import { Failure } from '../failure.js'
import type { JobsSettings } from '../inputs/settings.js'
import { JOB_LIST_MAX_PAGES } from '../snapshooter/api.js'
import type { Job, JobPage } from '../snapshooter/types.js'
import { buildMatrix, emptySelection, selectJobs, tooManyJobs, type Matrix } from './select.js'

/**
 * The whole listing has this long: a few pages at most, each retried on the attempt loop, and a
 * fleet drill should never hang on its first step. Past it, the run fails saying so.
 */
export const JOBS_DEADLINE_MS = 5 * 60_000

/** Nothing to drill, too much to drill, or a listing without end: the step fails on one line. */
export class JobsRefusal extends Failure {
  constructor(message: string) {
    super(message)
    this.name = 'JobsRefusal'
  }
}

export interface JobsEnd {
  /** How many jobs the account listed. */
  listed: number
  chosen: Job[]
  matrix: Matrix
}

/**
 * Every job of the account, asking page 1 then each next page by its number through `listPage`
 * (which sends the same parameters every time: a Laravel paginator's `links.next` keeps only
 * `page`). At most JOB_LIST_MAX_PAGES pages, then a refusal that says how far it read.
 */
export async function listAllJobs(listPage: (page: number) => Promise<JobPage>): Promise<Job[]> {
  const jobs: Job[] = []
  for (let page = 1, read = 1; ; read++) {
    const listed = await listPage(page)
    jobs.push(...listed.jobs)
    if (listed.nextPage === null) return jobs
    if (read >= JOB_LIST_MAX_PAGES)
      throw new JobsRefusal(
        `GET jobs: the listing still went on after ${JOB_LIST_MAX_PAGES} pages (${jobs.length} jobs read), so the jobs were not chosen from a partial list: check \`api_url\`, or drill the jobs by id with the main action.`,
      )
    page = listed.nextPage
  }
}

/** Lists, chooses and builds the matrix, or throws a Failure with the step's one error line. */
export async function runJobs(
  settings: JobsSettings,
  listPage: (page: number) => Promise<JobPage>,
): Promise<JobsEnd> {
  const jobs = await listAllJobs(listPage)
  const chosen = selectJobs(jobs, settings.include, settings.exclude)
  if (chosen.length === 0)
    throw new JobsRefusal(emptySelection(jobs, settings.include, settings.exclude))
  if (chosen.length > settings.maxJobs)
    throw new JobsRefusal(tooManyJobs(chosen.length, settings.maxJobs))
  const listed = new Set(jobs.map((job) => job.id.toLowerCase())).size
  return { listed, chosen, matrix: buildMatrix(chosen) }
}
