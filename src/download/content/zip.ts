// A zip archive is read from its end: the end of central directory record (in the last 65,557
// bytes: 22 of its own and up to 65,535 of comment) says how many entries the archive holds and
// where its central directory lies; the directory, walked entry by entry, must hold that many and
// end where the record (or the ZIP64 record before it) begins. A zip cut anywhere loses that
// record, so any truncation fails.
//
// The directory comes last, so the stream's last TAIL_CAP bytes are kept, as the chunks that came
// (the stream never writes into a chunk it has handed over), and read at the end. Local headers
// are not walked instead: a zip written as a stream leaves their sizes out, and finding where such
// an entry ends means inflating it. A directory bigger than TAIL_CAP (some 150,000 entries) is
// reported as too large to check, not as a failure.
import { count, formatBytes } from './text.js'
import type { ContentChecker, FileCheck } from './types.js'

export const TAIL_CAP = 16 * 1024 * 1024

const EOCD_SIGNATURE = Buffer.from([0x50, 0x4b, 0x05, 0x06])
const EOCD_BYTES = 22
const MAX_COMMENT = 0xffff
const LOCATOR = 0x07064b50
const LOCATOR_BYTES = 20
const ZIP64_EOCD = 0x06064b50
const ZIP64_EOCD_BYTES = 56
const CENTRAL = 0x02014b50
const CENTRAL_BYTES = 46

interface Directory {
  entries: number
  size: number
  offset: number
  /** Where the directory must end: the (ZIP64) end record's start. */
  end: number
}

type Verdict = { passed: boolean | null; detail: string }

export class ZipChecker implements ContentChecker {
  readonly name = 'zip'
  private chunks: Buffer[] = []
  private kept = 0
  private total = 0

  /** `cap`: how many of the last bytes are kept (TAIL_CAP, and less in tests). */
  constructor(private readonly cap: number = TAIL_CAP) {}

  /** How many bytes are held now: at most `cap` and one chunk. */
  keptBytes(): number {
    return this.kept
  }

  write(chunk: Buffer): void {
    if (chunk.length === 0) return
    this.chunks.push(chunk)
    this.kept += chunk.length
    this.total += chunk.length
    while (this.kept - (this.chunks[0] as Buffer).length >= this.cap)
      this.kept -= (this.chunks.shift() as Buffer).length
  }

  end(): FileCheck[] {
    return [{ name: this.name, ...this.verdict() }]
  }

  private verdict(): Verdict {
    const found = this.directory()
    if ('detail' in found) return found
    const { entries, size, offset, end } = found
    if (offset + size !== end)
      return damaged(
        `its end record puts the central directory at bytes ${offset}-${offset + size}, but the record itself starts at byte ${end}`,
      )
    if (offset < this.total - this.kept) return tooLarge(size)
    const walked = walk(this.read(offset, end), offset)
    if (typeof walked === 'string') return damaged(walked)
    if (walked !== entries)
      return damaged(`its end record lists ${entries} entries, its central directory ${walked}`)
    return { passed: true, detail: `zip complete, ${count(entries, 'entry', 'entries')}` }
  }

  /** The directory as the end record (and its ZIP64 record, where present) describes it. */
  private directory(): Directory | Verdict {
    const from = Math.max(this.total - this.kept, this.total - EOCD_BYTES - MAX_COMMENT)
    const tail = this.read(from, this.total)
    const at = findEnd(tail)
    if (at === -1)
      return incomplete('no end of central directory record at its end: it was cut short')
    const eocd = from + at
    const record = tail.subarray(at)
    if (record.readUInt16LE(4) !== 0 || record.readUInt16LE(6) !== 0)
      return { passed: null, detail: 'not checked: the archive is split across several files' }
    const plain: Directory = {
      entries: record.readUInt16LE(10),
      size: record.readUInt32LE(12),
      offset: record.readUInt32LE(16),
      end: eocd,
    }
    const locator = this.read(Math.max(eocd - LOCATOR_BYTES, 0), eocd)
    const maxed =
      plain.entries === 0xffff || plain.size === 0xffffffff || plain.offset === 0xffffffff
    if (locator.length < LOCATOR_BYTES || locator.readUInt32LE(0) !== LOCATOR)
      return maxed ? damaged('its end record needs a ZIP64 record, and there is none') : plain
    const at64 = Number(locator.readBigUInt64LE(8))
    if (at64 < this.total - this.kept && at64 < eocd) return tooLarge(eocd - at64)
    const zip64 = this.read(at64, at64 + ZIP64_EOCD_BYTES)
    if (zip64.length < ZIP64_EOCD_BYTES || zip64.readUInt32LE(0) !== ZIP64_EOCD)
      return damaged(`its ZIP64 locator points at byte ${at64}, where no ZIP64 record is`)
    return {
      entries: Number(zip64.readBigUInt64LE(32)),
      size: Number(zip64.readBigUInt64LE(40)),
      offset: Number(zip64.readBigUInt64LE(48)),
      end: at64,
    }
  }

  /** Bytes `from` to `to` of the stream, as far as they are kept. */
  private read(from: number, to: number): Buffer {
    const parts: Buffer[] = []
    let start = this.total - this.kept
    for (const chunk of this.chunks) {
      const end = start + chunk.length
      if (end > from && start < to)
        parts.push(chunk.subarray(Math.max(0, from - start), Math.min(chunk.length, to - start)))
      start = end
    }
    return parts.length === 1 ? (parts[0] as Buffer) : Buffer.concat(parts)
  }
}

/** The end record's index in `tail`: its signature, with a comment that reaches the end exactly. */
export function findEnd(tail: Buffer): number {
  const signature = EOCD_SIGNATURE
  for (let at = tail.lastIndexOf(signature); at !== -1; at = tail.lastIndexOf(signature, at - 1)) {
    if (
      at + EOCD_BYTES <= tail.length &&
      at + EOCD_BYTES + tail.readUInt16LE(at + 20) === tail.length
    )
      return at
    if (at === 0) break
  }
  return -1
}

/** The number of entries in a central directory that starts at byte `offset`, or what is wrong. */
export function walk(directory: Buffer, offset: number): number | string {
  let entries = 0
  for (let at = 0; at < directory.length; entries++) {
    if (at + CENTRAL_BYTES > directory.length || directory.readUInt32LE(at) !== CENTRAL)
      return `entry ${entries + 1} of its central directory, at byte ${offset + at}, is not one`
    const local = directory.readUInt32LE(at + 42)
    if (local !== 0xffffffff && local >= offset)
      return `entry ${entries + 1} of its central directory points past the entries, at byte ${local}`
    at +=
      CENTRAL_BYTES +
      directory.readUInt16LE(at + 28) +
      directory.readUInt16LE(at + 30) +
      directory.readUInt16LE(at + 32)
    if (at > directory.length)
      return `entry ${entries + 1} of its central directory runs past the directory's end`
  }
  return entries
}

function tooLarge(bytes: number): Verdict {
  return {
    passed: null,
    detail: `not checked: its central directory (${formatBytes(bytes)}) is too large to check`,
  }
}

function damaged(why: string): Verdict {
  return { passed: false, detail: `the archive is damaged: ${why}` }
}

function incomplete(why: string): Verdict {
  return { passed: false, detail: `the archive is incomplete: ${why}` }
}
