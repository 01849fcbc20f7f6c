// The drill history through dist/index.js: the simulator plays SnapShooter, the fake GitHub
// (via GITHUB_API_URL) holds the repository whose branch keeps the ledger and the dashboard.
import { afterAll, beforeAll, beforeEach, describe, expect, it, jest } from '@jest/globals'
import { startFakeGitHub, type FakeGitHub } from '../simulator/index.js'
import { WORKFLOW_TOKEN } from './helpers/action-yml.js'
import { SEED, drill, leaks, useDrillLab, type DrillRun } from './helpers/drill.js'

jest.setTimeout(40_000)

const lab = useDrillLab()
const REPO = 'acme/backups'
const SLUG = `job-${SEED.jobs.main}`
let github: FakeGitHub
let branch = ''
let number = 0

beforeAll(async () => {
  github = await startFakeGitHub()
})
afterAll(() => github.close())
// Each test writes a branch of its own, on a GitHub that answers every request.
beforeEach(() => {
  github.reset()
  github.refuseWrites(null)
  branch = `drill-history-${++number}`
})

async function historyDrill(
  inputs: Record<string, string> = {},
  options: { signal?: 'SIGINT'; when?: string; killAfterMs?: number } = {},
): Promise<DrillRun> {
  const { signal, when = 'status pending', killAfterMs } = options
  const run = await drill(
    lab.sim,
    { history_branch: branch, github_token: github.token, ...inputs },
    {
      env: { GITHUB_API_URL: github.url },
      signals: signal ? [{ name: signal, when }] : [],
      killAfterMs,
    },
  )
  expect(leaks(run)).toEqual([])
  expect(leaks(run, github.token)).toEqual([])
  expect(leaks(run, WORKFLOW_TOKEN)).toEqual([])
  return run
}

const ledger = () =>
  (github.git.files(REPO, branch)[`drills/${SLUG}.jsonl`] ?? '')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as { outcome: string; history: { target: string } })
