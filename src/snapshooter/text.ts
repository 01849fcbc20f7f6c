// Text that came from SnapShooter, made fit for a log line, an annotation, an output, the job
// summary and the result file. Every string of an answer passes through here where the answer is
// read, so no later code has to remember to clean it.
//
// The runner reads the step's stdout line by line and executes a line that starts with `::`
// (after leading spaces) as a workflow command, and a line that holds `##[` anywhere as the older
// form of one. API text that kept a line break or either marker could add masks, stop command
// processing or forge annotations.

import { cut, neutralise } from '../line-text.js'
import { MAX_API_TEXT } from './api.js'

/** Shown where a secret was taken out of API text, as the runner shows a mask. */
export const SCRUBBED = '***'

/**
 * Text from the API made safe for one line of prose: secrets out, neutralised, runs of space
 * collapsed, cut to `max`. The secrets go first, so that a cut never leaves half of one behind.
 */
export function cleanText(text: string, max: number = MAX_API_TEXT, secrets?: Secrets): string {
  const scrubbed = secrets === undefined ? scrubLinks(text) : secrets.scrub(text)
  return cut(neutralise(scrubbed).replace(/\s+/g, ' ').trim(), max)
}

/** A name (a file's object key) made safe to show: secrets out, neutralised, cut to `max`. */
export function cleanName(text: string, max: number, secrets: Secrets): string {
  return cut(neutralise(secrets.scrub(text)), max)
}

// A signed link is a credential whole: any URL with a query, and any word naming the parameters
// that make one (a signature, a credential, a session token), however it is quoted around. And a
// base64 PEM block (`LS0tLS1CRUdJTi` is `-----BEGIN`), the shape of every encryption_key: text
// may quote a key before the run has read it, from a backup it never asked about.
function isSecretWord(word: string): boolean {
  return (
    /x-amz-(signature|credential|security-token)|LS0tLS1CRUdJTi/i.test(word) ||
    (/[a-z]:\/\//i.test(word) && word.includes('?'))
  )
}

/**
 * Signed links and base64 keys taken out of text. Word by word, with one linear pattern, so that
 * no hostile text of megabytes can make a regular expression backtrack for minutes.
 */
export function scrubLinks(text: string): string {
  return text.replace(/[^\s"'<>`]+/g, (word) => (isSecretWord(word) ? SCRUBBED : word))
}

/** Shorter values are no secret worth the name, and scrubbing them would garble ordinary text. */
export const MIN_SECRET_LENGTH = 8

/**
 * The secrets a run knows of (the API token, each backup's encryption_key as it is read), taken
 * out of every API string before it is kept. `mask` registers one with the runner's log masking
 * the moment it is learnt.
 */
export class Secrets {
  readonly #values = new Set<string>()

  constructor(private readonly mask: (secret: string) => void = () => undefined) {}

  /** Remembers `value` when it is a string long enough to be a secret; masks it unless told not to. */
  add(value: unknown, { mask = true }: { mask?: boolean } = {}): void {
    if (typeof value !== 'string' || value.trim().length < MIN_SECRET_LENGTH) return
    if (this.#values.has(value)) return
    this.#values.add(value)
    if (mask) this.mask(value)
  }

  /** `text` without any known secret or signed link. */
  scrub(text: string): string {
    let clean = text
    // Longest first, so that a secret holding another is taken out whole.
    for (const secret of [...this.#values].sort((a, b) => b.length - a.length)) {
      if (clean.includes(secret)) clean = clean.split(secret).join(SCRUBBED)
    }
    return scrubLinks(clean)
  }
}
