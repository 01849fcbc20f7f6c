// A tar archive walked header by header as it streams, without extracting anything: each header's
// checksum must hold, each entry's data (padded to 512 bytes) must be followed by the next header,
// and the archive must end with its end-of-archive marker, two zero blocks. What follows the
// marker (the zeros GNU tar pads its last record with) is ignored, as tar ignores it.
//
// Pax headers (`x`, `g`) and GNU long names (`L`, `K`) are entries of their own whose data is
// skipped, not counted; a pax `size` record stands for the next entry's size (pax archives keep
// the size of a file over 8 GiB there). An old GNU sparse header (`S`) is followed by extension
// blocks before its data.
import {
  BLOCK,
  checksumOk,
  entryName,
  entrySize,
  extensionContinues,
  isZeroBlock,
  padded,
  sparseExtended,
  typeflag,
} from './tar-header.js'
import { count, formatBytes, quoteEnd } from './text.js'
import type { ContentChecker, FileCheck } from './types.js'

/** A pax header bigger than this (xattrs, ACLs) is past any sane archive; its entry is not read. */
const MAX_PAX = 1024 * 1024
const META = new Set(['x', 'g', 'L', 'K'])

interface Entry {
  index: number
  name: string
  size: number
}

export class TarChecker implements ContentChecker {
  readonly name = 'tar'
  private readonly block = Buffer.alloc(BLOCK)
  private filled = 0
  /** Bytes of the current entry's data and padding still to pass. */
  private skip = 0
  private entry: Entry | null = null
  private entries = 0
  private dataBytes = 0
  private pos = 0
  private zeros = 0
  private ended = false
  /** Set once the archive is known broken (false) or past checking (null), with why. */
  private verdict: { passed: false | null; detail: string } | null = null
  /** Sparse extension blocks still to come, and the data that follows them. */
  private extensions: { dataBytes: number } | null = null
  /** The data of a pax `x` header, read for its `size` record. */
  private pax: { size: number; parts: Buffer[]; got: number } | null = null
  private nextSize: number | null = null

  write(chunk: Buffer): void {
    let i = 0
    while (i < chunk.length && !this.ended && this.verdict === null) {
      if (this.skip > 0) {
        const take = Math.min(this.skip, chunk.length - i)
        if (this.pax !== null) this.readPax(chunk.subarray(i, i + take))
        this.skip -= take
        i += take
        this.pos += take
        if (this.skip === 0 && this.pax !== null) this.endPax()
        continue
      }
      const take = Math.min(BLOCK - this.filled, chunk.length - i)
      chunk.copy(this.block, this.filled, i, i + take)
      this.filled += take
      i += take
      this.pos += take
      if (this.filled === BLOCK) {
        this.filled = 0
        this.header(this.block)
      }
    }
  }

  end(): FileCheck[] {
    return [{ name: this.name, ...(this.verdict ?? this.ending()) }]
  }

  private ending(): { passed: boolean; detail: string } {
    if (this.ended) {
      const size = formatBytes(this.dataBytes)
      return {
        passed: true,
        detail: `tar complete, ${count(this.entries, 'entry', 'entries')}, ${size}`,
      }
    }
    const cut = 'the archive is incomplete: it was cut short'
    const entry = this.entry
    if (this.skip > 0 && entry !== null) {
      const arrived = padded(entry.size) - this.skip
      const which = `entry ${entry.index} ${quoteEnd(entry.name, 60)}`
      const where =
        arrived >= entry.size
          ? `in the padding after ${which}`
          : `inside ${which}, after ${formatBytes(arrived)} of its ${formatBytes(entry.size)}`
      return { passed: false, detail: `${cut} ${where}` }
    }
    if (this.filled > 0)
      return { passed: false, detail: `${cut} inside a header, at byte ${this.pos - this.filled}` }
    const marker = this.zeros === 1 ? 'has only one of its two zero blocks' : 'is missing'
    return {
      passed: false,
      detail: `${cut}: its end-of-archive marker ${marker}, after ${count(this.entries, 'entry', 'entries')}`,
    }
  }

  private header(block: Buffer): void {
    const at = this.pos - BLOCK
    if (this.extensions !== null) {
      if (!extensionContinues(block)) this.startData(this.extensions.dataBytes)
      return
    }
    if (isZeroBlock(block)) {
      if (++this.zeros === 2) this.ended = true
      return
    }
    if (this.zeros > 0) return this.fail(`a lone zero block at byte ${at - BLOCK}, then more data`)
    if (!checksumOk(block))
      return this.fail(`the header at byte ${at} has a wrong checksum (entry ${this.entries + 1})`)
    const type = typeflag(block)
    const stated = entrySize(block)
    if (stated === null)
      return this.fail(
        `the header at byte ${at} holds no readable size (entry ${this.entries + 1})`,
      )
    const size = META.has(type) ? stated : (this.nextSize ?? stated)
    if (type === 'x') {
      if (size > MAX_PAX) return this.giveUp(`a pax header of ${formatBytes(size)} at byte ${at}`)
      this.pax = { size, parts: [], got: 0 }
    } else if (!META.has(type)) {
      this.nextSize = null
      this.entries++
      this.dataBytes += size
    }
    // A pax header or long name belongs to the entry that follows it.
    const index = META.has(type) ? this.entries + 1 : this.entries
    this.entry = { index, name: entryName(block), size }
    if (type === 'S' && sparseExtended(block)) this.extensions = { dataBytes: padded(size) }
    else this.startData(padded(size))
  }

  private startData(bytes: number): void {
    this.extensions = null
    this.skip = bytes
    if (bytes === 0 && this.pax !== null) this.endPax()
  }

  private readPax(bytes: Buffer): void {
    const pax = this.pax as NonNullable<TarChecker['pax']>
    const wanted = Math.min(bytes.length, pax.size - pax.got)
    if (wanted <= 0) return
    pax.parts.push(Buffer.from(bytes.subarray(0, wanted)))
    pax.got += wanted
  }

  private endPax(): void {
    const data = Buffer.concat((this.pax as NonNullable<TarChecker['pax']>).parts)
    this.pax = null
    const records = paxRecords(data)
    if (records === null)
      return this.fail(`the pax header before entry ${this.entries + 1} is malformed`)
    const size = records.get('size')
    if (size === undefined) return
    if (!/^\d+$/.test(size) || !Number.isSafeInteger(Number(size)))
      return this.fail(`the pax header before entry ${this.entries + 1} holds no readable size`)
    this.nextSize = Number(size)
  }

  private fail(why: string): void {
    this.verdict = { passed: false, detail: `the archive is damaged: ${why}` }
  }

  private giveUp(why: string): void {
    this.verdict = { passed: null, detail: `not checked past ${why}` }
  }
}

/** Pax records, `<length> <key>=<value>\n` each, the length counting the whole record. */
export function paxRecords(data: Buffer): Map<string, string> | null {
  const records = new Map<string, string>()
  let at = 0
  while (at < data.length) {
    const space = data.indexOf(0x20, at)
    if (space === -1) return null
    const length = Number(data.toString('latin1', at, space))
    if (!Number.isSafeInteger(length) || length <= space - at || at + length > data.length)
      return null
    const record = data.toString('utf8', space + 1, at + length)
    const equals = record.indexOf('=')
    if (equals === -1 || !record.endsWith('\n')) return null
    records.set(record.slice(0, equals), record.slice(equals + 1, -1))
    at += length
  }
  return records
}
