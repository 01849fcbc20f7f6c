import { describe, expect, it } from '@jest/globals'
import { contentCheckerFor, LOOKS_ENCRYPTED } from '../src/download/content/index.js'
import { TAIL_CAP, ZipChecker } from '../src/download/content/zip.js'
import { zipArchive } from '../simulator/archives.js'
import { siteZip } from '../simulator/content-checks.js'
import {
  chunks,
  everyChunking,
  infoZip,
  pythonZip,
  pythonZipOfMany,
  seeded,
  streamedZip,
  verdicts,
  zip64OfStdin,
} from './fixtures/content.js'

const zip = (bytes: Buffer | Buffer[], encrypted = false) =>
  verdicts(
    () => contentCheckerFor('site.zip', { encrypted }),
    Array.isArray(bytes) ? bytes : [bytes],
  )
const one = (bytes: Buffer | Buffer[], encrypted = false) => zip(bytes, encrypted)[0]

const TREE = {
  'index.php': Buffer.from("<?php\nrequire 'wp-blog-header.php';\n"),
  'uploads/notes.txt': Buffer.from('notes\n'.repeat(500)),
  'uploads/empty.txt': Buffer.alloc(0),
}
const many = pythonZipOfMany(70_000)
const streamed = streamedZip(Buffer.from('row\n'.repeat(999)))
const ofStdin = zip64OfStdin(Buffer.from('row\n'.repeat(99)))

const ARCHIVES: [string, Buffer, number][] = [
  ["Info-ZIP's zip -r", infoZip(TREE), 4],
  [
    "Python's zipfile, deflated, with a comment",
    pythonZip({ a: 'x', b: 'y' }, { comment: 'kept' }),
    2,
  ],
  ["Python's zipfile, stored", pythonZip({ a: 'x' }, { compression: 'stored' }), 1],
  ['a zip written as a stream (data descriptors)', streamed, 1],
  ['a zip of standard input (ZIP64 end record)', ofStdin, 1],
  ["70,000 entries by Python's zipfile (ZIP64, counts at their maximum)", many, 70_000],
  ['an empty zip', pythonZip({}), 0],
  ['a zip written field by field', siteZip(), 4],
  [
    'one with a ZIP64 record written field by field',
    zipArchive([{ name: 'a', data: Buffer.from('a') }], { zip64: true }),
    1,
  ],
]

describe('zip archives that are whole', () => {
  it.each(ARCHIVES)('%s passes, with its entries counted', (_, archive, entries) => {
    expect(one(archive)).toEqual({
      name: 'zip',
      passed: true,
      detail: `zip complete, ${entries} ${entries === 1 ? 'entry' : 'entries'}`,
    })
  })

  it('the fixtures are what they claim: descriptors, ZIP64 records, maxed counts', () => {
    expect(streamed.readUInt16LE(6) & 0x08).toBe(0x08)
    expect(ofStdin.includes(Buffer.from([0x50, 0x4b, 0x06, 0x07]))).toBe(true)
    expect(many.readUInt16LE(many.length - 12)).toBe(0xffff)
  })
})

describe('zip archives that are cut or damaged', () => {
  it.each(ARCHIVES)('%s: every cut in the last 2 KiB fails', (_, archive) => {
    const cuts: number[] = []
    for (let keep = Math.max(0, archive.length - 2048); keep < archive.length; keep++)
      cuts.push(keep)
    const got = cuts.map((keep) => [keep, one(archive.subarray(0, keep))?.passed])
    expect(got).toEqual(cuts.map((keep) => [keep, false]))
  })

  it('says so when the end record is gone', () => {
    const archive = siteZip()
    expect(one(archive.subarray(0, archive.length - 1))?.detail).toBe(
      'the archive is incomplete: no end of central directory record at its end: it was cut short',
    )
  })

  it('fails an end record whose entry count the directory does not hold', () => {
    const archive = Buffer.from(siteZip())
    archive.writeUInt16LE(5, archive.length - 12)
    expect(one(archive)?.detail).toBe(
      'the archive is damaged: its end record lists 5 entries, its central directory 4',
    )
  })

  it('fails an end record that puts the directory elsewhere than before itself', () => {
    const archive = Buffer.from(siteZip())
    archive.writeUInt32LE(archive.readUInt32LE(archive.length - 6) - 46, archive.length - 6)
    expect(one(archive)?.detail).toMatch(
      /^the archive is damaged: its end record puts the central directory at bytes \d+-\d+, but the record itself starts at byte \d+$/,
    )
  })

  it('fails a damaged directory entry', () => {
    const archive = Buffer.from(siteZip())
    const at = archive.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]))
    archive[at + 1] = 0
    expect(one(archive)?.detail).toBe(
      `the archive is damaged: entry 1 of its central directory, at byte ${at}, is not one`,
    )
  })

  it('fails a ZIP64 locator that points at nothing', () => {
    const archive = Buffer.from(
      zipArchive([{ name: 'a', data: Buffer.from('a') }], { zip64: true }),
    )
    archive.writeBigUInt64LE(1n, archive.length - 22 - 20 + 8)
    expect(one(archive)?.detail).toBe(
      'the archive is damaged: its ZIP64 locator points at byte 1, where no ZIP64 record is',
    )
  })

  it('leaves a split archive unchecked', () => {
    const archive = Buffer.from(siteZip())
    archive.writeUInt16LE(1, archive.length - 18)
    expect(one(archive)).toEqual({
      name: 'zip',
      passed: null,
      detail: 'not checked: the archive is split across several files',
    })
  })
})

describe('the kept tail', () => {
  it(`keeps at most ${TAIL_CAP / 1024 / 1024} MiB, and calls a bigger directory too large to check`, () => {
    const checker = new ZipChecker(64 * 1024)
    for (const part of chunks(many, 700, seeded(2))) checker.write(part)
    expect(checker.end()).toEqual([
      {
        name: 'zip',
        passed: null,
        detail: 'not checked: its central directory (3.7 MB) is too large to check',
      },
    ])
    expect(checker.keptBytes()).toBeLessThanOrEqual(64 * 1024 + 700)
  })

  it('reads a directory that spans many chunks', () => {
    const checker = new ZipChecker()
    for (const part of chunks(many, 700, seeded(2))) checker.write(part)
    expect(checker.end()[0]?.passed).toBe(true)
  })
})

describe('zip checks in any chunking', () => {
  const small = ARCHIVES.filter(([, archive]) => archive.length < 100_000)
  it.each(small)('%s: 1-byte chunks and random chunkings give the same verdict', (_, archive) => {
    const expected = zip(archive)
    for (const parts of everyChunking(archive)) expect(zip(parts)).toEqual(expected)
    const cut = archive.subarray(0, archive.length - 10)
    for (const parts of everyChunking(cut)) expect(zip(parts)).toEqual(zip(cut))
  })
})

describe('files that do not look like zip', () => {
  const text = Buffer.from('not an archive\n'.repeat(100))

  it('fails them in a backup without an encryption key, and skips them in one with', () => {
    expect(one(text)).toEqual({
      name: 'zip',
      passed: false,
      detail: 'does not look like a zip archive: it does not start with a zip signature',
    })
    expect(one(text, true)).toEqual({ name: 'zip', passed: null, detail: LOOKS_ENCRYPTED })
  })

  it('fails a zip that starts well and is cut, whatever the backup carries', () => {
    const archive = siteZip()
    expect(one(archive.subarray(0, archive.length - 30), true)?.passed).toBe(false)
  })
})
