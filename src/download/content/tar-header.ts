// One 512-byte tar header read as POSIX ustar, GNU tar and the old v7 format lay it out. Pure
// functions of a block; the walk over a whole archive is in tar.ts.

export const BLOCK = 512

const CHECKSUM_AT = 148
const CHECKSUM_LENGTH = 8
const SPACE = 0x20

export function isZeroBlock(block: Buffer): boolean {
  for (let i = 0; i < BLOCK; i++) if (block[i] !== 0) return false
  return true
}

/**
 * An octal number as tar writes it: optional leading spaces, digits, then a NUL or a space (or
 * the field's end). Null when the field holds anything else.
 */
export function octal(block: Buffer, at: number, length: number): number | null {
  let i = at
  const end = at + length
  while (i < end && block[i] === SPACE) i++
  let value = 0
  let digits = 0
  for (; i < end; i++) {
    const byte = block[i] as number
    if (byte === 0 || byte === SPACE) break
    if (byte < 0x30 || byte > 0x37) return null
    value = value * 8 + (byte - 0x30)
    digits++
  }
  // After the terminator only more terminators may follow.
  for (; i < end; i++) if (block[i] !== 0 && block[i] !== SPACE) return null
  return digits === 0 ? null : value
}

/**
 * The checksum is the sum of the header's bytes with its own field counted as spaces. POSIX sums
 * them unsigned; some old tars summed them as signed chars, and readers accept either.
 */
export function checksumOk(block: Buffer): boolean {
  const stored = octal(block, CHECKSUM_AT, CHECKSUM_LENGTH)
  if (stored === null) return false
  let unsigned = SPACE * CHECKSUM_LENGTH
  let signed = SPACE * CHECKSUM_LENGTH
  for (let i = 0; i < BLOCK; i++) {
    if (i >= CHECKSUM_AT && i < CHECKSUM_AT + CHECKSUM_LENGTH) continue
    const byte = block[i] as number
    unsigned += byte
    signed += byte > 127 ? byte - 256 : byte
  }
  return stored === unsigned || stored === signed
}

/**
 * The entry's size in bytes: octal (up to 8 GiB), or GNU's base-256 for bigger files (the top bit
 * of the first byte set, then a big-endian number). Null when unreadable or negative.
 */
export function entrySize(block: Buffer): number | null {
  const first = block[124] as number
  if ((first & 0x80) === 0) return octal(block, 124, 12)
  // 0xff starts a negative number, which no size is.
  if (first === 0xff) return null
  let value = first & 0x7f
  for (let i = 125; i < 136; i++) {
    value = value * 256 + (block[i] as number)
    if (!Number.isSafeInteger(value)) return null
  }
  return value
}

export function typeflag(block: Buffer): string {
  return String.fromCharCode(block[156] as number)
}

function field(block: Buffer, at: number, length: number): string {
  const bytes = block.subarray(at, at + length)
  const nul = bytes.indexOf(0)
  return bytes.subarray(0, nul === -1 ? length : nul).toString('utf8')
}

/** The entry's name as the header holds it: ustar's prefix and name joined. */
export function entryName(block: Buffer): string {
  const name = field(block, 0, 100)
  const ustar = block.toString('latin1', 257, 262) === 'ustar'
  const prefix = ustar && block[345] !== 0 ? field(block, 345, 155) : ''
  return prefix === '' ? name : `${prefix}/${name}`
}

/** An old GNU sparse header ('S') is followed by extension blocks while this flag is set. */
export function sparseExtended(block: Buffer): boolean {
  return block[482] !== 0
}

/** The same flag in a sparse extension block. */
export function extensionContinues(block: Buffer): boolean {
  return block[504] !== 0
}

/** The data of an entry takes whole blocks: its size rounded up to 512. */
export function padded(size: number): number {
  return Math.ceil(size / BLOCK) * BLOCK
}
