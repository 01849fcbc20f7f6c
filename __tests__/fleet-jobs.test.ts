// Choosing a fleet's jobs and building its matrix, with plain values: the filters, the order, the
// empty selection, max_jobs, and the walk over the listing's pages.
import { describe, expect, it } from '@jest/globals'
import {
  MAX_DRILL_NAME,
  parseDrillName,
  parseJobFilters,
  parseJobsSettings,
} from '../src/inputs/fleet.js'
import type { JobFilter } from '../src/inputs/settings.js'
import { JOB_LIST_MAX_PAGES } from '../src/snapshooter/api.js'
import type { Job, JobPage } from '../src/snapshooter/types.js'
import { listAllJobs, runJobs } from '../src/fleet/jobs.js'
import { buildMatrix, emptySelection, selectJobs } from '../src/fleet/select.js'

const PROD = { id: '1b7e4c92-3d58-4a06-9f21-8c5e0a7d3b64', name: 'prod-db' }
const STAGING = { id: '4ea17f25-6a8b-4d39-8c54-bf813dae6e97', name: 'staging-db' }
const UPLOADS = { id: '71d4a258-9dbe-4a6c-9f87-e2b460d19bca', name: 'uploads' }
const NAMELESS = { id: '00000000-0000-4000-8000-0000000000aa', name: null }
const JOBS: Job[] = [UPLOADS, STAGING, NAMELESS, PROD]

const filters = (text: string): readonly JobFilter[] => {
  const parsed = parseJobFilters('include', text)
  if (!parsed.ok) throw new Error(parsed.problems.join('; '))
  return parsed.value
}

describe('choosing jobs', () => {
  it('takes every job, sorted by name (a nameless one by its id), when include is empty', () => {
    expect(selectJobs(JOBS, [], [])).toEqual([NAMELESS, PROD, STAGING, UPLOADS])
  })

  it('matches names with globs, whole and case-sensitively, and UUIDs in any case', () => {
    expect(selectJobs(JOBS, filters('*-db'), [])).toEqual([PROD, STAGING])
    expect(selectJobs(JOBS, filters('PROD-*, prod'), [])).toEqual([])
    expect(selectJobs(JOBS, filters(`upl?ads\n${PROD.id.toUpperCase()}`), [])).toEqual([
      PROD,
      UPLOADS,
    ])
    // A pattern never names a job without a name; its id does.
    expect(selectJobs(JOBS, filters('*'), [])).toEqual([PROD, STAGING, UPLOADS])
    expect(selectJobs(JOBS, filters(NAMELESS.id), [])).toEqual([NAMELESS])
  })

  it('leaves out what exclude names, and lists a job twice over only once', () => {
    expect(selectJobs(JOBS, filters('*-db, uploads'), filters('staging-*'))).toEqual([
      PROD,
      UPLOADS,
    ])
    expect(selectJobs([PROD, ...JOBS, { ...PROD, id: PROD.id.toUpperCase() }], [], [])).toEqual([
      NAMELESS,
      PROD,
      STAGING,
      UPLOADS,
    ])
  })

  it('builds the matrix GitHub reads with fromJSON, one leg per job', () => {
    expect(buildMatrix([NAMELESS, PROD])).toEqual({
      include: [
        { job_id: NAMELESS.id, job_name: NAMELESS.id },
        { job_id: PROD.id, job_name: 'prod-db' },
      ],
    })
  })

  it('tells apart by id the jobs that would make the same drill name, so none hides another', () => {
    const twin = { id: '2c8e4c92-3d58-4a06-9f21-8c5e0a7d3b65', name: 'prod-db' }
    const long = 'x'.repeat(MAX_DRILL_NAME + 50)
    const longA = { id: STAGING.id, name: `${long}a` }
    const longB = { id: UPLOADS.id, name: `${long}b` }
    const names = buildMatrix([PROD, twin, longA, longB, NAMELESS]).include.map(
      (leg) => leg.job_name,
    )
    expect(names.slice(0, 2)).toEqual([`prod-db (${PROD.id})`, `prod-db (${twin.id})`])
    expect(names[4]).toBe(NAMELESS.id)
    const drillNames = names.map((name) => parseDrillName(name))
    expect(new Set(drillNames).size).toBe(names.length)
    for (const name of drillNames) expect(name?.length).toBeLessThanOrEqual(MAX_DRILL_NAME)
  })

  it('says what was listed and what the filters left, when nothing is chosen', () => {
    expect(emptySelection([], [], [])).toContain('The account lists no jobs')
    expect(emptySelection(JOBS, filters('mysql-*'), [])).toBe(
      'No job to drill: the account lists 4 job(s), and `include` (mysql-*) matched none of them; names are matched whole and case-sensitively (a pattern needs its wildcards, as in prod-*), or give job UUIDs.',
    )
    expect(emptySelection(JOBS, filters('*-db'), filters('*'))).toContain(
      '`include` (*-db) with `exclude` (*) left none of them',
    )
  })
})

