// The `report` sub-action as the runner runs it: dist/report.js from report/action.yml (its
// defaults applied), over result files written by real drills of dist/index.js against the
// simulator, and hand-made broken ones beside them.
import { describe, expect, it, jest } from '@jest/globals'
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runStep, type StepResult } from '../scripts/lib/runner.js'
import { ROOT } from './helpers/action-yml.js'
import { SEED, drill, useDrillLab } from './helpers/drill.js'

jest.setTimeout(60_000)

const lab = useDrillLab()

function report(workDir: string, inputs: Record<string, string>): Promise<StepResult> {
  return runStep({ action: join(ROOT, 'report'), inputs, workDir, killAfterMs: 20_000 })
}

function workspace(): string {
  return mkdtempSync(join(tmpdir(), 'snapshooter-report-'))
}

const matrix = JSON.stringify({
  include: [
    { job_id: SEED.jobs.main, job_name: 'main-db' },
    { job_id: SEED.jobs.empty, job_name: 'empty-db' },
    { job_id: SEED.jobs.other, job_name: 'other-db' },
  ],
})

describe('the report sub-action', () => {
  it('tallies real legs, names the failed and missing ones, and fails on them by default', async () => {
    const good = await drill(lab.sim)
    const bad = await drill(lab.sim, { job_id: SEED.jobs.empty })
    expect([good.outputs.outcome, bad.outputs.outcome]).toEqual(['succeeded', 'failed'])
    const dir = workspace()
    mkdirSync(join(dir, 'results/a'), { recursive: true })
    writeFileSync(join(dir, 'results/a/main.json'), JSON.stringify(good.resultFile))
    // A leg that failed before resolving its backup names no job; its drill_name (the matrix's
    // job_name) is what ties it to the job it was run for.
    const named = { ...(bad.resultFile as object), drill: { name: 'empty-db' } }
    writeFileSync(join(dir, 'results/empty.json'), JSON.stringify(named))
    writeFileSync(join(dir, 'results/broken.json'), '{"version": 1, "outc')
    mkdirSync(join(dir, 'results/folder.json'))
    writeFileSync(join(dir, 'outside.json'), JSON.stringify(good.resultFile))
    symlinkSync(join(dir, '..'), join(dir, 'results/up'))
    symlinkSync('/etc/hostname', join(dir, 'results/escape.json'))
    writeFileSync(join(dir, 'results/huge.json'), '')
    truncateSync(join(dir, 'results/huge.json'), 50 * 1024 * 1024)
    try {
      const run = await report(dir, { results: 'results/**/*.json', expected: matrix })
      expect(run.code).toBe(1)
      expect(run.outputs).toMatchObject({ total: '7', succeeded: '1', failed: '5', missing: '1' })
      const parsed = JSON.parse(run.outputs.report ?? '') as { drills: { name: string }[] }
      expect(parsed.drills.map((row) => row.name).sort()).toEqual(
        [
          `job ${SEED.jobs.main}`,
          'empty-db',
          'results/broken.json',
          'results/escape.json',
          'results/folder.json',
          'results/huge.json',
          'other-db',
        ].sort(),
      )
      expect(run.errors).toHaveLength(1)
      expect(run.errors[0]).toContain('5 failed, 1 missing: empty-db (failed)')
      expect(run.summary).toMatch(/\| other-db \|.*❓ missing<br>No result file was found/)
      expect(run.summary).toContain('Fleet restore drill: 1 of 7 succeeded')
      expect(run.summary).toContain('results/escape.json')
      expect(run.summary).toContain('links outside the workspace')
      expect(run.summary).toContain(
        '[run](https://github.com/acme/backups/actions/runs/4242/attempts/1)',
      )
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('only warns under fail_on never', async () => {
    const bad = await drill(lab.sim, { job_id: SEED.jobs.empty })
    const dir = workspace()
    mkdirSync(join(dir, 'results'))
    writeFileSync(join(dir, 'results/empty.json'), JSON.stringify(bad.resultFile))
    try {
      const run = await report(dir, { results: 'results/*.json', fail_on: 'never' })
      expect(run.code).toBe(0)
      expect(run.errors).toEqual([])
      expect(run.warnings.some((line) => line.includes('1 failed'))).toBe(true)
      expect(run.outputs).toMatchObject({ total: '1', succeeded: '0', failed: '1', missing: '0' })
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('fails naming results when nothing matches, and naming bad inputs before reading', async () => {
    const dir = workspace()
    try {
      const none = await report(dir, { results: 'results/*.json', fail_on: 'never' })
      expect(none.code).toBe(1)
      expect(none.errors).toHaveLength(1)
      expect(none.errors[0]).toContain('No result file matched results "results/*.json"')
      // An empty fleet asked for, and none found: nothing is wrong.
      const empty = await report(dir, { results: 'results/*.json', expected: '[]' })
      expect({ code: empty.code, errors: empty.errors, total: empty.outputs.total }).toEqual({
        code: 0,
        errors: [],
        total: '0',
      })
      const bad = await report(dir, { results: 'results/*.json', expected: '[1', fail_on: 'x' })
      expect(bad.code).toBe(1)
      expect(bad.errors).toHaveLength(1)
      expect(bad.errors[0]).toMatch(/expected is not JSON.*fail_on must be failed or never/)
      expect(bad.outputs).toEqual({})
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
