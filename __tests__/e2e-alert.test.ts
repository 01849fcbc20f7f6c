// Drill alerting through dist/index.js: the simulator plays SnapShooter, a fake GitHub REST
// API (via GITHUB_API_URL) plays GitHub.
import { afterAll, beforeAll, beforeEach, describe, expect, it, jest } from '@jest/globals'
import { startFakeGitHub, type FakeGitHub } from '../simulator/index.js'
import { WORKFLOW_TOKEN } from './helpers/action-yml.js'
import { SEED, drill, leaks, useDrillLab, type DrillRun } from './helpers/drill.js'
import { SIM_HOST, startProxy } from './helpers/proxy.js'

jest.setTimeout(30_000)

const lab = useDrillLab()
let github: FakeGitHub

beforeAll(async () => {
  github = await startFakeGitHub()
})
afterAll(() => github.close())
// Each test starts on a GitHub with no issue; one that needs a drill issue files it itself.
beforeEach(() => github.reset())

/** No run shows the GitHub token, the workflow's, or any SnapShooter secret. */
function expectNoSecrets(run: DrillRun): void {
  expect(leaks(run)).toEqual([])
  expect(leaks(run, github.token)).toEqual([])
  expect(leaks(run, WORKFLOW_TOKEN)).toEqual([])
}

async function alertingDrill(
  inputs: Record<string, string> = {},
  options: {
    signal?: 'SIGINT'
    when?: string
    killAfterMs?: number
    env?: Record<string, string>
  } = {},
) {
  const { signal, when = 'status pending', killAfterMs, env } = options
  const run = await drill(
    lab.sim,
    { issue_on_failure: 'true', github_token: github.token, ...inputs },
    {
      env: { GITHUB_API_URL: github.url, ...env },
      signals: signal ? [{ name: signal, when }] : [],
      killAfterMs,
    },
  )
  expectNoSecrets(run)
  return run
}

const TITLE = `Restore drill failing: job ${SEED.jobs.main}`
const drillIssues = () => github.issues.filter((issue) => issue.title === TITLE)
/** The drill issue an earlier failing run left open, with the comments of later failures. */
const openDrillIssue = (comments: string[] = []) => github.fileIssue({ title: TITLE, comments })
const FAILED_AGAIN = 'The restore drill failed again.'

