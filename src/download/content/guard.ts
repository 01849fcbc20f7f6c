// The first bytes decide whether a content check runs at all. Content that looks like its type is
// checked in full, and a failure then is a failure whatever the backup carries. Content that does
// not is corrupt, unless the backup is encrypted: then it is most likely ciphertext, and skipped.
import { errorMessage } from '../../failure.js'
import { cut, neutralise } from '../../line-text.js'
import { HEAD_BYTES, looksLike, type Kind } from './looks.js'
import { skippedAsEncrypted, type ContentChecker, type ContentOptions } from './types.js'
import type { FileCheck } from './types.js'

const WHAT: Record<Kind, string> = {
  sql: 'an SQL dump',
  tar: 'a tar archive',
  zip: 'a zip archive',
}

const UNLIKE: Record<Kind, string> = {
  sql: 'it starts with binary data',
  tar: 'its first header is not a valid tar header',
  zip: 'it does not start with a zip signature',
}

type Decision = 'check' | 'skip' | 'fail' | 'custom-format'

const oneLine = (error: unknown): string => cut(neutralise(errorMessage(error)), 200)

export class Guarded implements ContentChecker {
  readonly name: Kind
  private head: Buffer[] = []
  private headBytes = 0
  private decision: Decision | null = null
  /** A checker that threw: a defect of its own, which must neither pass nor fail the file. */
  private broken: string | null = null

  constructor(
    kind: Kind,
    private readonly options: ContentOptions,
    private readonly inner: ContentChecker,
  ) {
    this.name = kind
  }

  write(chunk: Buffer): void {
    if (this.broken !== null) return
    try {
      if (this.decision === 'check') return this.inner.write(chunk)
      if (this.decision !== null || chunk.length === 0) return
      this.head.push(chunk)
      this.headBytes += chunk.length
      if (this.headBytes >= HEAD_BYTES) this.decide()
    } catch (error) {
      this.broken = oneLine(error)
    }
  }

  end(): FileCheck[] {
    try {
      if (this.broken === null) return this.verdicts()
    } catch (error) {
      this.broken = oneLine(error)
    }
    return [this.check(null, `not checked: the check failed (${this.broken})`)]
  }

  private verdicts(): FileCheck[] {
    // Encryption never makes an empty file, so an empty one is a failure whatever the key.
    if (this.decision === null && this.headBytes === 0)
      return [this.check(false, `empty, so not ${WHAT[this.name]}`)]
    if (this.decision === null) this.decide()
    switch (this.decision) {
      case 'check':
        return this.inner.end()
      case 'skip':
        return [skippedAsEncrypted(this.name)]
      case 'custom-format':
        return [
          this.check(null, "pg_dump's custom format, not plain SQL: its content is not checked"),
        ]
      default:
        return [this.check(false, `does not look like ${WHAT[this.name]}: ${UNLIKE[this.name]}`)]
    }
  }

  private decide(): void {
    const chunks = this.head
    const head = chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks)
    this.head = []
    if (looksLike(this.name, head.subarray(0, HEAD_BYTES))) {
      this.decision = 'check'
      for (const chunk of chunks) this.inner.write(chunk)
    } else if (this.name === 'sql' && head.toString('latin1', 0, 5) === 'PGDMP') {
      // `pg_dump -Fc` written to a .sql name: a valid archive, only not a script to read.
      this.decision = 'custom-format'
    } else {
      this.decision = this.options.encrypted ? 'skip' : 'fail'
    }
  }

  private check(passed: boolean | null, detail: string): FileCheck {
    return { name: this.name, passed, detail }
  }
}
