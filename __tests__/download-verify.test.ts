import { describe, expect, it } from '@jest/globals'
import { createHash } from 'node:crypto'
import { Readable, Writable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { gzipSync } from 'node:zlib'
import { isGzip, tap, verificationProblems, type Digest } from '../src/download/verify.js'
import { file } from './fixtures/values.js'

/** Streams `bytes` through a tap in small chunks, as a socket would deliver them. */
async function measure(bytes: Buffer, gzip: boolean): Promise<Digest> {
  const chunks = Array.from({ length: Math.ceil(bytes.length / 1000) }, (_, i) =>
    bytes.subarray(i * 1000, (i + 1) * 1000),
  )
  const probe = tap(gzip)
  const sink = new Writable({ write: (_chunk, _encoding, done) => done() })
  await pipeline(Readable.from(chunks), probe.stream, sink)
  return probe.digest()
}

const text = Buffer.from(
  Array.from({ length: 4000 }, (_, i) => `row ${i} ${(i * 7919) % 104729}`).join('\n'),
)
const gz = gzipSync(text)
const sha = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex')

describe('tap', () => {
  it('counts and hashes the bytes as they pass, and finds a whole gzip whole', async () => {
    expect(await measure(gz, true)).toEqual({ bytes: gz.length, sha256: sha(gz), gzipError: null })
  })

  it('finds a gzip cut short', async () => {
    const cut = gz.subarray(0, gz.length >> 1)
    expect(await measure(cut, true)).toMatchObject({
      bytes: cut.length,
      sha256: sha(cut),
      gzipError: 'unexpected end of file',
    })
  })

  it('finds a gzip with damaged bytes, and still passes every byte on', async () => {
    const damaged = Buffer.from(gz)
    for (let i = 100; i < 200; i++) damaged[i] = (damaged[i] as number) ^ 0xff
    const digest = await measure(damaged, true)
    expect(digest.gzipError).not.toBeNull()
    expect(digest.bytes).toBe(damaged.length)
  })

  it('finds a file that is not gzip at all', async () => {
    expect((await measure(text, true)).gzipError).toMatch(/header/)
  })

  it('does not gunzip a file that is not named .gz', async () => {
    expect(await measure(text, false)).toEqual({
      bytes: text.length,
      sha256: sha(text),
      gzipError: null,
    })
  })
})

describe('isGzip', () => {
  it('goes by the name, in any case', () => {
    expect([isGzip('db.sql.gz'), isGzip('SITE.TAR.GZ'), isGzip('run.sh')]).toEqual([
      true,
      true,
      false,
    ])
  })
})

describe('verificationProblems', () => {
  const digest: Digest = { bytes: 744, sha256: 'x', gzipError: null }

  it('finds none when the size matches and the gzip is whole', () => {
    expect(verificationProblems(file('db.sql.gz'), digest)).toEqual([])
  })

  it('names a size that differs from the listed one, and a broken gzip', () => {
    expect(
      verificationProblems(file('db.sql.gz'), { ...digest, bytes: 700, gzipError: 'invalid' }),
    ).toEqual([
      '700 bytes arrived, but SnapShooter lists its size as 744 bytes',
      'it does not gunzip (invalid)',
    ])
  })

  it('skips the size check when SnapShooter gave a rounded size', () => {
    const rounded = file('db.sql.gz', { size: '1.2 MB', sizeBytes: null })
    expect(verificationProblems(rounded, { ...digest, bytes: 1_234_567 })).toEqual([])
  })
})
