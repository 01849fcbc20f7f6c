// What a file is checked against on its way to disk: its byte count, its SHA-256 and, for a .gz,
// a complete gunzip. All streamed, so memory stays flat whatever the file's size.
import { createHash } from 'node:crypto'
import { Transform } from 'node:stream'
import { finished } from 'node:stream/promises'
import { createGunzip } from 'node:zlib'
import { errorMessage } from '../failure.js'
import type { BackupFile } from '../snapshooter/types.js'

export interface Digest {
  bytes: number
  sha256: string
  /** Why the bytes do not gunzip completely; null when they do, or when the file is not a .gz. */
  gzipError: string | null
}

export interface Tap {
  /** Passes every chunk through unchanged, measuring it on the way. */
  stream: Transform
  /** Once the stream has ended: the figures, with the gunzip run to its end. */
  digest(): Promise<Digest>
  /** The bytes passed through so far, for a body that broke off. */
  received(): number
}

export function isGzip(name: string): boolean {
  return name.toLowerCase().endsWith('.gz')
}

export function tap(gzip: boolean): Tap {
  const hash = createHash('sha256')
  let bytes = 0
  let gzipError: string | null = null
  const gunzip = gzip ? createGunzip() : null
  // The decompressed bytes only prove the gzip is whole; they are dropped as they come.
  gunzip?.resume()
  gunzip?.on('error', (error) => (gzipError ??= errorMessage(error)))
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk)
      bytes += chunk.length
      // Once the gzip is known broken, feeding it more would only raise the same error again.
      if (gunzip === null || gzipError !== null || gunzip.write(chunk)) callback(null, chunk)
      else gunzip.once('drain', () => callback(null, chunk))
    },
  })
  // A broken gzip emits no drain: release a chunk that waits for one.
  gunzip?.once('error', () => gunzip.emit('drain'))
  return {
    stream,
    received: () => bytes,
    async digest() {
      if (gunzip !== null && gzipError === null) {
        gunzip.end()
        await finished(gunzip).catch((error: unknown) => (gzipError ??= errorMessage(error)))
      }
      return { bytes, sha256: hash.digest('hex'), gzipError }
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
  return problems
}
