// Download mode in-process, against the simulator on a fake clock: retries and their pauses,
// refusals, the time limit and cancellation, in milliseconds.
import { afterAll, afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { SEED, startSimulator, type Simulator } from '../simulator/index.js'
import { eachAtMost } from '../src/download/backup.js'
import { drillInputs } from './fixtures/inputs.js'
import { removeRunFiles, runInProcess, sharedTime } from './helpers/in-process.js'

let sim: Simulator
let time: ReturnType<typeof sharedTime>
let dir: string

beforeEach(async () => {
  time = sharedTime()
  sim = await startSimulator({ now: time.clock.now })
  dir = mkdtempSync(join(tmpdir(), 'snapshooter-dl-'))
})
afterEach(async () => {
  await sim.close()
  rmSync(dir, { recursive: true, force: true })
})
afterAll(removeRunFiles)

const download = (inputs: Record<string, string> = {}, abortAfterMs?: number) =>
  runInProcess(time, drillInputs(sim, { mode: 'download', download_to: dir, ...inputs }), {
    abortAfterMs,
  })

const storageGets = (): number => sim.count('storage')

describe('run() in download mode', () => {
  it('downloads and verifies every file, and sets the outputs', async () => {
    const run = await download()
    expect(run.exitCode).toBe(0)
    expect(run.outputs).toMatchObject({ outcome: 'succeeded', status: 'downloaded' })
    expect(readdirSync(dir).sort()).toEqual(['db.sql.gz', 'run.sh', 'site.tar.gz'])
    expect(run.summary).toContain('3 of 3 verified')
  })

  it('pauses between attempts as the retry policy says, without real waiting', async () => {
    sim.inject({ route: 'storage', kind: 'status', status: 503, match: 'run.sh', times: 2 })
    const run = await download({ files: 'run.sh' })
    expect(run.outputs.outcome).toBe('succeeded')
    expect(storageGets()).toBe(3)
    expect(run.log).toContain('run.sh: attempt 1 failed (storage answered HTTP 503)')
    expect(run.log).toContain('run.sh: attempt 2 failed')
  })

  it('honours Retry-After from storage', async () => {
    sim.inject({ route: 'storage', kind: 'status', status: 503, retryAfter: '7', match: 'run.sh' })
    const run = await download({ files: 'run.sh' })
    expect(run.outputs.outcome).toBe('succeeded')
    expect(run.log).toMatch(/starting it again in 7\d\d\d ms/)
  })

  it('says how far a file got when the connection broke off mid-file, and starts it again', async () => {
    sim.inject({ route: 'storage', kind: 'truncate', match: 'run.sh' })
    const run = await download({ files: 'run.sh' })
    expect(run.outputs.outcome).toBe('succeeded')
    expect(storageGets()).toBe(2)
    expect(run.log).toMatch(
      /run\.sh: attempt 1 failed \(the connection broke off after (\d+) of (\d+) bytes[ )]/,
    )
    const [, got, of] = /broke off after (\d+) of (\d+) bytes/.exec(run.log) ?? []
    expect(Number(got)).toBeLessThan(Number(of))
  })

  it('names a network failure in the words API errors use', async () => {
    sim.inject({ route: 'storage', kind: 'drop', match: 'run.sh' })
    const run = await download({ files: 'run.sh' })
    expect(run.outputs.outcome).toBe('succeeded')
    expect(run.log).toContain('run.sh: attempt 1 failed (connection reset (ECONNRESET))')
  })

  it('gives up after five attempts, naming the file and the reason', async () => {
    sim.inject({ route: 'storage', kind: 'drop', match: 'run.sh', times: 9 })
    const run = await download({ files: 'run.sh' })
    expect(run.outputs).toMatchObject({ outcome: 'failed', status: 'failed' })
    expect(storageGets()).toBe(5)
    expect(run.errors).toEqual([
      expect.stringMatching(
        /^Download of run\.sh \(file [0-9a-f-]+\) failed after 5 attempts: .*worth re-running later\.$/,
      ),
    ])
    expect(readdirSync(dir)).toEqual([])
  })

  it('does not retry a refused link', async () => {
    sim.inject({ route: 'storage', kind: 'status', status: 403, match: 'run.sh' })
    const run = await download({ files: 'run.sh' })
    expect(storageGets()).toBe(1)
    expect(run.errors[0]).toContain('HTTP 403 (the signed link was refused; it may have expired)')
    expect(run.errors[0]).toContain('re-run to get fresh links')
  })

  it('stops the other files at the first failure', async () => {
    sim.inject({ route: 'storage', kind: 'status', status: 404, match: 'db.sql.gz' })
    const run = await download()
    expect(run.outputs.outcome).toBe('failed')
    expect(run.errors[0]).toContain('db.sql.gz')
    expect(readdirSync(dir).filter((name) => name.endsWith('.partial'))).toEqual([])
  })

  it('times out when a retry would pass `timeout`, and says how many files were verified', async () => {
    sim.inject({ route: 'storage', kind: 'status', status: 503, retryAfter: '120', match: 'run' })
    const run = await download({ files: 'run.sh', timeout: '1m' })
    expect(run.exitCode).toBe(1)
    expect(run.outputs).toMatchObject({ outcome: 'timed_out', status: 'failed' })
    expect(run.errors[0]).toContain('was not fully downloaded when `timeout` (1m) ran out')
    expect(run.errors[0]).toContain('0 file(s) had been verified: raise `timeout`.')
  })

  it('quotes `timeout` as the workflow wrote it', async () => {
    sim.inject({ route: 'storage', kind: 'status', status: 503, retryAfter: '7200', match: 'run' })
    const run = await download({ files: 'run.sh', timeout: '90m' })
    expect(run.outputs).toMatchObject({ outcome: 'timed_out' })
    expect(run.errors[0]).toContain('was not fully downloaded when `timeout` (90m) ran out')
  })

  it('with `on_timeout: warn`, a timed-out download warns and does not fail the step', async () => {
    sim.inject({ route: 'storage', kind: 'status', status: 503, retryAfter: '120', match: 'run' })
    const run = await download({ files: 'run.sh', timeout: '1m', on_timeout: 'warn' })
    expect(run.exitCode).toBe(0)
    expect(run.warnings[0]).toContain('was not fully downloaded')
  })

  it('is cancelled during a pause between attempts, leaving no partial file', async () => {
    sim.inject({ route: 'storage', kind: 'status', status: 503, retryAfter: '30', match: 'run' })
    const run = await download({ files: 'run.sh' }, 10_000)
    expect(run.outputs).toMatchObject({ outcome: 'cancelled', status: 'failed' })
    expect(run.errors[0]).toContain('cancelled while downloading')
    expect(readdirSync(dir)).toEqual([])
  })

  // A write the disk refuses is not retried: e2e-download-disk.test.ts (under `ulimit -f`).
  it('writes its temporary file where no name of the folder can be in the way', async () => {
    mkdirSync(join(dir, '.run.sh.partial'))
    const run = await download({ files: 'run.sh' })
    expect(run.outputs).toMatchObject({ outcome: 'succeeded', status: 'downloaded' })
    expect(storageGets()).toBe(1)
    expect(readdirSync(dir).sort()).toEqual(['.run.sh.partial', 'run.sh'])
    expect(readdirSync(join(dir, '.run.sh.partial'))).toEqual([])
  })

  it('fails clearly when `download_to` is a file', async () => {
    const file = join(dir, 'taken')
    writeFileSync(file, '')
    const run = await download({ files: 'run.sh', download_to: file })
    expect(run.errors[0]).toMatch(
      /^The folder .*taken could not be created: .*check `download_to`\.$/,
    )
    expect(storageGets()).toBe(0)
  })

  it('on a dry run, fetches no link', async () => {
    const run = await download({ dry_run: 'true' })
    expect(run.outputs).toMatchObject({ outcome: 'dry_run', download_dir: dir })
    expect([sim.count('download'), storageGets()]).toEqual([0, 0])
    expect(run.log).toContain(`would send POST /v1/backups/${SEED.backups.latest}/download`)
  })
})

describe('eachAtMost', () => {
  const never = new AbortController().signal

  it('runs at most `limit` at a time, and every item once', async () => {
    let running = 0
    let peak = 0
    const seen: number[] = []
    await eachAtMost(4, [...Array(10).keys()], never, async (item) => {
      running++
      peak = Math.max(peak, running)
      await new Promise((resolve) => setImmediate(resolve))
      seen.push(item)
      running--
    })
    expect([peak, seen.sort((a, b) => a - b)]).toEqual([4, [...Array(10).keys()]])
  })

  it('throws the first failure, and starts nothing after it', async () => {
    const started: number[] = []
    const work = eachAtMost(2, [0, 1, 2, 3, 4], never, async (item, signal) => {
      started.push(item)
      if (item === 1) throw new Error('item 1 broke')
      await new Promise((resolve) => setImmediate(resolve))
      signal.throwIfAborted()
    })
    await expect(work).rejects.toThrow('item 1 broke')
    expect(started).toEqual([0, 1])
  })

  it('starts nothing when already cancelled', async () => {
    const controller = new AbortController()
    controller.abort()
    const started: number[] = []
    await expect(
      eachAtMost(2, [0, 1], controller.signal, async (item, signal) => {
        started.push(item)
        signal.throwIfAborted()
      }),
    ).rejects.toThrow()
    expect(started).toEqual([])
  })
})
