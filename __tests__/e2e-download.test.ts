// Download mode through dist/index.js against the simulator: good files, damaged files, a
// broken connection, a hostile file name, and no secret in any evidence.
import { beforeAll, describe, expect, it, jest } from '@jest/globals'
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { downloaded, sha256, useDownloadDirs } from './helpers/download.js'
import {
  SEED,
  drill,
  expectEveryRunRules,
  expectOneError,
  leaks,
  signaturesFetched,
  useDrillLab,
  type DrillRun,
} from './helpers/drill.js'

jest.setTimeout(30_000)

const lab = useDrillLab()
// Deep, so that a name climbing two levels up would still land inside the scratch folder.
const dirs = useDownloadDirs('snapshooter-download-', 'nested/out')

/** Every run also keeps the rules of every run, with no signature of a link it fetched shown. */
const keep = (run: DrillRun): DrillRun => (
  expectEveryRunRules(run, signaturesFetched(lab.sim)),
  run
)

const download = (inputs: Record<string, string> = {}): Promise<DrillRun> =>
  drill(lab.sim, { mode: 'download', download_to: dirs.dir, ...inputs }).then(keep)

const storageGets = (name: string): number =>
  lab.sim.requests.filter((r) => r.route === 'storage' && r.path.endsWith(`/${name}`)).length

