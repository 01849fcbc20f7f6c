// Every fault the simulator can inject, on every route the action calls, in restore mode and in
// download mode, through run() on a fake clock: the documented outcome, exactly the allowed
// restore POSTs, one error line, and no secret in anything the run left behind.
import { afterAll, afterEach, describe, expect, it, jest } from '@jest/globals'
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DEMO_TOKEN, startSimulator, type Simulator } from '../simulator/index.js'
import { FAULTS, ROUTES, faultCases, type FaultCase } from './helpers/fault-cases.js'
import { BLACK_HOLE_ROUTES, blackHoleCases } from './helpers/black-hole-cases.js'
import {
  DOWNLOAD_ROUTES,
  STORAGE_FAULTS,
  downloadFaultCases,
  type DownloadFaultCase,
} from './helpers/download-fault-cases.js'
import { removeRunFiles, runInProcess, sharedTime } from './helpers/in-process.js'
import { leaks } from './helpers/leaks.js'

// Fifty unanswered status checks take a few seconds of real time: each is a socket's timeout.
jest.setTimeout(20_000)

const CASES = faultCases()
const DOWNLOAD_CASES = downloadFaultCases()
let sim: Simulator | undefined
let dir: string | undefined

afterEach(async () => {
  await sim?.close()
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true })
  dir = undefined
})
afterAll(removeRunFiles)

describe('the fault matrix', () => {
  it('covers every fault on every route the action calls', () => {
    for (const route of ROUTES)
      for (const kind of FAULTS)
        expect(CASES.some((c) => c.route === route && c.kind === kind)).toBe(true)
    expect(new Set(CASES.map((c) => c.kind.fault.kind))).toEqual(
      new Set(['status', 'drop', 'delay', 'hang', 'malformed', 'html', 'wrongShape']),
    )
  })

  it('covers every fault on both routes of download mode, and the storage-only faults', () => {
    for (const route of DOWNLOAD_ROUTES)
      for (const kind of FAULTS)
        expect(DOWNLOAD_CASES.some((c) => c.route === route && c.kind === kind)).toBe(true)
    for (const kind of STORAGE_FAULTS)
      expect(DOWNLOAD_CASES.some((c) => c.route === 'storage' && c.kind === kind)).toBe(true)
    expect(new Set(STORAGE_FAULTS.map((kind) => kind.fault.kind))).toEqual(
      new Set(['truncate', 'shortBody', 'corrupt']),
    )
  })

  it('puts the black-hole proxy on every route it applies to', () => {
    expect(blackHoleCases().map((c) => c.route)).toEqual([...BLACK_HOLE_ROUTES])
  })

  it.each(
    [...CASES, ...DOWNLOAD_CASES].map((c): [string, FaultCase | DownloadFaultCase] => [
      `${c.inputs.mode === 'download' ? 'download mode, ' : ''}${c.route}: ${c.kind.name} ${c.times === 1 ? 'once' : 'on every request'}${c.inputs.timeout !== undefined ? ` (timeout ${c.inputs.timeout})` : ''}`,
      c,
    ]),
  )('%s', async (_, { route, kind, times, inputs, expected }) => {
    const time = sharedTime()
    sim = await startSimulator({ now: time.clock.now, restoreDurationMs: 20_000 })
    sim.inject({ route, times, ...kind.fault })
    const downloading = inputs.mode === 'download'
    if (downloading) dir = mkdtempSync(join(tmpdir(), 'snapshooter-faults-'))
    const run = await runInProcess(
      time,
      { api_token: DEMO_TOKEN, api_url: sim.url, ...inputs, ...(dir ? { download_to: dir } : {}) },
      // Only the faults that outlast a request need a short timeout; others keep the whole 30 s.
      { requestTimeoutMs: kind.requestTimeoutMs },
    )

    const posts = sim.count('createRestore', 'POST')
    expect({
      outcome: run.outputs.outcome,
      posts: expected.atLeast === true ? Math.min(posts, expected.posts) : posts,
      restores: sim.restores.length,
    }).toEqual({ outcome: expected.outcome, posts: expected.posts, restores: expected.restores })
    expect(run.exitCode).toBe(expected.outcome === 'succeeded' ? 0 : 1)
    if (expected.outcome === 'succeeded') {
      expect(run.errors).toEqual([])
      // The fault was met and ridden out: the route was asked again after it.
      expect(sim.count(route)).toBeGreaterThanOrEqual(2)
    } else {
      expect(run.errors).toHaveLength(1)
      const [line = ''] = run.errors
      expect(line).not.toMatch(/[\r\n]/)
      for (const part of expected.says) expect(line).toContain(part)
      for (const part of expected.never) expect(line).not.toContain(part)
    }
    expect(leaks(run)).toEqual([])
    // A download that failed leaves nothing that looks like a file, partial or not.
    if (downloading && expected.outcome !== 'succeeded') expect(readdirSync(dir ?? '')).toEqual([])
  })
})
