import { describe, expect, it } from '@jest/globals'
import { contentCheckerFor, LOOKS_ENCRYPTED } from '../src/download/content/index.js'
import { paxHeader, tarArchive, tarEnd, tarEntry, tarHeader } from '../simulator/archives.js'
import { siteTar } from '../simulator/content-checks.js'
import { everyChunking, gnuTar, sparseTar, tarListing, verdicts } from './fixtures/content.js'

const tar = (bytes: Buffer | Buffer[], encrypted = false) =>
  verdicts(
    () => contentCheckerFor('site.tar', { encrypted }),
    Array.isArray(bytes) ? bytes : [bytes],
  )
const one = (bytes: Buffer | Buffer[], encrypted = false) => tar(bytes, encrypted)[0]

const TREE = {
  'index.php': Buffer.from("<?php\nrequire 'wp-blog-header.php';\n"),
  [`uploads/${'nested-directory/'.repeat(7)}a-file-whose-path-is-past-100-bytes.txt`]: Buffer.from(
    'x'.repeat(3000),
  ),
  'empty.txt': Buffer.alloc(0),
  'latest.sql': { symlink: 'index.php' },
  'cache/': '',
}
const SHORT_TREE = { 'a.txt': Buffer.from('hello\n'), 'b/c.txt': Buffer.from('world\n') }

const ARCHIVES: [string, Buffer][] = [
  ['GNU tar, gnu format (long names as L entries)', gnuTar(TREE, 'gnu')],
  ['GNU tar, oldgnu format', gnuTar(TREE, 'oldgnu')],
  ['GNU tar, posix format (pax headers)', gnuTar(TREE, 'posix')],
  ['GNU tar, ustar format', gnuTar(TREE, 'ustar')],
  ['GNU tar, v7 format', gnuTar(SHORT_TREE, 'v7')],
  ['GNU tar --sparse (sparse extension blocks)', sparseTar(30)],
  ['an archive written field by field', siteTar()],
]

/** Where the end-of-archive marker ends: two blocks after the last block that is not zeros. */
function markerEnd(archive: Buffer): number {
  let last = archive.length - 1
  while (last >= 0 && archive[last] === 0) last--
  return Math.ceil((last + 1) / 512) * 512 + 1024
}

describe('tar archives that are whole', () => {
  it.each(ARCHIVES)('%s passes, counting the entries tar lists', (_, archive) => {
    expect(one(archive)).toEqual({
      name: 'tar',
      passed: true,
      detail: expect.stringMatching(new RegExp(`^tar complete, ${tarListing(archive)} entr`)),
    })
  })

  it('reports the entries and the bytes of their data', () => {
    const archive = tarArchive([
      { name: 'a', data: Buffer.alloc(1_500_000, 'a') },
      { name: 'b/', type: '5' },
      { name: 'b/c', data: Buffer.alloc(1_900_000, 'c') },
    ])
    expect(one(archive)?.detail).toBe('tar complete, 3 entries, 3.4 MB')
    expect(one(tarArchive([{ name: 'a', data: Buffer.from('x') }]))?.detail).toBe(
      'tar complete, 1 entry, 1 byte',
    )
  })

  it('reads the sparse fixture as tar writes it: with extension blocks', () => {
    // The header says more sparse regions follow than it holds.
    expect(sparseTar(30)[482]).toBe(1)
  })

  it('ignores what follows the end-of-archive marker, as tar does', () => {
    const archive = Buffer.concat([siteTar(), Buffer.from('trailing bytes after the marker')])
    expect(one(archive)?.passed).toBe(true)
  })
})

describe('tar archives that are cut short', () => {
  it.each(ARCHIVES)('%s: every cut before the marker ends fails, after it passes', (_, archive) => {
    const end = markerEnd(archive)
    const cuts: number[] = []
    for (let keep = Math.max(0, end - 2560); keep <= archive.length; keep++) cuts.push(keep)
    const got = cuts.map((keep) => [keep, one(archive.subarray(0, keep))?.passed])
    expect(got).toEqual(cuts.map((keep) => [keep, keep >= end]))
  })

  it('says where it was cut: inside an entry, in a header, or at the marker', () => {
    const archive = tarArchive([{ name: 'www/photo.jpg', data: Buffer.alloc(3000, 1) }])
    expect(one(archive.subarray(0, 1512))?.detail).toBe(
      'the archive is incomplete: it was cut short inside entry 1 «www/photo.jpg», after 1.0 kB of its 3.0 kB',
    )
    expect(one(archive.subarray(0, 3550))?.detail).toBe(
      'the archive is incomplete: it was cut short in the padding after entry 1 «www/photo.jpg»',
    )
    expect(one(archive.subarray(0, 3584 + 100))?.detail).toBe(
      'the archive is incomplete: it was cut short inside a header, at byte 3584',
    )
    expect(one(archive.subarray(0, 3584 + 512))?.detail).toBe(
      'the archive is incomplete: it was cut short: its end-of-archive marker has only one of its two zero blocks, after 1 entry',
    )
    expect(one(archive.subarray(0, 3584))?.detail).toBe(
      'the archive is incomplete: it was cut short: its end-of-archive marker is missing, after 1 entry',
    )
  })

  it('reads a GNU base-256 size, as for files over 8 GiB, and says how much arrived', () => {
    const small = Buffer.concat([
      tarEntry({ name: 'tiny', data: Buffer.from('abc'), base256: true }),
      tarEnd(1024),
    ])
    expect(one(small)?.detail).toBe('tar complete, 1 entry, 3 bytes')
    const big = Buffer.concat([
      tarHeader({ name: 'disk.iso', base256: true }, 9 * 1024 ** 3),
      Buffer.alloc(4096),
    ])
    expect(one(big)?.detail).toBe(
      'the archive is incomplete: it was cut short inside entry 1 «disk.iso», after 4.1 kB of its 9.7 GB',
    )
  })
})

