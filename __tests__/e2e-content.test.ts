// Download mode's content checks through dist/index.js, on the simulator's content-checks job:
// every kind of file whole and damaged, ciphertext with and without an encryption key, and
// `verify: integrity`, which reads no content.
import { describe, expect, it, jest } from '@jest/globals'
import { readdirSync } from 'node:fs'
import { CONTENT_SEED } from '../simulator/content-checks.js'
import { useDownloadDirs } from './helpers/download.js'
import {
  drill,
  expectEveryRunRules,
  expectOneError,
  signaturesFetched,
  useDrillLab,
  type DrillRun,
} from './helpers/drill.js'

jest.setTimeout(30_000)

const lab = useDrillLab()
const dirs = useDownloadDirs('snapshooter-content-')
const { backups } = CONTENT_SEED

interface Listed {
  name: string
  checks?: { name: string; passed: boolean | null; detail: string }[]
}

async function download(backupId: string, inputs: Record<string, string> = {}): Promise<DrillRun> {
  const run = await drill(lab.sim, {
    mode: 'download',
    download_to: dirs.dir,
    backup_id: backupId,
    job_id: '',
    ...inputs,
  })
  expectEveryRunRules(run, signaturesFetched(lab.sim))
  return run
}

/** Each file's checks as [name, passed] pairs, from the output, checked against the result. */
function checksOf(run: DrillRun): Record<string, [string, boolean | null][] | undefined> {
  const listed = JSON.parse(run.outputs.downloaded_files ?? '') as Listed[]
  const inResult = (run.resultFile as { download: { files: Listed[] } }).download.files
  expect(inResult).toEqual(listed)
  return Object.fromEntries(
    listed.map((file) => [file.name, file.checks?.map((c) => [c.name, c.passed])]),
  )
}

describe('verify: content', () => {
  it('passes every whole file, lists its checks, and says which were integrity only', async () => {
    const run = await download(backups.complete)
    expect(run.outputs.outcome).toBe('succeeded')
    expect(checksOf(run)).toEqual({
      'mysql.sql.gz': [['sql', true]],
      'postgres.sql.gz': [['sql', true]],
      'site.tar.gz': [['tar', true]],
      'site.tgz': [['tar', true]],
      'site.zip': [['zip', true]],
      'notes.txt': [],
    })
    expect(run.summary).toContain('| checks |')
    expect(run.summary).toMatch(/✅ sql: mysqldump complete, \d+ CREATE TABLE/)
    expect(run.summary).toMatch(/✅ sql: pg&#95;dump complete|✅ sql: pg_dump complete/)
    expect(run.summary).toContain('✅ tar: tar complete')
    expect(run.summary).toContain('✅ zip: zip complete')
    expect(run.summary).toContain('integrity only: no content check for its type')
    expect(run.stdout).toMatch(/mysql\.sql\.gz: .* verified; sql: mysqldump complete/)
    expect(run.warnings).toEqual([])
  })

  it.each([
    ['mysqlTruncated', 'mysql.sql.gz', 'the dump is incomplete', 'its last line'],
    ['pgTruncated', 'postgres.sql.gz', 'the dump is incomplete', '\\unrestrict'],
    ['tarBroken', 'site.tar.gz', 'failed verification', 'tar'],
    ['zipBroken', 'site.zip', 'failed verification', 'the archive is incomplete'],
  ] as const)(
    'fails %s on one line naming the file, and leaves it out of the folder',
    async (key, name, ...parts) => {
      const run = await download(backups[key])
      expect(run.code).toBe(1)
      expect(run.outputs).toMatchObject({ outcome: 'failed', downloaded_files: '[]' })
      expectOneError(run, name, ...parts)
      expect(run.errors[0]).not.toContain('\n')
      expect(readdirSync(dirs.dir)).toEqual([])
    },
  )

  it('quotes, neutralised and cut, the last line of a dump that stops short', async () => {
    const run = await download(backups.mysqlTruncated)
    expect(run.errors[0]).toMatch(/its last line (stops short: |is )«[^»\n]{1,81}»/)
  })

  it('skips ciphertext on a backup with an encryption key, named as skipped, with a warning', async () => {
    const run = await download(backups.encrypted)
    expect(run.outputs.outcome).toBe('succeeded')
    expect(checksOf(run)).toEqual({ 'db.sql.gz': [['sql', null]], 'site.tar.gz': [['tar', null]] })
    expect(run.warnings).toHaveLength(1)
    expect(run.warnings[0]).toContain('db.sql.gz, site.tar.gz')
    expect(run.warnings[0]).toContain('carries an encryption key')
    expect(run.summary).toContain('⏭️ sql: looks encrypted: content checks skipped')
    expect(run.evidence).not.toMatch(/corrupt|damaged/)
    expect(readdirSync(dirs.dir).sort()).toEqual(['db.sql.gz', 'site.tar.gz'])
  })

  it('fails the same ciphertext on a backup without a key', async () => {
    const run = await download(backups.garbage)
    expect(run.outputs.outcome).toBe('failed')
    expectOneError(run, 'db.sql.gz', 'failed verification', 'does not gunzip')
    expect(run.warnings).toEqual([])
    expect(readdirSync(dirs.dir)).toEqual([])
  })
})

describe('verify: integrity', () => {
  it('reads no content: a truncated dump that gunzips passes, its files list no checks', async () => {
    const run = await download(backups.mysqlTruncated, { verify: 'integrity' })
    expect(run.outputs.outcome).toBe('succeeded')
    expect(checksOf(run)).toEqual({ 'mysql.sql.gz': undefined })
    expect(run.summary).toContain('integrity only (`verify: integrity`)')
  })

  it('is refused outside download mode, before any request', async () => {
    const before = lab.sim.requests.length
    const run = await drill(lab.sim, { verify: 'integrity' })
    expectOneError(run, '`verify` applies only with `mode: download`')
    expect(lab.sim.requests.length).toBe(before)
  })
})
