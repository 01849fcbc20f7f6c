// A runner whose GITHUB_OUTPUT cannot be written, through dist/index.js: the step fails on one
// error line that names the problem, before any restore is sent, and the job summary and the
// result file still tell the story.
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { drill, leaks, useDrillLab } from './helpers/drill.js'

jest.setTimeout(30_000)

const lab = useDrillLab()
let scratch: string
beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'snapshooter-outputs-'))
})
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

describe('a GITHUB_OUTPUT that cannot be written', () => {
  it.each([
    ['in a folder that does not exist', () => join(scratch, 'gone', 'output'), 'Missing file'],
    ['that is a folder', () => scratch, 'EISDIR'],
  ])('%s fails the step on one line, with the evidence kept', async (_, path, cause) => {
    const posts = lab.sim.count('createRestore', 'POST')
    const run = await drill(lab.sim, {}, { env: { GITHUB_OUTPUT: path() } })

    expect(run.code).toBe(1)
    expect(run.errors).toEqual([
      expect.stringMatching(/^The step outputs could not be written to GITHUB_OUTPUT \(/),
    ])
    expect(run.errors[0]).toContain(cause)
    expect(run.stderr).not.toMatch(/^\s+at /m)
    // Outputs are the drill's hand-over to later steps: without them, no restore is started.
    expect(lab.sim.count('createRestore', 'POST')).toBe(posts)
    expect(run.summary).toContain('## ❌ Restore drill failed')
    expect(run.summary).toContain('The step outputs could not be written')
    expect(run.resultFile).toMatchObject({
      outcome: 'failed',
      error: { message: expect.stringContaining('GITHUB_OUTPUT') },
    })
    expect(leaks(run)).toEqual([])
  })

  it("keeps a bad input as the step's error, and warns about the outputs", async () => {
    const run = await drill(lab.sim, { timeout: 'forever' }, { env: { GITHUB_OUTPUT: scratch } })
    expect(run.code).toBe(1)
    expect(run.errors).toEqual([expect.stringMatching(/^Invalid inputs: `timeout`/)])
    expect(run.warnings).toEqual([expect.stringContaining('could not be written to GITHUB_OUTPUT')])
    expect(run.summary).toContain('Invalid inputs')
  })
})