describe('a drill with issue_on_failure', () => {
  it('opens an issue on its first failure, with the summary and a link to the run', async () => {
    lab.sim.configure({ restoreFinalStatus: 'failed' })
    const run = await alertingDrill()
    expect(run.code).toBe(1)
    expect(run.outputs.outcome).toBe('failed')
    expect(run.errors).toEqual([expect.stringContaining('ended with status "failed"')])
    expect(drillIssues()).toHaveLength(1)
    const [issue] = drillIssues()
    expect(issue).toMatchObject({ labels: ['restore-drill'], state: 'open', comments: [] })
    expect(issue?.body).toContain('## ❌ Restore drill failed')
    expect(issue?.body).toContain('(https://github.com/acme/backups/actions/runs/4242)')
    expect(run.outputs).toMatchObject({
      issue_number: String(issue?.number),
      issue_url: `https://github.example/acme/backups/issues/${issue?.number}`,
    })
    expect(run.summary).toContain(`Drill issue [#${issue?.number}]`)
  })

  it('comments on the open issue when it fails again, even on a bad input', async () => {
    const open = openDrillIssue()
    const run = await alertingDrill({ timeout: 'forever' })
    expect(run.errors).toEqual([expect.stringMatching(/^Invalid inputs: `timeout`/)])
    expect(drillIssues()).toHaveLength(1)
    expect(drillIssues()[0]?.comments).toEqual([
      expect.stringContaining('The restore drill failed again.'),
    ])
    expect(run.outputs.issue_number).toBe(String(drillIssues()[0]?.number))
    expect(run.outputs.issue_number).toBe(String(open.number))
  })

  it('alerts on a timeout too', async () => {
    openDrillIssue([FAILED_AGAIN])
    lab.sim.configure({ restoreDurationMs: 60_000 })
    const run = await alertingDrill({ timeout: '1s', on_timeout: 'warn' })
    expect(run.code).toBe(0)
    expect(run.outputs.outcome).toBe('timed_out')
    expect(drillIssues()[0]?.comments).toHaveLength(2)
  })

  it('does nothing to the issue when cancelled', async () => {
    const open = { ...openDrillIssue() }
    lab.sim.configure({ restoreDurationMs: 60_000 })
    const before = github.requests.length
    const run = await alertingDrill({}, { signal: 'SIGINT' })
    expect(run.outputs.outcome).toBe('cancelled')
    expect(github.requests.length).toBe(before)
    expect(run.outputs.issue_number).toBe('')
    expect(github.issues).toEqual([open])
  })

  it('comments with the good result and closes the issue when the drill succeeds', async () => {
    openDrillIssue([FAILED_AGAIN])
    const run = await alertingDrill()
    expect(run.code).toBe(0)
    const [issue] = drillIssues()
    expect(issue?.state).toBe('closed')
    expect(issue?.comments.at(-1)).toContain('## ✅ Restore drill succeeded')
    expect(run.outputs.issue_number).toBe(String(issue?.number))
  })

  it('opens a new issue when the target fails after it recovered', async () => {
    github.fileIssue({ title: TITLE, state: 'closed' })
    lab.sim.configure({ restoreFinalStatus: 'failed' })
    await alertingDrill()
    expect(drillIssues().map((issue) => issue.state)).toEqual(['closed', 'open'])
  })

  it('names a fixed backup in the title', async () => {
    await alertingDrill({ backup_id: SEED.backups.failed, job_id: '' })
    expect(github.issues.at(-1)?.title).toBe(`Restore drill failing: backup ${SEED.backups.failed}`)
  })

  it('uses the workflow token when github_token is left out', async () => {
    const before = github.requests.length
    const run = await drill(
      lab.sim,
      { issue_on_failure: 'true', backup_id: SEED.backups.failed, job_id: '' },
      {
        env: { GITHUB_API_URL: github.url },
      },
    )
    expect(github.requests[before]?.authorization).toBe(`token ${WORKFLOW_TOKEN}`)
    // The fake GitHub knows another token: a 401 is a warning, never the drill's verdict.
    expect(run.warnings).toEqual([expect.stringContaining('rejected `github_token` (401)')])
    expect(run.errors).toEqual([expect.stringContaining('is failed, not completed')])
  })

  it('warns which permission to add when GitHub answers 403, keeping the outcome', async () => {
    github.refuseWith(403)
    lab.sim.configure({ restoreFinalStatus: 'failed' })
    const run = await alertingDrill()
    expect(run.code).toBe(1)
    expect(run.outputs).toMatchObject({ outcome: 'failed', issue_number: '', issue_url: '' })
    expect(run.errors).toEqual([expect.stringContaining('ended with status "failed"')])
    expect(run.warnings).toEqual([expect.stringContaining('`permissions: issues: write`')])
  })

  it("reaches GitHub through the runner's proxy", async () => {
    const proxy = await startProxy()
    try {
      lab.sim.configure({ restoreFinalStatus: 'failed' })
      // A name only the proxy resolves (to the fake GitHub): reached through it, or not at all.
      const host = `${SIM_HOST}:${new URL(github.url).port}`
      const run = await alertingDrill(
        {},
        { env: { GITHUB_API_URL: `http://${host}`, http_proxy: proxy.url } },
      )
      expect(run.warnings).toEqual([])
      expect(run.outputs.issue_number).not.toBe('')
      expect([...proxy.tunnels, ...proxy.forwarded].join(' ')).toContain(host)
    } finally {
      await proxy.close()
    }
  })

  it('warns, and keeps a success, when GitHub cannot be reached', async () => {
    const run = await drill(
      lab.sim,
      { issue_on_failure: 'true', github_token: github.token },
      {
        env: { GITHUB_API_URL: 'http://127.0.0.1:9' },
      },
    )
    expectNoSecrets(run)
    expect(run.code).toBe(0)
    expect(run.outputs.outcome).toBe('succeeded')
    expect(run.warnings).toEqual([expect.stringContaining('could not be updated')])
  })
})