const historyRequests = () =>
  github.requests.filter((request) => /\/(git|contents)\//.test(request.path))

describe('a drill with history_branch', () => {
  it('records its result in the branch, links the dashboard and shows the recent drills', async () => {
    const run = await historyDrill()
    expect(run.code).toBe(0)
    expect(run.outputs.outcome).toBe('succeeded')
    expect(run.outputs.history_url).toBe(`https://github.com/${REPO}/tree/${branch}`)
    expect(ledger()).toEqual([
      expect.objectContaining({
        outcome: 'succeeded',
        history: expect.objectContaining({ target: `job ${SEED.jobs.main}` }),
      }),
    ])
    const files = github.git.files(REPO, branch)
    expect(Object.keys(files).sort()).toEqual(
      ['README.md', `charts/${SLUG}.svg`, `drills/${SLUG}.jsonl`].sort(),
    )
    expect(files['README.md']).toContain(`job ${SEED.jobs.main}`)
    // The drill's own summary first, then its history.
    const own = run.summary.indexOf('## ✅ Restore drill succeeded')
    const history = run.summary.indexOf(`### Drill history of job ${SEED.jobs.main}`)
    expect(own).toBeGreaterThanOrEqual(0)
    expect(history).toBeGreaterThan(own)
    expect(run.summary).toContain(`[dashboard](${run.outputs.history_url})`)
    expect(run.summary).toContain('✅ succeeded')
    expect(run.warnings).toEqual([])
  })

  it('appends the next drill in one more commit, and the summary shows both', async () => {
    await historyDrill()
    lab.sim.configure({ restoreFinalStatus: 'failed' })
    const commits = () => github.requests.filter((r) => /\/git\/commits$/.test(r.path)).length
    const before = commits()
    const run = await historyDrill()
    expect(run.code).toBe(1)
    expect(run.errors).toEqual([expect.stringContaining('ended with status "failed"')])
    expect(commits() - before).toBe(1)
    expect(ledger().map((record) => record.outcome)).toEqual(['succeeded', 'failed'])
    expect(run.summary).toContain('Success: 50 % (1 of 2) in 30 days')
    expect(run.summary).toContain('❌ failed')
  })

  it('warns when the last three restores each took over 80 % of max_restore_duration', async () => {
    // Restores of 1 s (the simulator's times) against a limit of 1.2 s: within it, but close.
    for (let drill = 1; drill <= 2; drill++) await historyDrill({ max_restore_duration: '1200ms' })
    const run = await historyDrill({ max_restore_duration: '1200ms' })
    expect(run.outputs.outcome).toBe('succeeded')
    // As the runner shows it: @actions/core writes a `%` of an annotation as `%25`.
    const warnings = run.warnings.map((warning) => warning.replace(/%25/g, '%'))
    expect(warnings).toEqual([
      expect.stringContaining(
        'each of the last 3 restores took over 80 % of `max_restore_duration` (1s): 1s, 1s, 1s.',
      ),
    ])
    expect(run.summary).toContain('over 80 % of <code>max_restore_duration</code>')
  })

  it('records a cancelled drill, in the few seconds the cancel leaves', async () => {
    lab.sim.configure({ restoreDurationMs: 60_000 })
    const run = await historyDrill({}, { signal: 'SIGINT' })
    expect(run.outputs.outcome).toBe('cancelled')
    expect(run.exitAfterSignalMs).toBeLessThan(5_000)
    expect(ledger().map((record) => record.outcome)).toEqual(['cancelled'])
    expect(run.outputs.history_url).not.toBe('')
  })

  it('does not record a dry run', async () => {
    const run = await historyDrill({ dry_run: 'true' })
    expect(run.outputs.outcome).toBe('dry_run')
    expect(historyRequests()).toEqual([])
    expect(run.outputs.history_url).toBe('')
  })
})

describe('a drill whose history cannot be written', () => {
  it('warns in one line naming the permission, and its outcome stands', async () => {
    github.refuseWrites(403)
    const run = await historyDrill()
    expect(run.code).toBe(0)
    expect(run.outputs.outcome).toBe('succeeded')
    expect(run.resultFile).toMatchObject({ outcome: 'succeeded' })
    expect(run.errors).toEqual([])
    expect(run.warnings).toEqual([
      expect.stringContaining('Give the job `permissions: contents: write`'),
    ])
    expect(run.warnings[0]).not.toMatch(/[\r\n]/)
    expect(run.outputs.history_url).toBe('')
    expect(run.summary).toContain('## ✅ Restore drill succeeded')
    expect(run.summary).toContain('<code>permissions: contents: write</code>')
  })

  it('keeps a failed drill failed, with its own error the one error line', async () => {
    github.refuseWrites(403)
    lab.sim.configure({ restoreFinalStatus: 'failed' })
    const run = await historyDrill()
    expect(run.code).toBe(1)
    expect(run.errors).toEqual([expect.stringContaining('ended with status "failed"')])
    expect(run.warnings).toEqual([expect.stringContaining('contents: write')])
  })

  it('is bounded when GitHub never answers: a few seconds past the deadline', async () => {
    github.refuseWith('silent')
    const started = Date.now()
    // The restore takes about 1.4 s of the 3 s the drill may take; the history then gets the
    // rest of it and a few seconds' grace, not the 30 s a request may wait.
    const run = await historyDrill({ timeout: '3s' }, { killAfterMs: 20_000 })
    github.refuseWith(null)
    expect(Date.now() - started).toBeLessThan(12_000)
    expect(run.code).toBe(0)
    expect(run.outputs.outcome).toBe('succeeded')
    expect(run.warnings).toEqual([
      expect.stringContaining("the time it may take ran out. The drill's outcome stands."),
    ])
  })
  it('ends a few seconds after a cancel that comes while GitHub is silent', async () => {
    github.refuseWith('silent')
    // The drill has ended when the cancel comes: the history may hold the run the few seconds
    // of its grace, not the rest of the drill's 20 s.
    const run = await historyDrill({}, { signal: 'SIGINT', when: 'Outcome: succeeded' })
    github.refuseWith(null)
    expect(run.exitAfterSignalMs).toBeLessThan(7_000)
    expect(run.code).toBe(0)
    expect(run.outputs.outcome).toBe('succeeded')
    expect(run.warnings).toEqual([expect.stringContaining('the run was cancelled')])
  })
})

describe('a drill without history_branch', () => {
  it('sends GitHub no request at all', async () => {
    const run = await drill(
      lab.sim,
      { github_token: github.token },
      {
        env: { GITHUB_API_URL: github.url },
      },
    )
    expect(run.outputs.outcome).toBe('succeeded')
    expect(run.outputs.history_url).toBe('')
    expect(github.requests).toEqual([])
    expect(run.summary).not.toContain('Drill history')
  })
})
