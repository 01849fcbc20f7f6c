// The account's jobs (GET /v1/jobs), read as every other answer is: ids must be UUIDs, names are
// API text made safe and cut, and the paging links only tell whether another page exists.
import { nextPage, type ParseOptions } from './parse.js'
import { Reader, array, guarded, object, wrong } from './read.js'
import { Secrets } from './text.js'
import type { Job, JobPage } from './types.js'

function parseJob(read: Reader, value: unknown, path: string): Job {
  const job = object(value, path)
  const id = read.uuid(job.id, `${path}.id`)
  // A job without a name is still a job to drill: the caller shows its id instead.
  if (job.name === undefined || job.name === null) return { id, name: null }
  if (typeof job.name !== 'string') wrong(`${path}.name`, job.name, 'a string')
  const name = job.name.trim() === '' ? null : read.text(job.name, `${path}.name`, 'word')
  return { id, name }
}

/** One page of the account's jobs; `page` (the page asked for) guards against a link going back. */
export function parseJobPage(
  json: unknown,
  request: string,
  page?: number,
  options: ParseOptions = {},
): JobPage {
  return guarded(request, () => {
    const read = new Reader(options.secrets ?? new Secrets())
    const body = object(json, 'body')
    const jobs = array(body.data, 'data').map((item, i) => parseJob(read, item, `data[${i}]`))
    return { jobs, nextPage: nextPage(body, page) }
  })
}