describe('a drill whose issue cannot be written', () => {
  it('has its evidence on disk first, and ends within 2 s when cancelled then', async () => {
    github.refuseWith('silent')
    lab.sim.configure({ restoreFinalStatus: 'failed' })
    const before = github.requests.length
    const run = await alertingDrill(
      {},
      // Cancelled as the run starts on the drill issue; a GitHub that never answers would hold
      // the run until the runner kills it, and the evidence with it, unless the cancel ends it.
      { signal: 'SIGINT', when: 'Drill issue: looking in', killAfterMs: 10_000 },
    )
    expect(run.exitAfterSignalMs).toBeLessThan(2_000)
    expect(run.code).toBe(1)
    // The drill had ended when the signal came: its outcome stands, and nothing says cancelled
    // but the alert's own warning.
    expect(run.outputs).toMatchObject({ outcome: 'failed', issue_number: '', issue_url: '' })
    expect(run.resultFile).toMatchObject({ outcome: 'failed' })
    expect(run.summary).toContain('## ❌ Restore drill failed')
    expect(run.errors).toEqual([expect.stringContaining('ended with status "failed"')])
    expect(run.warnings).toEqual([
      expect.stringContaining('could not be updated: the run was cancelled'),
    ])
    expect(github.requests.length).toBeLessThanOrEqual(before + 1)
  })

  it('keeps the @mentions and #refs of SnapShooter text from reaching people', async () => {
    lab.sim.inject({
      route: 'createRestore',
      kind: 'status',
      status: 422,
      body: JSON.stringify({ message: 'Server busy: ask @ops-team, see #123 or GH-7' }),
    })
    const before = github.requests.length
    const run = await alertingDrill()
    expect(run.errors).toEqual([expect.stringContaining('ask @ops-team, see #123 or GH-7')])
    const sent = github.requests.slice(before).filter((request) => request.method === 'POST')
    expect(sent).toHaveLength(1)
    const body = String((sent[0]?.body as { body?: unknown } | undefined)?.body)
    expect(body).toContain('ask @\u200dops-team, see #\u200d123 or GH-\u200d7')
    const outsideCode = body.replace(/<pre>[\s\S]*?<\/pre>|<code>[\s\S]*?<\/code>/g, '')
    expect(outsideCode).not.toMatch(/(?<![&\w])@[a-z0-9]|(?<!&)#\d|\bGH-\d/i)
  })
})

describe('a drill without issue_on_failure', () => {
  it('sends nothing to GitHub', async () => {
    lab.sim.configure({ restoreFinalStatus: 'failed' })
    const before = github.requests.length
    const run = await drill(lab.sim, {}, { env: { GITHUB_API_URL: github.url } })
    expect(run.outputs.outcome).toBe('failed')
    expect(github.requests.length).toBe(before)
    expect(run.outputs).toMatchObject({ issue_number: '', issue_url: '' })
  })
})

describe('every alerting run', () => {
  // Runs of its own, so that this test stands alone; each alerting run above is checked too.
  const runs: DrillRun[] = []
  beforeAll(async () => {
    github.reset()
    lab.sim.reset()
    lab.sim.configure({ restoreFinalStatus: 'failed' })
    runs.push(await alertingDrill())
    runs.push(await alertingDrill({ timeout: 'forever' }))
    lab.sim.configure({ restoreFinalStatus: 'completed' })
    runs.push(await alertingDrill())
    runs.push(
      await drill(
        lab.sim,
        { issue_on_failure: 'true', backup_id: SEED.backups.failed, job_id: '' },
        { env: { GITHUB_API_URL: github.url } },
      ),
    )
  })

  it('never shows the GitHub token, nor any SnapShooter secret', () => {
    expect(runs.map((run) => run.outputs.issue_number)).toEqual(['1', '1', '1', ''])
    for (const run of runs) expectNoSecrets(run)
  })
})
