// A content check that could not run (here pg_dump's custom format under a .sql name) passes the
// file, since nothing was found wrong, but the run warns: a green step must not read as content
// proved when only the bytes were.
import { afterAll, afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CONTENT_SEED } from '../simulator/content-checks.js'
import { startSimulator, type Simulator } from '../simulator/index.js'
import { drillInputs } from './fixtures/inputs.js'
import { removeRunFiles, runInProcess, sharedTime } from './helpers/in-process.js'

let sim: Simulator
let time: ReturnType<typeof sharedTime>
let dir: string

beforeEach(async () => {
  time = sharedTime()
  sim = await startSimulator({ now: time.clock.now })
  dir = mkdtempSync(join(tmpdir(), 'snapshooter-skipped-'))
})
afterEach(async () => {
  await sim.close()
  rmSync(dir, { recursive: true, force: true })
})
afterAll(removeRunFiles)

describe('a content check that could not run', () => {
  it('passes the file and warns once, naming the file and why', async () => {
    const inputs = { mode: 'download', download_to: dir, job_id: '' }
    const backupId = CONTENT_SEED.backups.pgCustom
    const run = await runInProcess(time, drillInputs(sim, { ...inputs, backup_id: backupId }))
    expect(run.outputs.outcome).toBe('succeeded')
    expect(run.warnings).toEqual([
      `Content checks skipped for custom.sql (sql: pg_dump's custom format, not plain SQL: its content is not checked) in backup ${backupId}: only their size and SHA-256 were verified.`,
    ])
  })
})
