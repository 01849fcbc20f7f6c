import { describe, expect, it } from '@jest/globals'
import { createHash } from 'node:crypto'
import { Readable, Writable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { gzipSync } from 'node:zlib'
import { contentCheckerFor, LOOKS_ENCRYPTED } from '../src/download/content/index.js'
import type { ContentChecker } from '../src/download/content/index.js'
import {
  GUNZIP_CHUNK,
  isGzip,
  tap,
  verificationProblems,
  type ContentVerification,
  type Digest,
} from '../src/download/verify.js'
import { ciphertext, siteTar } from '../simulator/content-checks.js'
import { mysqlDump } from '../simulator/dumps.js'
import { chunks } from './fixtures/content.js'
import { file } from './fixtures/values.js'

/** Streams `bytes` through a tap in chunks of `size`, as a socket would deliver them. */
async function measure(
  name: string,
  bytes: Buffer,
  content?: ContentVerification,
  size = 1000,
): Promise<Digest> {
  const probe = tap(isGzip(name), content)
  const passed = createHash('sha256')
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      passed.update(chunk)
      done()
    },
  })
  await pipeline(Readable.from(chunks(bytes, size)), probe.stream, sink)
  const digest = await probe.digest()
  // Every byte reaches the disk unchanged, whatever the checks made of it.
  expect(passed.digest('hex')).toBe(digest.sha256)
  return digest
}

const check = (name: string, encrypted: boolean): ContentVerification => ({
  checker: contentCheckerFor(name, { encrypted }),
  encrypted,
})

const dump = mysqlDump({ rowsPerTable: 400 })
const whole = gzipSync(dump)
// Cut, then gzipped again: gzip alone finds nothing wrong with it.
const cut = gzipSync(dump.subarray(0, dump.length - 100))
const noise = ciphertext('db', 4096)

describe('tap with content checks', () => {
  it('checks the gunzipped content of a .sql.gz as it passes', async () => {
    const digest = await measure('db.sql.gz', whole, check('db.sql.gz', false))
    expect(digest).toMatchObject({ gzipError: null, bytes: whole.length })
    expect(digest.checks).toEqual([
      { name: 'sql', passed: true, detail: 'mysqldump complete, 2 CREATE TABLE' },
    ])
    expect(verificationProblems(file('db.sql.gz', { sizeBytes: null }), digest)).toEqual([])
  })

  it('fails a dump cut short inside a gzip that is whole, with one reason', async () => {
    const digest = await measure('db.sql.gz', cut, check('db.sql.gz', false))
    expect(digest.gzipError).toBeNull()
    const [problem, ...more] = verificationProblems(file('db.sql.gz', { sizeBytes: null }), digest)
    expect(more).toEqual([])
    expect(problem).toMatch(/^the dump is incomplete: no mysqldump or pg_dump completion line/)
  })

  it('checks the bytes of a file that is not gzipped as they are', async () => {
    const digest = await measure('site.tar', siteTar(), check('site.tar', false))
    expect(digest.checks).toEqual([
      { name: 'tar', passed: true, detail: 'tar complete, 5 entries, 4.3 kB' },
    ])
  })

  it('skips ciphertext named .gz in an encrypted backup: not gunzipped, not failed', async () => {
    const digest = await measure('db.sql.gz', noise, check('db.sql.gz', true))
    expect(digest).toMatchObject({ gzipError: null, bytes: noise.length })
    expect(digest.checks).toEqual([{ name: 'sql', passed: null, detail: LOOKS_ENCRYPTED }])
    expect(verificationProblems(file('db.sql.gz', { sizeBytes: null }), digest)).toEqual([])
  })

  it('fails the same bytes in a backup without a key, on the gzip error alone', async () => {
    const digest = await measure('db.sql.gz', noise, check('db.sql.gz', false))
    expect(digest.gzipError).toBe('incorrect header check')
    expect(digest.checks).toEqual([
      { name: 'sql', passed: false, detail: 'not checked: it does not gunzip' },
    ])
    expect(verificationProblems(file('db.sql.gz', { sizeBytes: null }), digest)).toEqual([
      'it does not gunzip (incorrect header check)',
    ])
  })

  it('skips ciphertext with integrity checks only, naming the gzip check', async () => {
    const digest = await measure('data.json.gz', noise, { checker: null, encrypted: true })
    expect(digest).toMatchObject({ gzipError: null })
    expect(digest.checks).toEqual([{ name: 'gzip', passed: null, detail: LOOKS_ENCRYPTED }])
    const unkeyed = await measure('data.json.gz', noise, { checker: null, encrypted: false })
    expect(unkeyed).toMatchObject({ gzipError: 'incorrect header check', checks: [] })
  })

  it('tells gzip from ciphertext when the first bytes come one at a time', async () => {
    const digest = await measure('db.sql.gz', whole, check('db.sql.gz', true), 1)
    expect(digest.checks?.[0]?.passed).toBe(true)
    const short = await measure('db.sql.gz', Buffer.from([0x1f]), check('db.sql.gz', true))
    expect(short.checks).toEqual([{ name: 'sql', passed: null, detail: LOOKS_ENCRYPTED }])
  })

  it('fails an empty .gz even in an encrypted backup: no encryption makes nothing', async () => {
    const digest = await measure('db.sql.gz', Buffer.alloc(0), check('db.sql.gz', true))
    expect(digest.gzipError).toBe('unexpected end of file')
  })

  it(`gunzips in chunks of ${GUNZIP_CHUNK / 1024} KiB, not zlib's 16 KiB`, async () => {
    const sizes: number[] = []
    const spy: ContentChecker = {
      name: 'spy',
      write: (chunk) => void sizes.push(chunk.length),
      end: () => [],
    }
    const big = gzipSync(Buffer.alloc(4 * GUNZIP_CHUNK, 'row\n'))
    await measure('rows.gz', big, { checker: spy, encrypted: false }, 64 * 1024)
    expect(Math.max(...sizes)).toBe(GUNZIP_CHUNK)
    expect(sizes.reduce((sum, size) => sum + size, 0)).toBe(4 * GUNZIP_CHUNK)
  })
})