describe('a download drill', () => {
  it('downloads every file, verifies it, and leaves outputs, a summary and a result', async () => {
    const restores = lab.sim.count('createRestore')
    const run = await download()
    expect(run.code).toBe(0)
    expect(run.outputs).toMatchObject({
      outcome: 'succeeded',
      status: 'downloaded',
      restore_id: '',
      backup_id: SEED.backups.latest,
      file_count: '3',
      download_dir: dirs.dir,
    })
    expect(JSON.parse(run.outputs.file_ids ?? '')).toEqual([
      SEED.files.latestDb,
      SEED.files.latestSite,
      SEED.files.latestRun,
    ])
    const files = downloaded(run)
    expect(files.map((file) => file.name)).toEqual(['db.sql.gz', 'site.tar.gz', 'run.sh'])
    expect(readdirSync(dirs.dir).sort()).toEqual(['db.sql.gz', 'run.sh', 'site.tar.gz'])
    const sizes = (run.resultFile as { files: { size: string }[] }).files.map((f) => f.size)
    files.forEach((file, i) => {
      expect(file.path).toBe(join(dirs.dir, file.name))
      expect(sha256(file.path)).toBe(file.sha256)
      expect(`${file.bytes} bytes`).toBe(sizes[i])
    })
    expect(gunzipSync(readFileSync(join(dirs.dir, 'db.sql.gz'))).toString()).toContain(
      'INSERT INTO',
    )
    expect(run.resultFile).toMatchObject({
      mode: 'download',
      status: 'downloaded',
      restore: { id: null },
      download: { dir: dirs.dir, status: 'downloaded', files },
    })
    expect(run.summary).toContain('## ✅ Download drill succeeded')
    expect(run.summary).toContain(files[0]?.sha256)
    expect(lab.sim.count('createRestore')).toBe(restores)
    const storage = lab.sim.requests.filter((r) => r.route === 'storage').slice(-3)
    expect(storage.map((r) => r.headers.authorization)).toEqual([undefined, undefined, undefined])
  })

  it('puts the files in a folder named after the backup under RUNNER_TEMP by default', async () => {
    const run = keep(await drill(lab.sim, { mode: 'download', files: 'run.sh' }))
    expect(run.outputs.outcome).toBe('succeeded')
    expect(run.outputs.download_dir).toBe(join(run.workDir, `snapshooter-${SEED.backups.latest}`))
  })

  it('downloads only the files a glob selects', async () => {
    const run = await download({ files: '*.sql.gz' })
    expect(run.outputs).toMatchObject({ outcome: 'succeeded', file_count: '1' })
    expect(JSON.parse(run.outputs.file_ids ?? '')).toEqual([SEED.files.latestDb])
    expect(readdirSync(dirs.dir)).toEqual(['db.sql.gz'])
  })

  it('retries a connection dropped mid-file and starts the file again', async () => {
    const before = storageGets('db.sql.gz')
    lab.sim.inject({ route: 'storage', kind: 'truncate', match: 'db.sql.gz', times: 2 })
    const run = await download({ files: 'db.sql.gz' })
    expect(run.outputs.outcome).toBe('succeeded')
    expect(storageGets('db.sql.gz') - before).toBe(3)
    expect(run.stdout).toMatch(/db\.sql\.gz: attempt 1 failed \(the connection broke off/)
    const [file] = downloaded(run)
    expect(sha256(join(dirs.dir, 'db.sql.gz'))).toBe(file?.sha256)
    expect(gunzipSync(readFileSync(join(dirs.dir, 'db.sql.gz'))).length).toBeGreaterThan(1000)
  })

  it('sends nothing on a dry run, and names the folder', async () => {
    const before = [lab.sim.count('download'), lab.sim.count('storage')]
    const run = await download({ dry_run: 'true' })
    expect(run.outputs).toMatchObject({ outcome: 'dry_run', download_dir: dirs.dir, status: '' })
    expect([lab.sim.count('download'), lab.sim.count('storage')]).toEqual(before)
    expect(existsSync(dirs.dir)).toBe(false)
    expect(run.summary).toContain('nothing was downloaded')
  })
})

describe('a download drill fails, names the file and leaves no damaged file', () => {
  it('when a gzip file does not gunzip', async () => {
    const before = storageGets('db.sql.gz')
    lab.sim.inject({ route: 'storage', kind: 'corrupt', match: 'db.sql.gz' })
    const run = await download({ files: '*.gz' })
    expect(run.code).toBe(1)
    expect(run.outputs).toMatchObject({ outcome: 'failed', status: 'failed' })
    expectOneError(run, 'db.sql.gz', 'failed verification', 'does not gunzip')
    // Damaged content is not a network hiccup: asking again would only fetch the same bytes.
    expect(storageGets('db.sql.gz') - before).toBe(1)
    expect(readdirSync(dirs.dir).filter((name) => name.includes('db.sql.gz'))).toEqual([])
    expect(run.summary).toContain('## ❌ Download drill failed')
  })

  it('when a gzip file arrives cut short, though the answer looked complete', async () => {
    lab.sim.inject({ route: 'storage', kind: 'shortBody', match: 'db.sql.gz' })
    const run = await download({ files: 'db.sql.gz' })
    expect(run.outputs.outcome).toBe('failed')
    expectOneError(run, 'db.sql.gz', 'bytes arrived, but SnapShooter lists its size as')
    expect(run.errors[0]).toContain('does not gunzip (unexpected end of file)')
    expect(readdirSync(dirs.dir)).toEqual([])
  })

  it('when the size differs from the size SnapShooter lists', async () => {
    const run = await download({ backup_id: SEED.backups.wrongSize, job_id: '' })
    expect(run.outputs).toMatchObject({ outcome: 'failed', downloaded_files: '[]' })
    expectOneError(run, 'db.sql.gz', 'bytes arrived, but SnapShooter lists its size as')
    expect(run.errors[0]).not.toContain('gunzip')
    expect(readdirSync(dirs.dir)).toEqual([])
  })

  it('when a file name would land outside the folder, writing nothing at all', async () => {
    const before = lab.sim.count('storage')
    const run = await download({ backup_id: SEED.backups.traversal, job_id: '' })
    expect(run.code).toBe(1)
    expectOneError(run, SEED.backups.traversal, '"../../evil.sh"', 'outside `download_to`')
    expect(lab.sim.count('storage')).toBe(before)
    expect(existsSync(join(dirs.dir, '..', '..', 'evil.sh'))).toBe(false)
    expect(existsSync(dirs.dir)).toBe(false)
  })

  it('when an input only a restore uses is given', async () => {
    const before = lab.sim.count('download')
    const run = await download({ compute_type: 'server', server_id: '3', wait: 'false' })
    expectOneError(run, '`compute_type` does not apply', '`server_id`', '`wait`')
    expect(lab.sim.count('download')).toBe(before)
  })
})

describe('a cancelled download', () => {
  it('stops within 2 s, leaves no partial file, and says what was kept', async () => {
    const run = keep(
      await drill(
        lab.sim,
        { mode: 'download', download_to: dirs.dir, backup_id: SEED.backups.big, job_id: '' },
        { signals: [{ name: 'SIGINT', when: 'Downloading 1 file(s)' }] },
      ),
    )
    expect(run.code).toBe(1)
    expect(run.outputs).toMatchObject({ outcome: 'cancelled', status: 'failed' })
    expect(run.exitAfterSignalMs).toBeLessThan(2000)
    expectOneError(run, 'cancelled while downloading', '0 file(s) verified', 'no partial file')
    expect(readdirSync(dirs.dir)).toEqual([])
  })
})

describe('every download run', () => {
  // Runs of its own, so that this test stands alone; each test above checks its own run too.
  const runs: DrillRun[] = []
  let signatures: string[] = []
  beforeAll(async () => {
    const { sim } = lab
    sim.reset()
    const to = (name: string): { mode: string; download_to: string } => ({
      mode: 'download',
      download_to: join(dirs.scratch, 'every', name),
    })
    runs.push(await drill(sim, to('all')))
    sim.inject({ route: 'storage', kind: 'truncate', match: 'db.sql.gz' })
    runs.push(await drill(sim, { ...to('retried'), files: 'db.sql.gz' }))
    sim.inject({ route: 'storage', kind: 'corrupt', match: 'db.sql.gz' })
    runs.push(await drill(sim, { ...to('damaged'), files: '*.gz' }))
    runs.push(await drill(sim, { ...to('dry'), dry_run: 'true' }))
    runs.push(
      await drill(
        sim,
        { ...to('cancelled'), backup_id: SEED.backups.big, job_id: '' },
        { signals: [{ name: 'SIGINT', when: 'Downloading 1 file(s)' }] },
      ),
    )
    signatures = signaturesFetched(sim)
  })

  it('never leaks the token, an encryption key, a signed URL or its signature', () => {
    expect(runs.map((run) => run.outputs.outcome)).toEqual([
      'succeeded',
      'succeeded',
      'failed',
      'dry_run',
      'cancelled',
    ])
    expect(signatures.length).toBeGreaterThan(5)
    for (const run of runs)
      expect({ outcome: run.outputs.outcome, leaks: leaks(run, undefined, signatures) }).toEqual({
        outcome: run.outputs.outcome,
        leaks: [],
      })
  })
})
