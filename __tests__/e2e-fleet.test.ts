// The whole fleet flow as examples/fleet-drill.yml runs it, each step through its dist entry as
// the runner runs it: the `jobs` sub-action makes the matrix, one drill of dist/index.js per
// matrix entry (all at once, each with its drill_name and its own result file), then the `report`
// sub-action over the result files the legs left, with the matrix as `expected` and the fleet's
// drill history written to the fake GitHub in one commit.
import { afterAll, beforeAll, beforeEach, describe, expect, it, jest } from '@jest/globals'
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runStep, type StepOptions, type StepResult } from '../scripts/lib/runner.js'
import { FLEET } from '../simulator/seed.js'
import { startFakeGitHub, type FakeGitHub } from '../simulator/index.js'
import { slug } from '../src/history/ledger.js'
import { ROOT, WORKFLOW_TOKEN } from './helpers/action-yml.js'
import { DEMO_TOKEN, leaks, useDrillLab } from './helpers/drill.js'

jest.setTimeout(90_000)

const lab = useDrillLab()
const REPO = 'acme/backups'
let github: FakeGitHub
let number = 0
let branch = ''
const dirs: string[] = []

beforeAll(async () => {
  github = await startFakeGitHub()
})
afterAll(async () => {
  await github.close()
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
})
beforeEach(() => {
  github.reset()
  github.refuseWrites(null)
  branch = `fleet-history-${++number}`
})

const folder = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'snapshooter-fleet-'))
  dirs.push(dir)
  return dir
}

type Matrix = { include: { job_id: string; job_name: string }[] }

const [prod, staging, uploads] = FLEET

function step(
  action: string,
  inputs: Record<string, string>,
  workDir = folder(),
  env: Record<string, string> = {},
  signals: StepOptions['signals'] = [],
) {
  return runStep({
    signals,
    node: process.env.E2E_NODE,
    action: join(ROOT, action),
    inputs,
    workDir,
    env: { GITHUB_API_URL: github.url, ...env },
    killAfterMs: 40_000,
  })
}

/** The `jobs` job: the matrix of the fleet's three jobs. */
async function jobs(): Promise<{ run: StepResult; matrix: Matrix }> {
  const run = await step('jobs', {
    api_url: lab.sim.url,
    api_token: DEMO_TOKEN,
    include: 'prod-db, staging-db, uploads',
  })
  expect({ code: run.code, errors: run.errors }).toEqual({ code: 0, errors: [] })
  return { run, matrix: JSON.parse(run.outputs.matrix ?? '') as Matrix }
}

/** One `drill` leg, as the recipe's matrix job gives its inputs: history left to the report. */
function leg(entry: Matrix['include'][number], runId = '4242'): Promise<StepResult> {
  return step(
    '.',
    {
      api_url: lab.sim.url,
      api_token: DEMO_TOKEN,
      backup_id: 'latest',
      job_id: entry.job_id,
      drill_name: entry.job_name,
      poll_interval: '300ms',
      timeout: '20s',
      result_file: `results/${entry.job_id}.json`,
    },
    folder(),
    { GITHUB_RUN_ID: runId },
  )
}

/** What `actions/download-artifact` with `merge-multiple: true` leaves: every leg's file. */
function gather(legs: StepResult[], entries: Matrix['include'], drop: string[]): string {
  const workspace = folder()
  mkdirSync(join(workspace, 'results'))
  legs.forEach((run, index) => {
    const jobId = entries[index]?.job_id ?? ''
    const name = `results/${jobId}.json`
    if (!drop.includes(jobId) && existsSync(join(run.workDir, name)))
      copyFileSync(join(run.workDir, name), join(workspace, name))
  })
  return workspace
}

function report(
  workspace: string,
  inputs: Record<string, string>,
  signals: StepOptions['signals'] = [],
): Promise<StepResult> {
  return step(
    'report',
    { results: 'results/*.json', github_token: github.token, ...inputs },
    workspace,
    {},
    signals,
  )
}

