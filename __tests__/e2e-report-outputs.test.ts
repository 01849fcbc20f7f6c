// The `report` sub-action on a runner whose GITHUB_OUTPUT cannot be written, through
// dist/report.js: the step fails on one error line naming the problem, and the job summary still
// tells the fleet's counts.
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runStep } from '../scripts/lib/runner.js'
import { ROOT } from './helpers/action-yml.js'

jest.setTimeout(30_000)

let dir: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'snapshooter-report-outputs-'))
  mkdirSync(join(dir, 'results'))
  const result = {
    version: 1,
    outcome: 'succeeded',
    drill: { name: 'prod-db' },
    backup: { id: 'b1', job_id: null, age_seconds: 60 },
    restore: { id: 'r1', duration_seconds: 30 },
    checks: [],
    error: null,
    run: { repository: 'acme/backups', run_id: '1', run_attempt: '1' },
  }
  writeFileSync(join(dir, 'results/a.json'), JSON.stringify(result))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('the report with a GITHUB_OUTPUT that cannot be written', () => {
  it('fails the step on one line naming it, with the summary kept', async () => {
    const run = await runStep({
      action: join(ROOT, 'report'),
      inputs: { results: 'results/*.json' },
      workDir: dir,
      killAfterMs: 20_000,
      env: { GITHUB_OUTPUT: join(dir, 'gone', 'output') },
    })
    expect(run.code).toBe(1)
    expect(run.errors).toEqual([
      expect.stringMatching(/^The step outputs could not be written to GITHUB_OUTPUT \(/),
    ])
    expect(run.stderr).not.toMatch(/^\s+at /m)
    expect(run.summary).toContain('Fleet restore drill: 1 of 1 succeeded')
  })
})
