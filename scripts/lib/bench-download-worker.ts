// One measurement of the download benchmark, in a process of its own so that its peak resident
// memory is its own: `node worker.mjs <variant> <file>...` verifies the files at once (read from
// the page cache as gunzip reads them, then handed over in 64 KiB chunks, as a socket delivers
// them) and prints one line of JSON. The bytes go nowhere after the tap: writing them to disk
// costs the same in every variant.
//
// Variants: `gunzip` is Node's own gunzip with 256 KiB chunks, the yardstick; `before` is the tap
// as it was before its chunk size was raised; `integrity` is the tap now (bytes, SHA-256,
// gunzip, and the minor collections that take back zlib's chunks); `content` adds the content
// check the file's name picks.
import { createHash } from 'node:crypto'
import { createReadStream, readFileSync } from 'node:fs'
import { basename } from 'node:path'
import { Transform, Writable } from 'node:stream'
import { finished, pipeline } from 'node:stream/promises'
import { createGunzip } from 'node:zlib'
import { contentCheckerFor, type FileCheck } from '../../src/download/content/index.js'
import { tap } from '../../src/download/verify.js'

const KIB = 1024
const SOCKET_CHUNK = 64 * KIB

const sink = (): Writable => new Writable({ write: (_chunk, _encoding, done) => done() })

/** The file's chunks cut to a socket's size, without the cost of four times as many reads. */
function socketSized(): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      for (let at = 0; at < chunk.length; at += SOCKET_CHUNK)
        this.push(chunk.subarray(at, at + SOCKET_CHUNK))
      callback()
    },
  })
}

/** The tap as it was: zlib's default 16 KiB chunks, everything else the same. */
function tapBefore(): { stream: Transform; digest(): Promise<unknown> } {
  const hash = createHash('sha256')
  let gzipError: string | null = null
  const gunzip = createGunzip()
  gunzip.resume()
  gunzip.on('error', (error) => (gzipError ??= error.message))
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk)
      if (gzipError !== null || gunzip.write(chunk)) callback(null, chunk)
      else gunzip.once('drain', () => callback(null, chunk))
    },
  })
  gunzip.once('error', () => gunzip.emit('drain'))
  return {
    stream,
    async digest() {
      gunzip.end()
      await finished(gunzip).catch(() => undefined)
      return { sha256: hash.digest('hex'), gzipError }
    },
  }
}

async function verify(variant: string, path: string): Promise<FileCheck[]> {
  if (variant === 'gunzip') {
    const read = createReadStream(path, { highWaterMark: 256 * KIB })
    await pipeline(read, createGunzip({ chunkSize: 256 * KIB }), sink())
    return []
  }
  const read = createReadStream(path, { highWaterMark: 256 * KIB })
  const name = basename(path)
  const probe =
    variant === 'before'
      ? tapBefore()
      : tap(true, {
          checker: variant === 'content' ? contentCheckerFor(name, { encrypted: false }) : null,
          encrypted: false,
        })
  await pipeline(read, socketSized(), probe.stream, sink())
  const digest = (await probe.digest()) as { gzipError: string | null; checks?: FileCheck[] }
  if (digest.gzipError !== null) throw new Error(`${name}: ${digest.gzipError}`)
  return digest.checks ?? []
}

function peakRssKib(): number | null {
  const match = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'))
  return match ? Number(match[1]) : null
}

const [variant = '', ...paths] = process.argv.slice(2)
const started = performance.now()
const cpu = process.cpuUsage()
const checks = await Promise.all(paths.map((path) => verify(variant, path)))
const ms = performance.now() - started
// CPU time of every thread of the process, zlib's included: what the work costs, whatever else
// the machine runs meanwhile.
const { user, system } = process.cpuUsage(cpu)
const cpuMs = (user + system) / 1000
console.log(JSON.stringify({ variant, ms, cpuMs, peakRssKib: peakRssKib(), checks: checks.flat() }))
