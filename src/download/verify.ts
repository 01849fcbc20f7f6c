// What a file is checked against on its way to disk: its byte count, its SHA-256, for a .gz a
// complete gunzip and, with `verify: content`, what its content says of itself (a dump's last
// line, an archive's structure: content/). All streamed, so memory stays flat whatever the size.
import { createHash } from 'node:crypto'
import { Transform, type TransformOptions } from 'node:stream'
import { finished } from 'node:stream/promises'
import { createGunzip, type Gunzip, type ZlibOptions } from 'node:zlib'
import { errorMessage } from '../failure.js'
import type { BackupFile } from '../snapshooter/types.js'
import { gunzipped } from './collect.js'
import { fileKind, looksLikeGzip, skippedAsEncrypted } from './content/index.js'
import type { ContentChecker, FileCheck } from './content/index.js'

export interface Digest {
  bytes: number
  sha256: string
  /** Why the bytes do not gunzip completely; null when they do, or when the file is not a .gz. */
  gzipError: string | null
  /** With content verification: its checks (none for a type no check knows). */
  checks?: FileCheck[]
}

export interface Tap {
  /** Passes every chunk through unchanged, measuring it on the way. */
  stream: Transform
  /** Once the stream has ended: the figures, with the gunzip run to its end. */
  digest(): Promise<Digest>
  /** The bytes passed through so far, for a body that broke off. */
  received(): number
}

export interface ContentVerification {
  /** Fed the content as it passes: the gunzipped bytes of a .gz, else the file's own. */
  checker: ContentChecker | null
  /**
   * The backup carries an encryption_key: a .gz that is not gzip data is then most likely
   * ciphertext, and neither gunzipped nor checked (a check says so), instead of failing.
   */
  encrypted: boolean
}

/**
 * zlib's default makes a trip to its thread and back per 16 KiB of output, and those trips, not
 * inflating, were what bounded a big download's speed: up to 512 KiB back per trip, and at least
 * 256 KiB handed over at a time, outrun Node's own gunzip with 256 KiB chunks (BENCHMARKS.md,
 * Download). The memory they would leave for the collector is taken back as it goes (collect.ts).
 */
export const GUNZIP_CHUNK = 512 * 1024
export const GUNZIP_INPUT = 256 * 1024
/**
 * How much input may wait for zlib: a few batches, so that the next one is read and hashed while
 * zlib inflates the last, instead of after. (Node passes stream options on to the Transform.)
 */
const GUNZIP_OPTIONS: ZlibOptions & TransformOptions = {
  chunkSize: GUNZIP_CHUNK,
  writableHighWaterMark: 4 * GUNZIP_INPUT,
}

/** gzip's magic and method: the bytes that tell a .gz from ciphertext given its name. */
const MAGIC_BYTES = 3

export function isGzip(name: string): boolean {
  return fileKind(name).gzip
}

export function tap(gzip: boolean, content?: ContentVerification): Tap {
  const hash = createHash('sha256')
  let bytes = 0
  let gzipError: string | null = null
  const checker = content?.checker ?? null
  const gunzip = gzip ? createGunzip(GUNZIP_OPTIONS) : null
  // The first bytes of a .gz of an encrypted backup, until they tell gzip from ciphertext.
  let head: Buffer[] | null = gunzip !== null && content?.encrypted === true ? [] : null
  let encrypted = false
  if (gunzip !== null) {
    // Without a checker the gunzipped bytes only prove the gzip whole: dropped as they come.
    if (checker === null) gunzip.resume()
    else gunzip.on('data', (chunk: Buffer) => checker.write(chunk))
    gunzip.on('error', (error) => (gzipError ??= errorMessage(error)))
    // A broken gzip emits no drain: release a chunk that waits for one.
    gunzip.once('error', () => gunzip.emit('drain'))
  }

  /** Whether the first bytes held back are ciphertext; null while too few have come. */
  const decide = (atEnd: boolean): Buffer | null => {
    const first = Buffer.concat(head as Buffer[])
    if (first.length < MAGIC_BYTES && !atEnd) return null
    head = null
    // Encryption never makes an empty file: an empty .gz is left to fail as one.
    encrypted = first.length > 0 && !looksLikeGzip(first)
    if (encrypted) gunzip?.destroy()
    return first
  }

  // The input is handed to zlib in batches: each write is a trip to zlib's thread and back,
  // and a socket's chunks of 64 KiB or less made those trips cost more than the inflating. A
  // batch is copied into a buffer that is used again once zlib is done with it: a new one per
  // batch would be the whole file's size in garbage, and the collector's time with it.
  const spare: Buffer[] = []
  let batch: Buffer | null = null
  let batched = 0
  /** Hands the batch to zlib; false when zlib asks to wait for its drain. */
  const send = (): boolean => {
    const full = batch as Buffer
    batch = null
    const input = full.subarray(0, batched)
    batched = 0
    gunzipped(input.length)
    return (gunzip as Gunzip).write(input, () => spare.push(full))
  }
  const whenDrained = (ready: boolean, done: () => void): void => {
    if (ready) done()
    else (gunzip as Gunzip).once('drain', done)
  }

  const feed = (chunk: Buffer, done: () => void): void => {
    // Once the gzip is known broken, feeding it more would only raise the same error again.
    if (gunzip === null || encrypted || gzipError !== null) return done()
    if (head !== null) {
      head.push(chunk)
      const first = decide(false)
      if (first === null || encrypted) return done()
      chunk = first
    }
    let ready = true
    for (let at = 0; at < chunk.length;) {
      batch ??= spare.pop() ?? Buffer.allocUnsafe(GUNZIP_INPUT)
      const copied = chunk.copy(batch, batched, at)
      at += copied
      batched += copied
      if (batched === batch.length) ready = send() && ready
    }
    whenDrained(ready, done)
  }

  const stream = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk)
      bytes += chunk.length
      if (gunzip === null) checker?.write(chunk)
      feed(chunk, () => callback(null, chunk))
    },
  })

  const checks = (): FileCheck[] => {
    if (encrypted) return [skippedAsEncrypted(checker?.name ?? 'gzip')]
    if (checker === null) return []
    if (gzipError !== null)
      return [{ name: checker.name, passed: false, detail: 'not checked: it does not gunzip' }]
    return checker.end()
  }

  return {
    stream,
    received: () => bytes,
    async digest() {
      if (head !== null) {
        const first = decide(true) as Buffer
        if (!encrypted && first.length > 0) feed(first, () => undefined)
      }
      if (gunzip !== null && !encrypted && gzipError === null) {
        if (batched > 0) send()
        gunzip.end()
        await finished(gunzip).catch((error: unknown) => (gzipError ??= errorMessage(error)))
      }
      const digest: Digest = { bytes, sha256: hash.digest('hex'), gzipError }
      return content === undefined ? digest : { ...digest, checks: checks() }
    },
  }
}

/** Each reason the file as downloaded is not the file SnapShooter describes; empty when it is. */
export function verificationProblems(file: BackupFile, digest: Digest): string[] {
  const problems: string[] = []
  if (file.sizeBytes !== null && digest.bytes !== file.sizeBytes) {
    problems.push(`${digest.bytes} bytes arrived, but SnapShooter lists its size as ${file.size}`)
  }
  if (digest.gzipError !== null) problems.push(`it does not gunzip (${digest.gzipError})`)
  // A file that does not gunzip has no content to speak of: its gzip error says it all.
  else
    for (const check of digest.checks ?? []) if (check.passed === false) problems.push(check.detail)
  return problems
}