describe('tar archives that are damaged', () => {
  const header = (name: string) => tarHeader({ name }, 0)

  it('accepts the signed checksum old tars wrote, and fails one that matches neither', () => {
    const block = header('café-menu.txt')
    let signed = 0x20 * 8
    block.forEach((byte, i) => {
      if (i < 148 || i >= 156) signed += byte > 127 ? byte - 256 : byte
    })
    const signedBlock = Buffer.from(block)
    signedBlock.write(`${signed.toString(8).padStart(6, '0')}\0 `, 148, 8, 'latin1')
    expect(one(Buffer.concat([signedBlock, tarEnd(512)]))?.passed).toBe(true)
    const wrong = Buffer.from(block)
    wrong[0] = 0x43 // 'c' made 'C': one byte the checksum no longer covers
    const archive = Buffer.concat([
      tarEntry({ name: 'ok', data: Buffer.from('x') }),
      wrong,
      tarEnd(1536),
    ])
    expect(one(archive)?.detail).toBe(
      'the archive is damaged: the header at byte 1024 has a wrong checksum (entry 2)',
    )
  })

  it('fails a lone zero block followed by more entries', () => {
    const archive = Buffer.concat([
      tarEntry({ name: 'a', data: Buffer.from('a') }),
      Buffer.alloc(512),
      tarEntry({ name: 'b', data: Buffer.from('b') }),
      tarEnd(0),
    ])
    expect(one(archive)?.detail).toBe(
      'the archive is damaged: a lone zero block at byte 1024, then more data',
    )
  })

  it("takes an entry's size from its pax header, as pax archives do past 8 GiB", () => {
    const data = Buffer.alloc(5000, 'd')
    const entries = [
      tarEntry(paxHeader('big.bin', { size: '5000', path: 'big.bin' })),
      tarHeader({ name: 'big.bin' }, 0),
      data,
      Buffer.alloc(120),
    ]
    const archive = Buffer.concat([...entries, Buffer.alloc(1024)])
    expect(one(archive)?.detail).toBe('tar complete, 1 entry, 5.0 kB')
    // Without that record the data would be read as headers.
    const bare = Buffer.concat([tarHeader({ name: 'big.bin' }, 0), data, Buffer.alloc(1144)])
    expect(one(bare)?.passed).toBe(false)
  })

  it('fails a malformed pax header, and leaves an absurdly large one unchecked', () => {
    const bad = tarEntry({ name: 'pax', type: 'x', data: Buffer.from('99 size=5\n') })
    expect(one(Buffer.concat([bad, tarEnd(bad.length)]))?.detail).toBe(
      'the archive is damaged: the pax header before entry 1 is malformed',
    )
    const huge = tarHeader({ name: 'pax', type: 'x' }, 2_000_000)
    expect(one(Buffer.concat([huge, Buffer.alloc(4096)]))).toEqual({
      name: 'tar',
      passed: null,
      detail: 'not checked past a pax header of 2.0 MB at byte 0',
    })
  })
})

describe('tar checks in any chunking', () => {
  const cut = siteTar().subarray(0, 4000)
  it.each([...ARCHIVES, ['a cut archive', cut] as [string, Buffer]])(
    '%s: 1-byte chunks and random chunkings give the same verdict',
    (_, archive) => {
      const expected = tar(archive)
      for (const parts of everyChunking(archive)) expect(tar(parts)).toEqual(expected)
    },
  )
})

describe('files that do not look like tar', () => {
  const text = Buffer.from('not an archive\n'.repeat(100))

  it('fails them in a backup without an encryption key, and skips them in one with', () => {
    expect(one(text)).toEqual({
      name: 'tar',
      passed: false,
      detail: 'does not look like a tar archive: its first header is not a valid tar header',
    })
    expect(one(text, true)).toEqual({ name: 'tar', passed: null, detail: LOOKS_ENCRYPTED })
  })

  it('fails an archive that starts well and breaks later, whatever the backup carries', () => {
    expect(one(siteTar().subarray(0, 4000), true)?.passed).toBe(false)
  })

  it('fails an empty file, which no encryption makes', () => {
    expect(one(Buffer.alloc(0), true)?.detail).toBe('empty, so not a tar archive')
  })
})