const ledger = (target: string): { outcome: string; history: { target: string } }[] =>
  (github.git.files(REPO, branch)[`drills/${slug(target)}.jsonl`] ?? '')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as { outcome: string; history: { target: string } })

describe('a fleet drill: jobs, one leg per job, then the report', () => {
  it('reports every job, names the failed and the missing leg, and records the fleet in one commit', async () => {
    const { matrix } = await jobs()
    expect(matrix.include.map((entry) => entry.job_name)).toEqual([
      'prod-db',
      'staging-db',
      'uploads',
    ])
    // staging-db's job cannot be listed; uploads' leg runs but its result is lost (a cancel).
    lab.sim.inject({ route: 'listBackups', match: staging.jobId, kind: 'status', status: 404 })
    const legs = await Promise.all(matrix.include.map((entry) => leg(entry)))
    expect(legs.map((run) => run.outputs.outcome)).toEqual(['succeeded', 'failed', 'succeeded'])
    expect(lab.sim.restores).toHaveLength(2)
    for (const run of legs) expect(run.outputs.history_url).toBe('')
    const workspace = gather(legs, matrix.include, [uploads.jobId])
    const expected = JSON.stringify(matrix)

    const run = await report(workspace, { expected, history_branch: branch })
    expect(run.code).toBe(1)
    expect(run.outputs).toMatchObject({ total: '3', succeeded: '1', failed: '1', missing: '1' })
    expect(run.errors).toHaveLength(1)
    expect(run.errors[0]).not.toMatch(/[\r\n]/)
    expect(run.errors[0]).toContain('staging-db (failed)')
    expect(run.errors[0]).toContain('uploads (missing)')
    expect(run.summary).toContain('Fleet restore drill: 1 of 3 succeeded')
    expect(run.summary).toMatch(/\| prod-db \|.*✅ succeeded/)
    expect(run.summary).toMatch(/\| staging-db \|.*❌ failed<br>/)
    expect(run.summary).toMatch(/\| uploads \|.*❓ missing/)
    const rows = (JSON.parse(run.outputs.report ?? '') as { drills: { name: string }[] }).drills
    // The leg failed before its backup was known: its drill_name ties it to its job.
    expect(rows.find((row) => row.name === 'staging-db')).toMatchObject({
      outcome: 'failed',
      error: expect.stringContaining('404'),
    })

    // The history: each leg that left a result, exactly once, in one commit of the report's.
    expect(run.outputs.history_url).toBe(`https://github.com/${REPO}/tree/${branch}`)
    expect(github.git.log(REPO, branch)).toHaveLength(1)
    expect(ledger('prod-db').map((record) => record.outcome)).toEqual(['succeeded'])
    expect(ledger('staging-db').map((record) => record.outcome)).toEqual(['failed'])
    expect(ledger('uploads')).toEqual([])
    expect(run.summary).toContain(`2 drills recorded in the drill history, branch ${branch}`)
    expect(run.warnings.filter((line) => /history/i.test(line))).toEqual([])
    const evidence = [run.stdout, run.stderr, run.summary, JSON.stringify(run.outputs)].join('\n')
    for (const token of [DEMO_TOKEN, github.token, WORKFLOW_TOKEN])
      expect(leaks({ evidence }, token)).toEqual([])

    // The same report again (a re-run of the report job) adds nothing: each record is there.
    const again = await report(workspace, { expected, history_branch: branch, fail_on: 'never' })
    expect(again.code).toBe(0)
    expect(again.warnings).toEqual([expect.stringContaining('1 failed, 1 missing')])
    expect(github.git.log(REPO, branch)).toHaveLength(1)
    expect(ledger('prod-db')).toHaveLength(1)
  })
})

