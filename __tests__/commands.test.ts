// Each command as a runner, against the simulator on a fake clock: it tells its progress as it
// learns, returns how it ended, and writes no evidence of its own.
import {
  afterAll,
  afterEach,
  beforeAll,
  beforeEach,
  describe,
  expect,
  it,
  jest,
} from '@jest/globals'
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DEMO_TOKEN, SEED, startSimulator, type Simulator } from '../simulator/index.js'
import { runDownload, type DownloadDeps, type DownloadProgress } from '../src/download/run.js'
import type { InputName } from '../src/inputs/names.js'
import { parseSettings } from '../src/inputs/parse.js'
import { runRestore, type RestoreProgress } from '../src/restore/run.js'
import { ApiError } from '../src/snapshooter/errors.js'
import { testClient } from './helpers/client.js'
import { fakeTime } from './fixtures/fake-time.js'
import { actionDefaults } from './helpers/action-yml.js'

let sim: Simulator
let time: ReturnType<typeof fakeTime>
let dir: string

beforeAll(async () => {
  time = fakeTime(Date.now())
  sim = await startSimulator({ now: () => time.clock.now(), restoreDurationMs: 5_000 })
})
afterAll(() => sim.close())
beforeEach(() => {
  sim.clearFaults()
  dir = mkdtempSync(join(tmpdir(), 'snapshooter-commands-'))
  // The runners log through @actions/core; the log is not what these tests read.
  jest.spyOn(process.stdout, 'write').mockImplementation(() => true)
})
afterEach(() => {
  jest.restoreAllMocks()
  rmSync(dir, { recursive: true, force: true })
})

function settings(given: Partial<Record<InputName, string>>) {
  const inputs: Record<string, string> = {
    ...actionDefaults(),
    api_token: DEMO_TOKEN,
    api_url: sim.url,
    backup_id: 'latest',
    job_id: SEED.jobs.main,
    ...given,
  }
  return parseSettings((name) => inputs[name] ?? '')
}

function restoreSettings(given: Partial<Record<InputName, string>> = {}) {
  const parsed = settings({ mode: 'restore', ...given })
  if (parsed.command !== 'restore') throw new Error('expected restore settings')
  return parsed
}

function downloadSettings(given: Partial<Record<InputName, string>> = {}) {
  const parsed = settings({ mode: 'download', download_to: dir, ...given })
  if (parsed.command !== 'download') throw new Error('expected download settings')
  return parsed
}

function deps(): DownloadDeps {
  return {
    connect: (deadline) =>
      testClient(sim.url, { sleeps: [], retries: [] }, { deadline, clock: time.clock }),
    startedAt: time.clock.now(),
    signal: new AbortController().signal,
    clock: time.clock,
    sleep: time.sleep,
    runnerTemp: dir,
  }
}

/** Every event a command tells, by name, with what it told. */
function recorder(): { events: [string, unknown][]; progress: RestoreProgress & DownloadProgress } {
  const events: [string, unknown][] = []
  const tell =
    (name: string) =>
    (value?: unknown): void => {
      events.push([name, value])
    }
  return {
    events,
    progress: {
      backupResolved: tell('backupResolved'),
      checked: tell('checked'),
      restoreRequested: tell('restoreRequested'),
      restoreRequestFailed: tell('restoreRequestFailed'),
      restoreCreated: tell('restoreCreated'),
      downloadPlanned: tell('downloadPlanned'),
      downloadStarted: tell('downloadStarted'),
      filesVerified: tell('filesVerified'),
      downloadEnded: tell('downloadEnded'),
    },
  }
}

const names = (events: [string, unknown][]): string[] => events.map(([name]) => name)

describe('the restore command', () => {
  it('tells each step as it happens and returns how the wait ended', async () => {
    const { events, progress } = recorder()
    const end = await runRestore(restoreSettings(), deps(), progress)
    expect(end).toMatchObject({ kind: 'waited', wait: { kind: 'succeeded' } })
    expect(names(events)).toEqual([
      'backupResolved',
      'checked',
      'restoreRequested',
      'restoreCreated',
    ])
    expect(events[0]?.[1]).toMatchObject({ id: SEED.backups.latest })
    expect(events[3]?.[1]).toMatchObject({ id: sim.restores.at(-1)?.id })
  })

  it('returns a dry run without sending the restore, and `not_waited` without waiting', async () => {
    const posts = sim.count('createRestore')
    const dry = recorder()
    expect(await runRestore(restoreSettings({ dry_run: 'true' }), deps(), dry.progress)).toEqual({
      kind: 'dry_run',
    })
    expect(names(dry.events)).toEqual(['backupResolved', 'checked'])
    expect(sim.count('createRestore')).toBe(posts)
    const checks = sim.count('getRestore')
    const quick = recorder()
    expect(await runRestore(restoreSettings({ wait: 'false' }), deps(), quick.progress)).toEqual({
      kind: 'not_waited',
    })
    expect(sim.count('getRestore')).toBe(checks)
  })

  it('tells a POST that may have started, and throws its error', async () => {
    sim.inject({ route: 'createRestore', kind: 'status', status: 502 })
    const { events, progress } = recorder()
    await expect(runRestore(restoreSettings(), deps(), progress)).rejects.toBeInstanceOf(ApiError)
    expect(events.slice(-2)).toEqual([
      ['restoreRequested', undefined],
      ['restoreRequestFailed', { mayHaveStarted: true }],
    ])
  })
})

describe('the download command', () => {
  it('tells the folder, each verified file and the end, and returns `downloaded`', async () => {
    const { events, progress } = recorder()
    expect(await runDownload(downloadSettings(), deps(), progress)).toEqual({
      kind: 'downloaded',
    })
    expect(names(events).filter((name) => name !== 'filesVerified')).toEqual([
      'backupResolved',
      'checked',
      'downloadPlanned',
      'downloadStarted',
      'downloadEnded',
    ])
    expect(events.find(([name]) => name === 'downloadPlanned')?.[1]).toBe(dir)
    const verified = events.filter(([name]) => name === 'filesVerified').at(-1)?.[1]
    expect(verified).toHaveLength(readdirSync(dir).length)
    expect(events.at(-1)?.[1]).toMatchObject({ status: 'downloaded' })
  })

  it('returns a dry run with the folder planned and nothing fetched', async () => {
    const { events, progress } = recorder()
    expect(await runDownload(downloadSettings({ dry_run: 'true' }), deps(), progress)).toEqual({
      kind: 'dry_run',
    })
    expect(names(events)).toEqual(['backupResolved', 'checked', 'downloadPlanned'])
    expect(readdirSync(dir)).toEqual([])
  })
})
