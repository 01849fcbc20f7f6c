// What a content check says about one file, and the shape every checker has: it is fed the
// file's content chunk by chunk (the decompressed bytes of a .gz) and gives its verdict at the
// end, so that no file is ever extracted or held whole.

export interface FileCheck {
  /** What was checked: `sql`, `tar`, `zip`, or `gzip` for a .gz that was not gunzipped. */
  name: string
  /** true: passed; false: failed (the file is damaged or incomplete); null: skipped. */
  passed: boolean | null
  /** One line for the summary and the result: what was seen, or why it failed or was skipped. */
  detail: string
}

export interface ContentChecker {
  /** The check's name, as its FileCheck will carry it. */
  readonly name: string
  /** The next bytes of the content, in order. The checker keeps no reference it does not need. */
  write(chunk: Buffer): void
  /** Once the content has ended: the verdicts. */
  end(): FileCheck[]
}

export interface ContentOptions {
  /**
   * The backup carries an encryption_key. What an encrypted file looks like is not documented,
   * so a file that does not look like its name says is then skipped, never called corrupt.
   */
  encrypted: boolean
}

export const LOOKS_ENCRYPTED = 'looks encrypted: content checks skipped'

export function skippedAsEncrypted(name: string): FileCheck {
  return { name, passed: null, detail: LOOKS_ENCRYPTED }
}

/** The check was skipped because the file looks encrypted: the run warns about it. */
export function looksEncrypted(check: FileCheck): boolean {
  return check.passed === null && check.detail === LOOKS_ENCRYPTED
}
