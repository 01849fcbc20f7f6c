// Download mode in-process against the simulator, with real symbolic links in a temporary
// folder: no write ever lands outside `download_to`, and each refusal is one line naming the file.
import { afterAll, afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { createHash } from 'node:crypto'
import {
  lstatSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { join } from 'node:path'
import { SEED, startSimulator, type Simulator } from '../simulator/index.js'
import { drillInputs } from './fixtures/inputs.js'
import { PRECIOUS, useScratch } from './helpers/download.js'
import { removeRunFiles, runInProcess, sharedTime } from './helpers/in-process.js'

let sim: Simulator
let time: ReturnType<typeof sharedTime>
const at = useScratch('snapshooter-links-')

beforeEach(async () => {
  time = sharedTime()
  sim = await startSimulator({ now: time.clock.now })
  mkdirSync(at.dir)
  writeFileSync(join(at.outside, 'x.sql'), PRECIOUS)
})
afterEach(() => sim.close())
afterAll(removeRunFiles)

const download = (inputs: Record<string, string> = {}) =>
  runInProcess(time, drillInputs(sim, { mode: 'download', download_to: at.dir, ...inputs }))
const nested = (files = '') => download({ backup_id: SEED.backups.nested, job_id: '', files })

/** The outside folder exactly as the test left it. */
function expectOutsideUntouched(): void {
  expect(readdirSync(at.outside).sort()).toEqual(['victim', 'x.sql'])
  expect(readFileSync(join(at.outside, 'victim'), 'utf8')).toBe(PRECIOUS)
  expect(readFileSync(join(at.outside, 'x.sql'), 'utf8')).toBe(PRECIOUS)
}

describe('download mode and links inside `download_to`', () => {
  it('refuses a file whose folder is a link leading outside, and writes nothing there', async () => {
    symlinkSync(at.outside, join(at.dir, 'sub'))
    const run = await nested('sub/x.sql')
    expect(run.outputs).toMatchObject({ outcome: 'failed', status: 'failed' })
    expect(run.errors).toEqual([
      `sub/x.sql (file ${SEED.files.nestedSql}) could not be written to ${at.dir}: sub is a link to ${at.outside}, outside \`download_to\`: remove the link, or choose another \`download_to\`.`,
    ])
    expect(sim.count('storage')).toBe(0)
    expectOutsideUntouched()
  })

  it('makes no folder through such a link either', async () => {
    symlinkSync(at.outside, join(at.dir, 'sub'))
    const run = await nested('sub/deep/y.sql')
    expect(run.errors).toEqual([expect.stringMatching(/^sub\/deep\/y\.sql \(file .*sub is a link/)])
    expectOutsideUntouched()
  })

  it('refuses a link to nowhere on the path, naming it', async () => {
    symlinkSync(join(at.scratch, 'missing'), join(at.dir, 'sub'))
    const run = await nested('sub/x.sql')
    expect(run.errors).toEqual([
      expect.stringContaining(`sub is a link to ${join(at.scratch, 'missing')}, outside`),
    ])
    expect(readdirSync(at.scratch).sort()).toEqual(['elsewhere', 'out'])
  })

  it('follows a link that stays inside `download_to`', async () => {
    mkdirSync(join(at.dir, 'real'))
    symlinkSync('real', join(at.dir, 'sub'))
    const run = await nested()
    expect(run.errors).toEqual([])
    expect(run.outputs.outcome).toBe('succeeded')
    const files = JSON.parse(run.outputs.downloaded_files ?? '') as {
      path: string
      sha256: string
    }[]
    expect(files.map((file) => file.path)).toEqual([
      join(at.dir, 'sub/x.sql'),
      join(at.dir, 'sub/deep/y.sql'),
    ])
    for (const file of files)
      expect(createHash('sha256').update(readFileSync(file.path)).digest('hex')).toBe(file.sha256)
    expect(readdirSync(join(at.dir, 'real')).sort()).toEqual(['deep', 'x.sql'])
  })

  it('refuses to replace a symbolic link standing at a file’s name', async () => {
    symlinkSync(join(at.outside, 'victim'), join(at.dir, 'run.sh'))
    const run = await download({ files: 'run.sh' })
    expect(run.outputs).toMatchObject({ outcome: 'failed', status: 'failed' })
    expect(run.errors).toEqual([
      expect.stringMatching(
        /^run\.sh \(file [0-9a-f-]+\) could not be written to .*: run\.sh is a symbolic link: remove it, or choose another `download_to`\.$/,
      ),
    ])
    expect(sim.count('storage')).toBe(0)
    expect(lstatSync(join(at.dir, 'run.sh')).isSymbolicLink()).toBe(true)
    expectOutsideUntouched()
  })

  it('never writes through a link planted at a temporary name', async () => {
    // The names a temporary file of run.sh has had, or could be guessed to have.
    symlinkSync(join(at.outside, 'victim'), join(at.dir, '.run.sh.partial'))
    symlinkSync(join(at.outside, 'x.sql'), join(at.dir, 'run.sh.partial'))
    const run = await download({ files: 'run.sh' })
    expect(run.errors).toEqual([])
    expect(run.outputs.outcome).toBe('succeeded')
    expectOutsideUntouched()
    expect(lstatSync(join(at.dir, 'run.sh')).isFile()).toBe(true)
    expect(readFileSync(join(at.dir, 'run.sh'), 'utf8')).toContain('#!/bin/sh')
    expect(lstatSync(join(at.dir, '.run.sh.partial')).isSymbolicLink()).toBe(true)
  })

  it('writes into a `download_to` that is itself a link, where the link leads', async () => {
    const real = join(at.scratch, 'real-out')
    mkdirSync(real)
    symlinkSync(real, join(at.scratch, 'linked'))
    const run = await download({ files: 'run.sh', download_to: join(at.scratch, 'linked') })
    expect(run.outputs).toMatchObject({
      outcome: 'succeeded',
      download_dir: join(at.scratch, 'linked'),
    })
    expect(readdirSync(real)).toEqual(['run.sh'])
  })
})
