// Download mode through dist/index.js on a hostile file system: names that collide with a
// temporary name, a name too long for the file system, a folder in the way, a write the
// runner's limits refuse, and a run that fails before the first byte.
import { describe, expect, it, jest } from '@jest/globals'
import { existsSync, mkdirSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { LONG_NAME } from '../simulator/quirks.js'
import { downloaded, sha256, useDownloadDirs } from './helpers/download.js'
import { SEED, drill, useDrillLab } from './helpers/drill.js'

jest.setTimeout(30_000)

const lab = useDrillLab()
const dirs = useDownloadDirs('snapshooter-disk-')

const download = (inputs: Record<string, string>, fileSizeLimit?: number) =>
  drill(
    lab.sim,
    { mode: 'download', download_to: dirs.dir, job_id: '', ...inputs },
    { fileSizeLimit },
  )

describe('download mode on a hostile file system', () => {
  it('keeps files apart whose names look like each other’s temporary names', async () => {
    const run = await download({ backup_id: SEED.backups.colliding })
    expect(run.errors).toEqual([])
    expect(run.outputs).toMatchObject({ outcome: 'succeeded', status: 'downloaded' })
    const files = downloaded(run)
    expect(files.map(({ name, bytes }) => [name, bytes])).toEqual([
      ['db.sql', 300_000],
      ['.db.sql.partial', 1_000],
    ])
    // What is reported is what is at the reported path.
    for (const file of files) {
      expect(existsSync(file.path)).toBe(true)
      expect([file.name, sha256(file.path)]).toEqual([file.name, file.sha256])
    }
    expect(readdirSync(dirs.dir).sort()).toEqual(['.db.sql.partial', 'db.sql'])
  })

  it('says a file name is too long for the file system, naming the file', async () => {
    const before = lab.sim.count('storage')
    const run = await download({ backup_id: SEED.backups.longName })
    expect(run.outputs).toMatchObject({ outcome: 'failed', status: 'failed' })
    expect(run.errors).toHaveLength(1)
    const [error] = run.errors
    expect(error).toContain(LONG_NAME.slice(0, 40))
    expect(error).toContain(SEED.files.longNameSql)
    expect(error).toContain('too long for the file system')
    expect(error).not.toContain('free some space')
    expect(error).not.toContain(LONG_NAME)
    expect(lab.sim.count('storage')).toBe(before)
  })

  it('explains a folder standing where a file is to go, in one line', async () => {
    mkdirSync(join(dirs.dir, 'run.sh'), { recursive: true })
    const before = lab.sim.count('storage')
    const run = await download({ backup_id: SEED.backups.latest, files: 'run.sh' })
    expect(run.outputs).toMatchObject({ outcome: 'failed', status: 'failed' })
    expect(run.errors).toEqual([
      expect.stringMatching(
        /^run\.sh \(file [0-9a-f-]+\) could not be written to .*: run\.sh is a folder: remove it, or choose another `download_to`\.$/,
      ),
    ])
    expect(lab.sim.count('storage')).toBe(before)
    expect(readdirSync(join(dirs.dir, 'run.sh'))).toEqual([])
  })

  it('fails without retrying when the runner refuses the write, naming the file', async () => {
    const before = lab.sim.count('storage')
    // A few hundred KiB as the largest file the process may write; the big file is 1 GiB.
    const run = await download({ backup_id: SEED.backups.big }, 512)
    expect(run.outputs).toMatchObject({ outcome: 'failed', status: 'failed' })
    expect(run.errors).toEqual([
      expect.stringMatching(/^big\.bin \(file [0-9a-f-]+\) could not be written to .*\(EFBIG\)/),
    ])
    expect(run.errors[0]).toContain('file size limit')
    expect(run.errors[0]).toContain(
      'raise that limit (`ulimit -f`), or leave the file out with `files`.',
    )
    expect(lab.sim.count('storage') - before).toBe(1)
    expect(readdirSync(dirs.dir)).toEqual([])
  })

  it('reports status `failed` when the backup is not found, before any download', async () => {
    const run = await download({ backup_id: SEED.unknownId })
    expect(run.outputs).toMatchObject({ outcome: 'failed', status: 'failed' })
    expect(run.resultFile).toMatchObject({ mode: 'download', status: 'failed' })
    expect(run.errors).toHaveLength(1)
  })
})
