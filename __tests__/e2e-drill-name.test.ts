// drill_name through dist/index.js, as a leg of a fleet matrix passes it: the summary's headline,
// the result's `drill.name`, and the drill issue's title on a fake GitHub.
import { afterAll, beforeAll, beforeEach, describe, expect, it, jest } from '@jest/globals'
import { FLEET } from '../simulator/seed.js'
import { startFakeGitHub, type FakeGitHub } from '../simulator/index.js'
import { drill, leaks, useDrillLab } from './helpers/drill.js'

jest.setTimeout(30_000)

const lab = useDrillLab()
let github: FakeGitHub

beforeAll(async () => {
  github = await startFakeGitHub()
})
afterAll(() => github.close())
beforeEach(() => github.reset())

const [prod] = FLEET

describe('a drill named by drill_name', () => {
  it('names itself in the summary headline and the result', async () => {
    const run = await drill(lab.sim, { job_id: prod.jobId, drill_name: prod.name })
    expect(run.code).toBe(0)
    expect(run.summary).toMatch(/^## ✅ Restore drill “prod-db” succeeded — backup /m)
    expect(run.resultFile).toMatchObject({ version: 1, drill: { name: 'prod-db' } })
    expect(JSON.parse(run.outputs.result ?? '')).toMatchObject({ drill: { name: 'prod-db' } })
  })

  it('keeps drill.name null, and the headline as it was, without one', async () => {
    const run = await drill(lab.sim)
    expect(run.summary).toMatch(/^## ✅ Restore drill succeeded — backup /m)
    expect(run.summary).not.toContain('“')
    expect(run.resultFile).toMatchObject({ drill: { name: null } })
  })

  it('titles its issue by the name, made one safe line, also when an input is bad', async () => {
    const name = 'prod-db <b>*eu*</b>\n::warning::forged'
    const run = await drill(
      lab.sim,
      {
        job_id: prod.jobId,
        drill_name: name,
        timeout: 'soon',
        issue_on_failure: 'true',
        github_token: github.token,
      },
      { env: { GITHUB_API_URL: github.url } },
    )
    expect(run.code).toBe(1)
    expect(run.errors).toHaveLength(1)
    expect(run.errors[0]).toContain('`timeout`')
    const safe = 'prod-db <b>*eu*</b> : :warning: :forged'
    expect(github.issues.map((issue) => issue.title)).toEqual([`Restore drill failing: ${safe}`])
    // The result file's path is an input too, so the `result` output carries the result here.
    expect(JSON.parse(run.outputs.result ?? '')).toMatchObject({ drill: { name: safe } })
    // Escaped in the summary: no markup, no emphasis, no line of its own.
    expect(run.summary).toContain(
      '## ❌ Restore drill “prod-db &lt;b&gt;&#42;eu&#42;&lt;/b&gt; : :warning: :forged” failed',
    )
    expect(run.stdout).not.toMatch(/^::warning::forged/m)
    expect(leaks(run)).toEqual([])
    expect(lab.sim.requests).toEqual([])
  })
})
