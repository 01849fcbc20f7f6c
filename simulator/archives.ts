// Tar and zip archives written byte by byte as the formats lay them out, for the content-check
// backups of the simulator, the tests and the download benchmark. Small and deterministic: a
// fixed modification time, no randomness.
import { crc32 } from 'node:zlib'

export interface TarEntry {
  name: string
  data?: Buffer
  /** '0' a file (the default), '5' a directory, 'x' a pax header, 'L' a GNU long name... */
  type?: string
  /** Write the size in GNU's base-256 form, as GNU tar does for files over 8 GiB. */
  base256?: boolean
}

const BLOCK = 512
/** GNU tar's default record: 20 blocks. Its last record is padded with zeros to this size. */
export const TAR_RECORD = 20 * BLOCK
const MTIME = 1_767_240_000 // 2026-01-01 04:00:00 UTC

function octalField(header: Buffer, at: number, length: number, value: number): void {
  header.write(`${value.toString(8).padStart(length - 1, '0')}\0`, at, length, 'latin1')
}

/** One ustar header, its checksum computed as POSIX says (the checksum field counted as spaces). */
export function tarHeader(entry: TarEntry, size: number): Buffer {
  const header = Buffer.alloc(BLOCK)
  header.write(entry.name, 0, 100, 'utf8')
  octalField(header, 100, 8, entry.type === '5' ? 0o755 : 0o644)
  octalField(header, 108, 8, 1000)
  octalField(header, 116, 8, 1000)
  if (entry.base256) {
    header[124] = 0x80
    for (let i = 135, rest = size; i > 124; i--, rest = Math.floor(rest / 256))
      header[i] = rest % 256
  } else {
    octalField(header, 124, 12, size)
  }
  octalField(header, 136, 12, MTIME)
  header.write(entry.type ?? '0', 156, 1, 'latin1')
  header.write('ustar\u000000', 257, 8, 'latin1')
  header.write('snapshooter', 265, 32, 'latin1')
  header.write('snapshooter', 297, 32, 'latin1')
  header.fill(0x20, 148, 156)
  let sum = 0
  for (const byte of header) sum += byte
  header.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 8, 'latin1')
  return header
}

/** The entry's header and data, padded to whole blocks. */
export function tarEntry(entry: TarEntry): Buffer {
  const data = entry.data ?? Buffer.alloc(0)
  const padding = Buffer.alloc((BLOCK - (data.length % BLOCK)) % BLOCK)
  return Buffer.concat([tarHeader(entry, data.length), data, padding])
}

/** The end-of-archive marker, two zero blocks, and the zeros that fill the last record. */
export function tarEnd(length: number): Buffer {
  const marked = length + 2 * BLOCK
  return Buffer.alloc(2 * BLOCK + ((TAR_RECORD - (marked % TAR_RECORD)) % TAR_RECORD))
}

export function tarArchive(entries: readonly TarEntry[]): Buffer {
  const body = Buffer.concat(entries.map(tarEntry))
  return Buffer.concat([body, tarEnd(body.length)])
}

/** A pax extended header ('x') holding these records, as `<length> <key>=<value>\n` each. */
export function paxHeader(name: string, records: Record<string, string>): TarEntry {
  const lines = Object.entries(records).map(([key, value]) => {
    const body = ` ${key}=${value}\n`
    // The length counts its own digits.
    let length = body.length + 1
    while (`${length}${body}`.length !== length) length++
    return `${length}${body}`
  })
  return { name: `PaxHeaders/${name}`.slice(0, 99), type: 'x', data: Buffer.from(lines.join('')) }
}

export interface ZipEntry {
  name: string
  data: Buffer
}

export interface ZipOptions {
  comment?: string
  /** End with a ZIP64 end record and its locator, the classic record's fields set to their maximum. */
  zip64?: boolean
}

const DOS_TIME = (4 << 11) | (0 << 5) // 04:00:00
const DOS_DATE = ((2026 - 1980) << 9) | (1 << 5) | 1 // 2026-01-01

/** A zip of stored (uncompressed) entries: local headers, the central directory, its end record. */
export function zipArchive(entries: readonly ZipEntry[], options: ZipOptions = {}): Buffer {
  const locals: Buffer[] = []
  const central: Buffer[] = []
  let offset = 0
  for (const { name, data } of entries) {
    const nameBytes = Buffer.from(name, 'utf8')
    const crc = crc32(data)
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(0x0800, 6) // names in UTF-8
    local.writeUInt16LE(0, 8) // stored
    local.writeUInt16LE(DOS_TIME, 10)
    local.writeUInt16LE(DOS_DATE, 12)
    local.writeUInt32LE(crc, 14)
    local.writeUInt32LE(data.length, 18)
    local.writeUInt32LE(data.length, 22)
    local.writeUInt16LE(nameBytes.length, 26)
    const record = Buffer.alloc(46)
    record.writeUInt32LE(0x02014b50, 0)
    record.writeUInt16LE(0x031e, 4) // made on Unix, spec 3.0
    local.copy(record, 6, 4, 28) // version needed to name length: the same fields
    record.writeUInt32LE(0o100644 * 65536, 38) // a regular file, rw-r--r--
    record.writeUInt32LE(offset, 42)
    locals.push(local, nameBytes, data)
    central.push(record, nameBytes)
    offset += local.length + nameBytes.length + data.length
  }
  const directory = Buffer.concat(central)
  const comment = Buffer.from(options.comment ?? '', 'utf8')
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(options.zip64 ? 0xffff : entries.length, 8)
  end.writeUInt16LE(options.zip64 ? 0xffff : entries.length, 10)
  end.writeUInt32LE(options.zip64 ? 0xffffffff : directory.length, 12)
  end.writeUInt32LE(options.zip64 ? 0xffffffff : offset, 16)
  end.writeUInt16LE(comment.length, 20)
  const zip64 = options.zip64 ? zip64End(entries.length, directory.length, offset) : []
  return Buffer.concat([...locals, directory, ...zip64, end, comment])
}

function zip64End(entries: number, size: number, offset: number): Buffer[] {
  const record = Buffer.alloc(56)
  record.writeUInt32LE(0x06064b50, 0)
  record.writeBigUInt64LE(44n, 4) // the record's size after this field
  record.writeUInt16LE(0x032d, 12) // made on Unix, spec 4.5
  record.writeUInt16LE(45, 14)
  record.writeBigUInt64LE(BigInt(entries), 24)
  record.writeBigUInt64LE(BigInt(entries), 32)
  record.writeBigUInt64LE(BigInt(size), 40)
  record.writeBigUInt64LE(BigInt(offset), 48)
  const locator = Buffer.alloc(20)
  locator.writeUInt32LE(0x07064b50, 0)
  locator.writeBigUInt64LE(BigInt(offset + size), 8)
  locator.writeUInt32LE(1, 16)
  return [record, locator]
}
