// Content checks for download mode (`verify: content`): what a file's name says it is picks its
// checker. Each is fed the file's content as it streams (the decompressed bytes of a .gz, which
// the download's gunzip already makes) and gives its verdicts at the end; nothing is extracted.
//
// A file no checker knows gets none: its `checks` stay empty, and it was verified for integrity
// only (size, SHA-256, and gunzip for a .gz), which is what the summary says of it.
import { Guarded } from './guard.js'
import { fileKind, type Kind } from './looks.js'
import { SqlChecker } from './sql.js'
import { TarChecker } from './tar.js'
import type { ContentChecker, ContentOptions } from './types.js'
import { ZipChecker } from './zip.js'

export { fileKind, looksLikeGzip, looksLikeName, type FileKind, type Kind } from './looks.js'
export {
  LOOKS_ENCRYPTED,
  looksEncrypted,
  skippedAsEncrypted,
  type ContentChecker,
  type ContentOptions,
  type FileCheck,
} from './types.js'

const CHECKERS: Record<Kind, () => ContentChecker> = {
  sql: () => new SqlChecker(),
  tar: () => new TarChecker(),
  zip: () => new ZipChecker(),
}

/** The checker for a file of this name, or null when its type has no content check. */
export function contentCheckerFor(name: string, options: ContentOptions): ContentChecker | null {
  const { content } = fileKind(name)
  return content === null ? null : new Guarded(content, options, CHECKERS[content]())
}
