// Whether a file looks like what its name says, from its first bytes alone. This is what tells a
// damaged file from one that may be encrypted: encryption leaves nothing of a format's magic, while
// damage rarely reaches the first bytes, and a truncation never does.
import { BLOCK, checksumOk, isZeroBlock } from './tar-header.js'

export type Kind = 'sql' | 'tar' | 'zip'

export interface FileKind {
  /** Stored gzipped (`.gz`, `.tgz`): the content is what gunzip gives. */
  gzip: boolean
  /** What the content is, or null when no content check knows the type. */
  content: Kind | null
}

/** What a name says the file is. */
export function fileKind(name: string): FileKind {
  const lower = name.toLowerCase()
  if (lower.endsWith('.tgz')) return { gzip: true, content: 'tar' }
  const gzip = lower.endsWith('.gz')
  const inner = gzip ? lower.slice(0, -3) : lower
  const content = (['sql', 'tar', 'zip'] as const).find((kind) => inner.endsWith(`.${kind}`))
  return { gzip, content: content ?? null }
}

/** How many first bytes decide: one tar header, and plenty to tell text from binary. */
export const HEAD_BYTES = BLOCK

/** gzip's magic (1f 8b) and its only compression method, deflate (08). */
export function looksLikeGzip(head: Buffer): boolean {
  return head.length >= 3 && head[0] === 0x1f && head[1] === 0x8b && head[2] === 0x08
}

/**
 * Text, as every SQL dump begins: comments and SET statements. No control byte other than tab,
 * line breaks and escape; random bytes have one in every ten, so ciphertext fails at once.
 */
export function looksLikeText(head: Buffer): boolean {
  if (head.length === 0) return false
  for (const byte of head) {
    if (byte >= 0x20 || byte === 0x1b) continue
    if (byte < 0x09 || byte > 0x0d) return false
  }
  return true
}

/** A first header whose checksum holds (or the zero block of an empty archive). */
export function looksLikeTar(head: Buffer): boolean {
  if (head.length >= BLOCK) {
    const block = head.subarray(0, BLOCK)
    return isZeroBlock(block) || checksumOk(block)
  }
  // A header cut short can still show ustar's magic.
  return head.length >= 262 && head.toString('latin1', 257, 262) === 'ustar'
}

/** A local file header, or the end record of an empty zip, or the spanning marker. */
export function looksLikeZip(head: Buffer): boolean {
  if (head.length < 4 || head[0] !== 0x50 || head[1] !== 0x4b) return false
  const [third, fourth] = [head[2], head[3]]
  return (
    (third === 3 && fourth === 4) || (third === 5 && fourth === 6) || (third === 7 && fourth === 8)
  )
}

const LOOKS: Record<Kind, (head: Buffer) => boolean> = {
  sql: looksLikeText,
  tar: looksLikeTar,
  zip: looksLikeZip,
}

/** Whether content of `kind` starts like `head`. */
export function looksLike(kind: Kind, head: Buffer): boolean {
  return LOOKS[kind](head)
}

/**
 * Whether a file's first bytes, as stored, look like its name says: gzip's magic for a .gz or
 * .tgz, else its content's own. True for a type no check knows: nothing to tell.
 */
export function looksLikeName(name: string, head: Buffer): boolean {
  const kind = fileKind(name)
  if (kind.gzip) return looksLikeGzip(head)
  return kind.content === null || looksLike(kind.content, head)
}
