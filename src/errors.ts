// One way to turn anything thrown into a line of text, so no caller reaches for `(e as any).message`.

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
  return String(e)
}
