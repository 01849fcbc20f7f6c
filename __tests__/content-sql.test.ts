import { describe, expect, it } from '@jest/globals'
import { contentCheckerFor, LOOKS_ENCRYPTED } from '../src/download/content/index.js'
import { mysqlDump, pgDump, pgDumpAll, restrictKey } from '../simulator/dumps.js'
import { chunks, everyChunking, seeded, verdicts } from './fixtures/content.js'

const plain = { encrypted: false }
const sql = (bytes: Buffer, options = plain) =>
  verdicts(() => contentCheckerFor('db.sql', options), [bytes])
const one = (bytes: Buffer, options = plain) => sql(bytes, options)[0]

const DUMPS: [string, Buffer][] = [
  ['mysqldump', mysqlDump()],
  ['mysqldump --skip-dump-date', mysqlDump({ skipDumpDate: true })],
  ['MariaDB mysqldump', mysqlDump({ mariadb: true })],
  ['pg_dump 17.6 (\\unrestrict)', pgDump()],
  ['pg_dump before 17.6', pgDump({ restrictKey: null })],
  ['pg_dumpall', pgDumpAll(['template1', 'postgres', 'shop'])],
]

describe('SQL dumps that are complete', () => {
  it.each(DUMPS)('%s passes, with the tool and its tables named', (_, dump) => {
    expect(sql(dump)).toEqual([{ name: 'sql', passed: true, detail: expect.any(String) }])
  })

  it('says which tool completed the dump and how many tables it creates', () => {
    expect(one(mysqlDump({ tables: ['a', 'b', 'c'] }))?.detail).toBe(
      'mysqldump complete, 3 CREATE TABLE',
    )
    expect(one(pgDump({ tables: ['a'] }))?.detail).toBe('pg_dump complete, 1 CREATE TABLE')
    expect(one(pgDumpAll(['template1', 'postgres'], { tables: ['a', 'b'] }))?.detail).toBe(
      'pg_dumpall complete, 4 CREATE TABLE',
    )
  })

  it('allows blank lines after the completion line, many of them and with CRLF', () => {
    const dump = mysqlDump()
    expect(one(Buffer.concat([dump, Buffer.alloc(100_000, '\n')]))?.passed).toBe(true)
    const crlf = Buffer.from(pgDump().toString().replace(/\n/g, '\r\n'))
    expect(one(Buffer.concat([crlf, Buffer.from('\r\n  \t\r\n')]))?.passed).toBe(true)
  })

  it('counts a CREATE TABLE at the very start, and none inside data or mid-line', () => {
    const dump = Buffer.from(
      "CREATE TABLE a (x int);\nINSERT INTO a VALUES ('\\nCREATE TABLE b');\n-- CREATE TABLE c\n-- Dump completed\n",
    )
    expect(one(dump)?.detail).toBe('mysqldump complete, 1 CREATE TABLE')
  })
})

describe('SQL dumps that are cut short', () => {
  // Only trailing line breaks may be missing: any other byte gone, and the dump was cut.
  const cutsOf = (dump: Buffer) => {
    const cases: [number, boolean][] = []
    for (let keep = Math.max(0, dump.length - 2048); keep < dump.length; keep++) {
      const lost = dump.subarray(keep)
      const whole = /^\n+$/.test(lost.toString()) && dump[keep - 1] === 0x0a
      cases.push([keep, whole])
    }
    return cases
  }

  it.each(DUMPS)('%s: every cut in the last 2 KiB fails, but for lost blank lines', (_, dump) => {
    const got = cutsOf(dump).map(([keep]) => [keep, one(dump.subarray(0, keep))?.passed])
    expect(got).toEqual(cutsOf(dump).map(([keep, whole]) => [keep, whole]))
  })

  it('fails a dump that stops mid-line, quoting where it stopped', () => {
    const dump = mysqlDump({ rowsPerTable: 50 })
    const cut = dump.subarray(0, dump.indexOf("'),(30,") + 3)
    expect(one(cut)).toEqual({
      name: 'sql',
      passed: false,
      detail: expect.stringMatching(
        /^the dump is incomplete: no mysqldump or pg_dump completion line at its end, so it was cut short or written without comments \(`mysqldump --skip-comments`: choose `verify: integrity` for such dumps\); its last line stops short: «….*'2026-01-01 04:00:00'\),»$/,
      ),
    })
  })

  it('fails a dump written without comments, naming that cause and quoting its last line', () => {
    const check = one(mysqlDump({ skipComments: true }))
    expect(check?.passed).toBe(false)
    expect(check?.detail).toContain('`mysqldump --skip-comments`: choose `verify: integrity`')
    expect(check?.detail).toMatch(
      /its last line is «\/\*!40111 SET SQL_NOTES=@OLD_SQL_NOTES \*\/;»$/,
    )
  })

  it('fails a pg_dump cut just before its \\unrestrict line, which looks complete otherwise', () => {
    const dump = pgDump()
    expect(one(dump.subarray(0, dump.lastIndexOf('\\unrestrict')))).toEqual({
      name: 'sql',
      passed: false,
      detail:
        "the dump is incomplete: pg_dump's closing `\\unrestrict` line is missing, so its end was cut off",
    })
  })

  it('fails an \\unrestrict that names another key than the \\restrict', () => {
    const dump = pgDump()
      .toString()
      .replace(/\\unrestrict \w+/, `\\unrestrict ${restrictKey('x')}`)
    expect(one(Buffer.from(dump))?.detail).toBe(
      'the dump is incomplete: its last `\\unrestrict` does not name the key of its `\\restrict`',
    )
  })

  it('fails a blank dump and a dump of nothing', () => {
    expect(one(Buffer.from('\n\n  \n'))?.detail).toMatch(/; it is blank$/)
    expect(one(Buffer.alloc(0), { encrypted: true })).toEqual({
      name: 'sql',
      passed: false,
      detail: 'empty, so not an SQL dump',
    })
  })
})

