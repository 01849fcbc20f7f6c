import { describe, expect, it } from '@jest/globals'
import { gzipSync } from 'node:zlib'
import {
  contentCheckerFor,
  looksEncrypted,
  looksLikeName,
  skippedAsEncrypted,
} from '../src/download/content/index.js'
import { Guarded } from '../src/download/content/guard.js'
import { count, formatBytes, quoteEnd } from '../src/download/content/text.js'
import { siteTar, siteZip } from '../simulator/content-checks.js'
import { ciphertext } from '../simulator/content-checks.js'
import { mysqlDump } from '../simulator/dumps.js'

const plain = { encrypted: false }

describe('contentCheckerFor', () => {
  it('picks the check by what the name says, in any case', () => {
    const names = ['db.sql', 'DB.SQL.GZ', 'site.tar', 'site.tar.gz', 'site.tgz', 'site.ZIP']
    expect(names.map((name) => contentCheckerFor(name, plain)?.name)).toEqual([
      'sql',
      'sql',
      'tar',
      'tar',
      'tar',
      'zip',
    ])
  })

  it('has none for a type it does not know: those are verified for integrity only', () => {
    const names = ['run.sh', 'notes.txt', 'db.sql.bz2', 'site.tar.zst', 'site.gz', 'sql']
    expect(names.map((name) => contentCheckerFor(name, plain))).toEqual(names.map(() => null))
  })
})

describe('looksLikeName', () => {
  const gz = gzipSync(mysqlDump())
  const noise = ciphertext('x', 600)

  it.each([
    ['db.sql.gz', gz, true],
    ['site.tgz', gz, true],
    ['db.sql.gz', noise, false],
    ['db.sql', mysqlDump(), true],
    ['db.sql', noise, false],
    ['site.tar', siteTar(), true],
    ['site.tar', noise, false],
    ['site.zip', siteZip(), true],
    ['site.zip', noise, false],
    ['run.sh', noise, true],
  ] as const)('%s, from its first bytes: %#', (name, bytes, expected) => {
    expect(looksLikeName(name, bytes.subarray(0, 512))).toBe(expected)
  })
})

describe('skipped as encrypted', () => {
  it('is told apart from other skipped checks, so that the run can warn about it', () => {
    expect(looksEncrypted(skippedAsEncrypted('sql'))).toBe(true)
    expect(looksEncrypted({ name: 'zip', passed: null, detail: 'not checked: split' })).toBe(false)
    expect(looksEncrypted({ name: 'sql', passed: false, detail: 'x' })).toBe(false)
  })
})

describe('a checker that throws', () => {
  it('leaves the file unchecked, neither passed nor failed, and says why', () => {
    const inner = {
      name: 'sql',
      write: () => {
        throw new RangeError('offset out of range')
      },
      end: () => [],
    }
    const checker = new Guarded('sql', plain, inner)
    checker.write(mysqlDump())
    checker.write(mysqlDump())
    expect(checker.end()).toEqual([
      { name: 'sql', passed: null, detail: 'not checked: the check failed (offset out of range)' },
    ])
  })
})

describe('details', () => {
  it('formats sizes as people read them', () => {
    expect([0, 1, 999, 1000, 3_400_000, 9_663_676_416, 2e15].map(formatBytes)).toEqual([
      '0 bytes',
      '1 byte',
      '999 bytes',
      '1.0 kB',
      '3.4 MB',
      '9.7 GB',
      '2000.0 TB',
    ])
    expect([count(1, 'entry', 'entries'), count(2, 'entry', 'entries')]).toEqual([
      '1 entry',
      '2 entries',
    ])
  })

  it('quotes the end of a line, never half of a character', () => {
    expect(quoteEnd('short')).toBe('«short»')
    expect(quoteEnd(`${'a'.repeat(100)}😀end`, 6)).toBe('«…😀end»')
    expect(quoteEnd(`${'a'.repeat(100)}😀end`, 5)).toBe('«…end»')
  })
})
