import { describe, expect, it } from '@jest/globals'
import { Readable, Writable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { buildAccount } from '../simulator/account.js'
import { addContentChecks, CONTENT_SEED } from '../simulator/content-checks.js'
import { contentCheckerFor } from '../src/download/content/index.js'
import { isGzip, tap } from '../src/download/verify.js'

const account = buildAccount(Date.parse('2026-12-01T10:00:00Z'))
addContentChecks(account, Date.parse('2026-12-01T10:00:00Z'))

/** Each file of a seeded backup as the download's tap sees it: its gzip error and its checks. */
async function outcomes(backupId: string) {
  const backup = account.backups.get(backupId)
  if (backup === undefined) throw new Error(`no backup ${backupId}`)
  const encrypted = backup.encryptionKey !== ''
  const out: Record<string, unknown> = {}
  for (const file of backup.files) {
    const base = file.name.split('/').pop() as string
    const probe = tap(isGzip(base), { checker: contentCheckerFor(base, { encrypted }), encrypted })
    const sink = new Writable({ write: (_chunk, _encoding, done) => done() })
    await pipeline(Readable.from([file.bytes]), probe.stream, sink)
    const { gzipError, checks } = await probe.digest()
    out[base] = { gzipError, checks: checks?.map((c) => [c.name, c.passed]) }
  }
  return out
}

describe('the content-checks job of the simulator', () => {
  const { backups } = CONTENT_SEED

  it('is a job of its own, whose backups carry no key but the encrypted one', () => {
    expect(account.jobs.get(CONTENT_SEED.job)?.name).toBe('content-checks')
    const keyed = Object.values(backups).filter((id) => account.backups.get(id)?.encryptionKey)
    expect(keyed).toEqual([backups.encrypted])
  })

  it('holds a backup whose every file passes', async () => {
    expect(await outcomes(backups.complete)).toEqual({
      'mysql.sql.gz': { gzipError: null, checks: [['sql', true]] },
      'postgres.sql.gz': { gzipError: null, checks: [['sql', true]] },
      'site.tar.gz': { gzipError: null, checks: [['tar', true]] },
      'site.tgz': { gzipError: null, checks: [['tar', true]] },
      'site.zip': { gzipError: null, checks: [['zip', true]] },
      'notes.txt': { gzipError: null, checks: [] },
    })
  })

  it.each([
    ['mysqlTruncated', 'mysql.sql.gz', 'sql'],
    ['pgTruncated', 'postgres.sql.gz', 'sql'],
    ['tarBroken', 'site.tar.gz', 'tar'],
    ['zipBroken', 'site.zip', 'zip'],
  ] as const)('holds %s, whose gzip is whole and whose content fails', async (key, name, check) => {
    expect(await outcomes(backups[key])).toEqual({
      [name]: { gzipError: null, checks: [[check, false]] },
    })
  })

  it('holds ciphertext that looks encrypted with a key, and is corrupt without one', async () => {
    expect(await outcomes(backups.encrypted)).toEqual({
      'db.sql.gz': { gzipError: null, checks: [['sql', null]] },
      'site.tar.gz': { gzipError: null, checks: [['tar', null]] },
    })
    expect(await outcomes(backups.garbage)).toEqual({
      'db.sql.gz': { gzipError: 'incorrect header check', checks: [['sql', false]] },
    })
  })
})