describe('what a dump quotes of itself', () => {
  it('quotes its last line without control characters, workflow commands or links, cut to 80', () => {
    const line =
      '::error::forged\u0007 see https://bucket.s3.amazonaws.com/x?X-Amz-Signature=abc then ' +
      'x'.repeat(200) +
      ' ::set-output name=a::b'
    // Past the first bytes, which must look like text for the file to be read as a dump at all.
    const start = `-- MySQL dump\n${'SET x = 1;\n'.repeat(60)}`
    const detail = one(Buffer.from(`${start}${line}`))?.detail ?? ''
    const quote = /«(.*)»$/.exec(detail)?.[1] ?? ''
    expect(quote.length).toBeLessThanOrEqual(80)
    expect(quote).toMatch(/^….*: :set-output name=a: :b$/)
    expect(detail).not.toMatch(/::|X-Amz|\n/)
    expect(detail).not.toContain('\u0007')
    const short = one(Buffer.from(`${start}${line.slice(0, 70)}`))?.detail ?? ''
    expect(short).toMatch(/«: :error: :forged see \*\*\*»$/)
  })
})

describe('SQL checks in any chunking', () => {
  const cases: [string, Buffer][] = [
    ...DUMPS,
    ['a cut dump', mysqlDump().subarray(0, 700)],
    ['a pg_dump cut before \\unrestrict', pgDump().subarray(0, pgDump().lastIndexOf('\\unres'))],
  ]

  it.each(cases)('%s: 1-byte chunks and random chunkings give the same verdict', (_, dump) => {
    const expected = sql(dump)
    for (const parts of everyChunking(dump))
      expect(verdicts(() => contentCheckerFor('db.sql', plain), parts)).toEqual(expected)
  })

  it('counts CREATE TABLE split across chunks at every position', () => {
    const dump = mysqlDump({ tables: ['a', 'b'] })
    const at = dump.indexOf('\nCREATE TABLE `b`')
    for (let split = at - 2; split <= at + 16; split++) {
      const parts = [dump.subarray(0, split), dump.subarray(split)]
      expect(verdicts(() => contentCheckerFor('db.sql', plain), parts)[0]?.detail).toBe(
        'mysqldump complete, 2 CREATE TABLE',
      )
    }
  })

  it('reads a \\restrict key split across chunks', () => {
    const dump = pgDump()
    const at = dump.indexOf('\\restrict ')
    for (const size of [1, 3, 5]) {
      const parts = [dump.subarray(0, at + 20), ...chunks(dump.subarray(at + 20), size, seeded(9))]
      expect(verdicts(() => contentCheckerFor('db.sql', plain), parts)[0]?.passed).toBe(true)
    }
  })
})

describe('files that do not look like SQL', () => {
  const binary = Buffer.from(Array.from({ length: 600 }, (_, i) => (i * 7919) % 256))

  it('fails binary bytes named .sql in a backup without an encryption key', () => {
    expect(one(binary)).toEqual({
      name: 'sql',
      passed: false,
      detail: 'does not look like an SQL dump: it starts with binary data',
    })
  })

  it('skips them as encrypted when the backup carries a key', () => {
    expect(one(binary, { encrypted: true })).toEqual({
      name: 'sql',
      passed: null,
      detail: LOOKS_ENCRYPTED,
    })
  })

  it('still fails a text dump that is cut, whatever the backup carries', () => {
    expect(one(mysqlDump().subarray(0, 900), { encrypted: true })?.passed).toBe(false)
  })

  it("names pg_dump's custom format, which is no script, and checks nothing in it", () => {
    const custom = Buffer.concat([Buffer.from('PGDMP\u0001\u000e\u0000\u0004\u0008'), binary])
    expect(one(custom)).toEqual({
      name: 'sql',
      passed: null,
      detail: "pg_dump's custom format, not plain SQL: its content is not checked",
    })
  })
})
