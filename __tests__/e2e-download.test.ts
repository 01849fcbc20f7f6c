// Download mode through dist/index.js against the simulator: good files, damaged files, a
// broken connection, a hostile file name, and no secret in any evidence.
import { afterAll, beforeAll, beforeEach, describe, expect, it, jest } from '@jest/globals'
import { createHash } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'
import type { Simulator } from '../simulator/index.js'
import { SEED, drill, leaks, signaturesFetched, startLab, type DrillRun } from './helpers/drill.js'

jest.setTimeout(30_000)

let sim: Simulator
let scratch: string
let dir: string
const runs: DrillRun[] = []
const keep = (run: DrillRun): DrillRun => (runs.push(run), run)

beforeAll(async () => {
  sim = await startLab()
  scratch = mkdtempSync(join(tmpdir(), 'snapshooter-download-'))
})
afterAll(async () => {
  await sim.close()
  rmSync(scratch, { recursive: true, force: true })
})
let counter = 0
beforeEach(() => {
  sim.clearFaults()
  // Deep, so that a name climbing two levels up would still land inside `scratch`.
  dir = join(scratch, `run-${++counter}`, 'nested', 'out')
})

const download = (inputs: Record<string, string> = {}): Promise<DrillRun> =>
  drill(sim, { mode: 'download', download_to: dir, ...inputs }).then(keep)

const storageGets = (name: string): number =>
  sim.requests.filter((r) => r.route === 'storage' && r.path.endsWith(`/${name}`)).length

interface Downloaded {
  name: string
  path: string
  bytes: number
  sha256: string
}
const downloaded = (run: DrillRun): Downloaded[] => JSON.parse(run.outputs.downloaded_files ?? '')
const sha256 = (path: string): string =>
  createHash('sha256').update(readFileSync(path)).digest('hex')

function expectOneError(run: DrillRun, ...parts: string[]): void {
  expect(run.errors).toHaveLength(1)
  for (const part of parts) expect(run.errors[0]).toContain(part)
}