describe('tap on big files', () => {
  // Noise compresses to itself: some 3 MiB of .gz, handed to zlib batch by batch.
  const rows = Buffer.concat([mysqlDump({ rowsPerTable: 30_000 }), ciphertext('tail', 1 << 20)])
  const big = gzipSync(rows)

  it('gunzips a big file that comes in small chunks, every byte of it', async () => {
    const sizes: number[] = []
    const spy: ContentChecker = {
      name: 'spy',
      write: (chunk) => void sizes.push(chunk.length),
      end: () => [],
    }
    const digest = await measure('rows.gz', big, { checker: spy, encrypted: false }, 1500)
    expect(digest.gzipError).toBeNull()
    expect(sizes.reduce((sum, size) => sum + size, 0)).toBe(rows.length)
  })

  it('gunzips every byte when chunks straddle the batches, and a chunk is bigger than one', async () => {
    for (const size of [GUNZIP_CHUNK / 2 + 7, GUNZIP_CHUNK + 3, 3 * GUNZIP_CHUNK]) {
      const digest = await measure('rows.gz', big, { checker: null, encrypted: false }, size)
      expect(digest).toMatchObject({ gzipError: null, bytes: big.length })
    }
  })

  it('still finds damage in the middle of a big file', async () => {
    const damaged = Buffer.from(big)
    for (let i = 1_000_000; i < 1_000_100; i++) damaged[i] = (damaged[i] as number) ^ 0xff
    const digest = await measure('rows.gz', damaged, undefined, 1500)
    expect(digest.gzipError).not.toBeNull()
    expect(digest.bytes).toBe(damaged.length)
  })
})

describe('isGzip', () => {
  it('knows .tgz for gzip, so that a .tgz is gunzipped and checked too', async () => {
    expect([isGzip('site.tgz'), isGzip('SITE.TGZ'), isGzip('site.tar')]).toEqual([
      true,
      true,
      false,
    ])
    const digest = await measure('site.tgz', siteTar())
    expect(digest.gzipError).toBe('incorrect header check')
  })
})
