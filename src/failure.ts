// The one error base of the project, and the one way to turn anything thrown into a line of text,
// so no caller reaches for `(e as any).message` (docs/architecture.md, Failures).

/** How a run that stops on a failure ends. */
export type FailureOutcome = 'failed' | 'timed_out' | 'cancelled'

export interface FailureOptions {
  /** `failed` unless the failure says otherwise. */
  outcome?: FailureOutcome
  cause?: unknown
}

/**
 * A failure the project knows: its message is the run's one error line (what failed, for which
 * id, why, and what to do), and its outcome is how the run ends. The verdict reads both, so it
 * needs to know no error class, and no class needs loading to be recognised.
 */
export class Failure extends Error {
  readonly outcome: FailureOutcome

  constructor(message: string, { outcome = 'failed', cause }: FailureOptions = {}) {
    super(oneLine(message), cause === undefined ? undefined : { cause })
    this.name = 'Failure'
    this.outcome = outcome
  }
}

/**
 * Text as one line: an annotation shows a message whole, and a line break (a name from the API,
 * an error from below) would make one failure look like several, or cut its reason short.
 */
export function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ')
}

/** The message of an Error, or a readable form of whatever else was thrown. */
export function errorMessage(e: unknown): string {
  if (e instanceof Error) return e.message !== '' ? e.message : e.name
  if (typeof e === 'string') return e
  if (e === undefined || e === null) return `unknown error (${String(e)})`
  if (typeof e === 'object' && 'message' in e && typeof e.message === 'string') return e.message
  try {
    const json = JSON.stringify(e)
    if (json !== undefined) return json
  } catch {
    // A cyclic object or a BigInt: fall through to String().
  }
  // A cyclic object, a function, a symbol or a BigInt: its default name is all that is left.
  // eslint-disable-next-line @typescript-eslint/no-base-to-string
  return String(e)
}