describe('a download drill', () => {
  it('downloads every file, verifies it, and leaves outputs, a summary and a result', async () => {
    const restores = sim.count('createRestore')
    const run = await download()
    expect(run.code).toBe(0)
    expect(run.outputs).toMatchObject({
      outcome: 'succeeded',
      status: 'downloaded',
      restore_id: '',
      backup_id: SEED.backups.latest,
      file_count: '3',
      download_dir: dir,
    })
    expect(JSON.parse(run.outputs.file_ids ?? '')).toEqual([
      SEED.files.latestDb,
      SEED.files.latestSite,
      SEED.files.latestRun,
    ])
    const files = downloaded(run)
    expect(files.map((file) => file.name)).toEqual(['db.sql.gz', 'site.tar.gz', 'run.sh'])
    expect(readdirSync(dir).sort()).toEqual(['db.sql.gz', 'run.sh', 'site.tar.gz'])
    const sizes = (run.resultFile as { files: { size: string }[] }).files.map((f) => f.size)
    files.forEach((file, i) => {
      expect(file.path).toBe(join(dir, file.name))
      expect(sha256(file.path)).toBe(file.sha256)
      expect(`${file.bytes} bytes`).toBe(sizes[i])
    })
    expect(gunzipSync(readFileSync(join(dir, 'db.sql.gz'))).toString()).toContain('INSERT INTO')
    expect(run.resultFile).toMatchObject({
      mode: 'download',
      status: 'downloaded',
      restore: { id: null },
      download: { dir, status: 'downloaded', files },
    })
    expect(run.summary).toContain('## ✅ Download drill succeeded')
    expect(run.summary).toContain(files[0]?.sha256)
    expect(sim.count('createRestore')).toBe(restores)
    const storage = sim.requests.filter((r) => r.route === 'storage').slice(-3)
    expect(storage.map((r) => r.headers.authorization)).toEqual([undefined, undefined, undefined])
  })

  it('puts the files in a folder named after the backup under RUNNER_TEMP by default', async () => {
    const run = keep(await drill(sim, { mode: 'download', files: 'run.sh' }))
    expect(run.outputs.outcome).toBe('succeeded')
    expect(run.outputs.download_dir).toBe(join(run.workDir, `snapshooter-${SEED.backups.latest}`))
  })

  it('downloads only the files a glob selects', async () => {
    const run = await download({ files: '*.sql.gz' })
    expect(run.outputs).toMatchObject({ outcome: 'succeeded', file_count: '1' })
    expect(JSON.parse(run.outputs.file_ids ?? '')).toEqual([SEED.files.latestDb])
    expect(readdirSync(dir)).toEqual(['db.sql.gz'])
  })

  it('retries a connection dropped mid-file and starts the file again', async () => {
    const before = storageGets('db.sql.gz')
    sim.inject({ route: 'storage', kind: 'truncate', match: 'db.sql.gz', times: 2 })
    const run = await download({ files: 'db.sql.gz' })
    expect(run.outputs.outcome).toBe('succeeded')
    expect(storageGets('db.sql.gz') - before).toBe(3)
    expect(run.stdout).toMatch(/db\.sql\.gz: attempt 1 failed \(the connection broke off/)
    const [file] = downloaded(run)
    expect(sha256(join(dir, 'db.sql.gz'))).toBe(file?.sha256)
    expect(gunzipSync(readFileSync(join(dir, 'db.sql.gz'))).length).toBeGreaterThan(1000)
  })

  it('sends nothing on a dry run, and names the folder', async () => {
    const before = [sim.count('download'), sim.count('storage')]
    const run = await download({ dry_run: 'true' })
    expect(run.outputs).toMatchObject({ outcome: 'dry_run', download_dir: dir, status: '' })
    expect([sim.count('download'), sim.count('storage')]).toEqual(before)
    expect(existsSync(dir)).toBe(false)
    expect(run.summary).toContain('nothing was downloaded')
  })
})

describe('a download drill fails, names the file and leaves no damaged file', () => {
  it('when a gzip file does not gunzip', async () => {
    const before = storageGets('db.sql.gz')
    sim.inject({ route: 'storage', kind: 'corrupt', match: 'db.sql.gz' })
    const run = await download({ files: '*.gz' })
    expect(run.code).toBe(1)
    expect(run.outputs).toMatchObject({ outcome: 'failed', status: 'failed' })
    expectOneError(run, 'db.sql.gz', 'failed verification', 'does not gunzip')
    // Damaged content is not a network hiccup: asking again would only fetch the same bytes.
    expect(storageGets('db.sql.gz') - before).toBe(1)
    expect(readdirSync(dir).filter((name) => name.includes('db.sql.gz'))).toEqual([])
    expect(run.summary).toContain('## ❌ Download drill failed')
  })

  it('when a gzip file arrives cut short, though the answer looked complete', async () => {
    sim.inject({ route: 'storage', kind: 'shortBody', match: 'db.sql.gz' })
    const run = await download({ files: 'db.sql.gz' })
    expect(run.outputs.outcome).toBe('failed')
    expectOneError(run, 'db.sql.gz', 'bytes arrived, but SnapShooter lists its size as')
    expect(run.errors[0]).toContain('does not gunzip (unexpected end of file)')
    expect(readdirSync(dir)).toEqual([])
  })

  it('when the size differs from the size SnapShooter lists', async () => {
    const run = await download({ backup_id: SEED.backups.wrongSize, job_id: '' })
    expect(run.outputs).toMatchObject({ outcome: 'failed', downloaded_files: '[]' })
    expectOneError(run, 'db.sql.gz', 'bytes arrived, but SnapShooter lists its size as')
    expect(run.errors[0]).not.toContain('gunzip')
    expect(readdirSync(dir)).toEqual([])
  })

  it('when a file name would land outside the folder, writing nothing at all', async () => {
    const before = sim.count('storage')
    const run = await download({ backup_id: SEED.backups.traversal, job_id: '' })
    expect(run.code).toBe(1)
    expectOneError(run, SEED.backups.traversal, '"../../evil.sh"', 'outside `download_to`')
    expect(sim.count('storage')).toBe(before)
    expect(existsSync(join(dir, '..', '..', 'evil.sh'))).toBe(false)
    expect(existsSync(dir)).toBe(false)
  })

  it('when an input only a restore uses is given', async () => {
    const before = sim.count('download')
    const run = await download({ compute_type: 'server', server_id: '3', wait: 'false' })
    expectOneError(run, '`compute_type` does not apply', '`server_id`', '`wait`')
    expect(sim.count('download')).toBe(before)
  })
})

describe('a cancelled download', () => {
  it('stops within 2 s, leaves no partial file, and says what was kept', async () => {
    const run = keep(
      await drill(
        sim,
        { mode: 'download', download_to: dir, backup_id: SEED.backups.big, job_id: '' },
        { signals: [{ name: 'SIGINT', when: 'Downloading 1 file(s)' }] },
      ),
    )
    expect(run.code).toBe(1)
    expect(run.outputs).toMatchObject({ outcome: 'cancelled', status: 'failed' })
    expect(run.exitAfterSignalMs).toBeLessThan(2000)
    expectOneError(run, 'cancelled while downloading', '0 file(s) verified', 'no partial file')
    expect(readdirSync(dir)).toEqual([])
  })
})

describe('every download run', () => {
  it('never leaks the token, an encryption key, a signed URL or its signature', () => {
    expect(runs.length).toBeGreaterThanOrEqual(10)
    const signatures = signaturesFetched(sim)
    expect(signatures.length).toBeGreaterThan(5)
    for (const run of runs)
      expect({ outcome: run.outputs.outcome, leaks: leaks(run, undefined, signatures) }).toEqual({
        outcome: run.outputs.outcome,
        leaks: [],
      })
  })
})