describe('the jobs inputs', () => {
  const inputs = (given: Record<string, string>) => (name: string) =>
    ({ api_token: 't0ken-123', api_url: 'https://api.snapshooter.com', max_jobs: '256', ...given })[
      name
    ] ?? ''

  it('reads include, exclude and max_jobs into frozen settings', () => {
    const settings = parseJobsSettings(inputs({ include: 'prod-*', max_jobs: '10' }))
    expect(settings).toEqual({
      apiToken: 't0ken-123',
      apiUrl: 'https://api.snapshooter.com',
      include: [{ kind: 'pattern', pattern: 'prod-*' }],
      exclude: [],
      maxJobs: 10,
    })
    expect(Object.isFrozen(settings)).toBe(true)
  })

  it('names every bad input at once', () => {
    const bad = inputs({ api_token: '', include: 'db-[z-a]', exclude: 'x', max_jobs: '257' })
    expect(() => parseJobsSettings(bad)).toThrow(
      /`api_token` is required.*; `include` entry "db-\[z-a\]" is not a pattern.*; `max_jobs` must be a whole number from 1 to 256.*\(got "257"\)/,
    )
    for (const text of ['0', '-1', '2.5', 'all', ''])
      expect(() => parseJobsSettings(inputs({ max_jobs: text }))).toThrow('`max_jobs`')
  })
})

describe('drill_name', () => {
  it('is one safe line, cut to its limit, or null when empty', () => {
    expect(parseDrillName('  prod-db ')).toBe('prod-db')
    expect(parseDrillName(' \n ')).toBeNull()
    expect(parseDrillName('a\nb\r\n::warning::x ##[error]y\u202e')).toBe(
      'a b : :warning: :x # #[error]y',
    )
    const long = parseDrillName('x'.repeat(MAX_DRILL_NAME + 50)) ?? ''
    expect(long).toHaveLength(MAX_DRILL_NAME)
    expect(long.endsWith('…')).toBe(true)
  })
})

describe('the walk over the listing', () => {
  const pages = (count: number) => {
    const asked: number[] = []
    const listPage = async (page: number): Promise<JobPage> => {
      asked.push(page)
      const job = {
        id: `00000000-0000-4000-8000-${String(page).padStart(12, '0')}`,
        name: `j${page}`,
      }
      return { jobs: [job], nextPage: page < count ? page + 1 : null }
    }
    return { asked, listPage }
  }

  it('asks page after page until the listing says it is the last', async () => {
    const { asked, listPage } = pages(3)
    expect((await listAllJobs(listPage)).map((job) => job.name)).toEqual(['j1', 'j2', 'j3'])
    expect(asked).toEqual([1, 2, 3])
  })

  it(`stops after ${JOB_LIST_MAX_PAGES} pages with one clear line, choosing from no partial list`, async () => {
    const { asked, listPage } = pages(JOB_LIST_MAX_PAGES + 10)
    await expect(listAllJobs(listPage)).rejects.toThrow(
      `GET jobs: the listing still went on after ${JOB_LIST_MAX_PAGES} pages (${JOB_LIST_MAX_PAGES} jobs read)`,
    )
    expect(asked).toHaveLength(JOB_LIST_MAX_PAGES)
  })

  it('fails rather than cut when more jobs are chosen than max_jobs', async () => {
    const settings = { apiToken: 't', apiUrl: 'https://x', include: [], exclude: [], maxJobs: 2 }
    await expect(runJobs(settings, pages(3).listPage)).rejects.toThrow(
      '3 jobs were chosen, more than `max_jobs` (2) allows',
    )
    const end = await runJobs({ ...settings, maxJobs: 3 }, pages(3).listPage)
    expect(end.matrix.include.map((leg) => leg.job_name)).toEqual(['j1', 'j2', 'j3'])
  })
})