describe("the fleet's drill history, written by the report", () => {
  it('appends the next run of the fleet in one more commit', async () => {
    const { matrix } = await jobs()
    for (const runId of ['4242', '4243']) {
      const legs = await Promise.all(matrix.include.map((entry) => leg(entry, runId)))
      const run = await report(gather(legs, matrix.include, []), {
        expected: JSON.stringify(matrix),
        history_branch: branch,
      })
      expect({ code: run.code, errors: run.errors, warnings: run.warnings }).toEqual({
        code: 0,
        errors: [],
        warnings: [],
      })
      expect(run.summary).toContain('3 drills recorded in the drill history')
    }
    expect(github.git.log(REPO, branch)).toHaveLength(2)
    for (const { name } of FLEET)
      expect(ledger(name).map((record) => record.outcome)).toEqual(['succeeded', 'succeeded'])
    const files = Object.keys(github.git.files(REPO, branch))
    expect(files).toContain('README.md')
    for (const { name } of FLEET) expect(files).toContain(`charts/${slug(name)}.svg`)
  })

  it('warns in one line naming the permission when the write is refused, and the report stands', async () => {
    const { matrix } = await jobs()
    const legs = await Promise.all(matrix.include.map((entry) => leg(entry)))
    github.refuseWrites(403)
    const run = await report(gather(legs, matrix.include, []), {
      expected: JSON.stringify(matrix),
      history_branch: branch,
    })
    expect(run.code).toBe(0)
    expect(run.errors).toEqual([])
    expect(run.outputs).toMatchObject({ total: '3', succeeded: '3', history_url: '' })
    expect(run.warnings).toEqual([
      expect.stringContaining('Give the job `permissions: contents: write`'),
    ])
    expect(run.warnings[0]).not.toMatch(/[\r\n]/)
    expect(run.warnings[0]).toContain("The report's outcome stands.")
    expect(run.summary).toContain('Fleet restore drill: 3 of 3 succeeded')
    expect(run.summary).toContain('<code>permissions: contents: write</code>')
    expect(github.git.ref(REPO, branch)).toBeNull()
  })

  it('gives a GitHub that does not answer a few seconds after a cancel, and still reports', async () => {
    const { matrix } = await jobs()
    const legs = await Promise.all(matrix.include.map((entry) => leg(entry)))
    github.refuseWith('silent')
    const cancel = new AbortController()
    github.onRequest(() => cancel.abort())
    const run = await report(
      gather(legs, matrix.include, []),
      { expected: JSON.stringify(matrix), history_branch: branch },
      [{ name: 'SIGINT', on: cancel.signal }],
    )
    github.onRequest(null)
    github.refuseWith(null)
    expect(run.exitAfterSignalMs).toBeLessThan(8_000)
    expect(run.outputs).toMatchObject({ total: '3', succeeded: '3', history_url: '' })
    expect(run.warnings).toEqual([expect.stringContaining('was not written')])
    expect(run.warnings[0]).not.toMatch(/[\r\n]/)
    expect(run.summary).toContain('Fleet restore drill: 3 of 3 succeeded')
  })

  it('has set its counts before it asks GitHub anything, so a step killed meanwhile keeps them', async () => {
    const { matrix } = await jobs()
    const legs = await Promise.all(matrix.include.map((entry) => leg(entry)))
    github.refuseWith('silent')
    const kill = new AbortController()
    github.onRequest(() => kill.abort())
    const run = await report(
      gather(legs, matrix.include, []),
      { expected: JSON.stringify(matrix), history_branch: branch },
      [{ name: 'SIGKILL', on: kill.signal }],
    )
    github.onRequest(null)
    github.refuseWith(null)
    expect(run.signal).toBe('SIGKILL')
    expect(run.outputs).toMatchObject({ total: '3', succeeded: '3', failed: '0', missing: '0' })
  })

  it('keeps a failing report failing on its own line when the write is refused', async () => {
    const { matrix } = await jobs()
    lab.sim.inject({ route: 'listBackups', match: prod.jobId, kind: 'status', status: 404 })
    const legs = await Promise.all(matrix.include.map((entry) => leg(entry)))
    github.refuseWrites(403)
    const run = await report(gather(legs, matrix.include, []), {
      expected: JSON.stringify(matrix),
      history_branch: branch,
    })
    expect(run.code).toBe(1)
    expect(run.errors).toEqual([expect.stringContaining('prod-db (failed)')])
    expect(run.warnings).toEqual([expect.stringContaining('contents: write')])
  })
})
