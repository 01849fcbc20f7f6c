// The `jobs` sub-action as the runner runs it: dist/jobs.js from jobs/action.yml, its defaults
// applied, against the simulator's seeded account.
import { describe, expect, it } from '@jest/globals'
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { runStep, type StepOptions, type StepResult } from '../scripts/lib/runner.js'
import { FLEET } from '../simulator/seed.js'
import { ROOT } from './helpers/action-yml.js'
import { DEMO_TOKEN, SEED, useDrillLab } from './helpers/drill.js'

const lab = useDrillLab()

async function jobsRun(
  inputs: Record<string, string>,
  signals: StepOptions['signals'] = [],
): Promise<StepResult> {
  const run = await runStep({
    node: process.env.E2E_NODE,
    action: join(ROOT, 'jobs'),
    inputs: { api_url: lab.sim.url, api_token: DEMO_TOKEN, ...inputs },
    signals,
    killAfterMs: 30_000,
  })
  rmSync(run.workDir, { recursive: true, force: true })
  return run
}

const matrixOf = (run: StepResult): { include: { job_id: string; job_name: string }[] } =>
  JSON.parse(run.outputs.matrix ?? '')

describe('the jobs sub-action', () => {
  it('lists every job of the account as a matrix, sorted by name, with ids and a count', async () => {
    const run = await jobsRun({})
    expect({ code: run.code, errors: run.errors }).toEqual({ code: 0, errors: [] })
    const { include } = matrixOf(run)
    const names = include.map((leg) => leg.job_name)
    for (const { name, jobId } of FLEET)
      expect(include).toContainEqual({ job_id: jobId, job_name: name })
    expect(include).toContainEqual({ job_id: SEED.jobs.main, job_name: 'docker-mysql-ssh' })
    expect(names).toEqual([...names].sort())
    expect(JSON.parse(run.outputs.job_ids ?? '')).toEqual(include.map((leg) => leg.job_id))
    expect(run.outputs.count).toBe(String(include.length))
    expect(lab.sim.count('listJobs', 'GET')).toBe(1)
    expect(run.summary).toContain(`${include.length} of ${include.length} job(s) chosen`)
    expect(run.summary).toContain('| staging-db |')
  })

  it('keeps what include names, by pattern or UUID, less what exclude names', async () => {
    const run = await jobsRun({
      include: `*-db\n${SEED.jobs.main.toUpperCase()}`,
      exclude: 'staging-*',
    })
    expect(run.code).toBe(0)
    expect(matrixOf(run).include).toEqual([
      { job_id: SEED.jobs.main, job_name: 'docker-mysql-ssh' },
      { job_id: FLEET[0].jobId, job_name: 'prod-db' },
    ])
    expect(run.outputs.count).toBe('2')
  })

  it('fails on one line saying what was listed and what the filters left, when none is chosen', async () => {
    const run = await jobsRun({ include: 'prod-*', exclude: 'prod-db' })
    expect(run.code).toBe(1)
    expect(run.errors).toHaveLength(1)
    expect(run.errors[0]).toMatch(/^No job to drill: the account lists \d+ job\(s\)/)
    expect(run.errors[0]).toContain('`include` (prod-*) with `exclude` (prod-db) left none')
    expect(run.outputs).toMatchObject({ matrix: '{"include":[]}', job_ids: '[]', count: '0' })
    expect(run.summary).toContain('No jobs to drill')
  })

  it('fails when more jobs are chosen than max_jobs, naming it', async () => {
    const run = await jobsRun({ include: '*-db', max_jobs: '1' })
    expect(run.code).toBe(1)
    expect(run.errors).toHaveLength(1)
    expect(run.errors[0]).toContain('more than `max_jobs` (1)')
  })

  it('refuses bad inputs together, naming each, before any request', async () => {
    const run = await jobsRun({ include: 'db-[z-a]', max_jobs: '300', api_url: 'ftp://x' })
    expect(run.code).toBe(1)
    expect(run.errors).toHaveLength(1)
    for (const name of ['`api_url`', '`include`', '`max_jobs`'])
      expect(run.errors[0]).toContain(name)
    expect(lab.sim.requests).toEqual([])
  })

  it('stops at once on a cancel while the API is slow, on one line, with empty outputs', async () => {
    lab.sim.inject({ route: 'listJobs', kind: 'delay', ms: 20_000 })
    const run = await jobsRun({}, [{ name: 'SIGINT', afterMs: 500 }])
    expect(run.code).toBe(1)
    expect(run.exitAfterSignalMs).toBeLessThan(2_000)
    expect(run.errors).toEqual(['The run was cancelled while listing the jobs.'])
    expect(run.outputs).toMatchObject({ matrix: '{"include":[]}', count: '0' })
  })
})
