// The name patterns of the `files` input. File names come from the API, and a hostile or simply
// long one (object keys run to 1,024 bytes) must not stall the run: a pattern compiled to a
// RegExp backtracks, so that `*-*-*-*.sql.gz` against a long name takes minutes and blocks the
// event loop, timeout and signals included. Here a pattern is a list of tokens, and matching
// walks the name once, carrying the set of tokens that may come next: at most
// 2 x (name length + 1) x (token count) steps, whatever the pattern and the name.

/** `*` and `?` stay within one path segment, `**` crosses segments, `[...]` is a class. */
type Token =
  | { readonly kind: 'char'; readonly code: number }
  | { readonly kind: 'any' }
  /** `ranges` holds pairs of UTF-16 code units, lowest and highest, both included. */
  | { readonly kind: 'class'; readonly negated: boolean; readonly ranges: readonly number[] }
  | { readonly kind: 'star' }
  // `optional`: written `**` then `/`, it may match no folder at all (`a/**/b` takes `a/b`).
  | { readonly kind: 'globstar'; readonly optional: boolean }

export type Glob = readonly Token[]

export type GlobParse = { readonly glob: Glob } | { readonly problem: string }

/** Counts the matcher's steps, so that a test can bound its work without a clock. */
export interface GlobMeter {
  steps: number
}

const SLASH = '/'.charCodeAt(0)

/** The pattern as tokens, or why it is not a pattern (a class range written backwards). */
export function parseGlob(pattern: string): GlobParse {
  const glob: Token[] = []
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i] as string
    const end = char === '[' ? classEnd(pattern, i) : -1
    if (char === '*' && pattern[i + 1] === '*') {
      glob.push({ kind: 'globstar', optional: pattern[i + 2] === '/' })
      i++
    } else if (char === '*') glob.push({ kind: 'star' })
    else if (char === '?') glob.push({ kind: 'any' })
    else if (end !== -1) {
      const negated = pattern[i + 1] === '!'
      const parsed = parseClass(pattern.slice(i + (negated ? 2 : 1), end))
      if (typeof parsed === 'string') return { problem: parsed }
      glob.push({ kind: 'class', negated, ranges: parsed })
      i = end
    } else glob.push({ kind: 'char', code: pattern.charCodeAt(i) })
  }
  return { glob }
}

/** Whether the whole name matches the glob; `meter` counts the steps taken. */
export function matchGlob(glob: Glob, name: string, meter?: GlobMeter): boolean {
  let active = new Uint8Array(glob.length + 1)
  let next = new Uint8Array(glob.length + 1)
  // Tokens reached without consuming a character in them: only there may `**/` match nothing.
  let entered = new Uint8Array(glob.length + 1)
  let enteredNext = new Uint8Array(glob.length + 1)
  active[0] = 1
  entered[0] = 1
  let steps = skipStars(glob, active, entered)
  for (let at = 0; at < name.length; at++) {
    const code = name.charCodeAt(at)
    next.fill(0)
    enteredNext.fill(0)
    let alive = false
    for (let i = 0; i < glob.length; i++) {
      steps++
      if (active[i] === 0) continue
      const token = glob[i] as Token
      // A star consumes the character and stays; any other token consumes it and moves on.
      const stays = token.kind === 'globstar' || (token.kind === 'star' && code !== SLASH)
      const target = stays ? i : accepts(token, code) ? i + 1 : -1
      if (target !== -1) {
        next[target] = 1
        if (target !== i) enteredNext[target] = 1
        alive = true
      }
    }
    ;[active, next] = [next, active]
    ;[entered, enteredNext] = [enteredNext, entered]
    // No token can take the rest of the name: stop here rather than walk it to the end.
    if (!alive) break
    steps += skipStars(glob, active, entered)
  }
  if (meter) meter.steps += steps
  return active[glob.length] === 1
}

// A star may match nothing, so the token after an active star is active too; and a `**/` just
// entered may match no folder, so the token after its `/` is active too.
function skipStars(glob: Glob, active: Uint8Array, entered: Uint8Array): number {
  for (let i = 0; i < glob.length; i++) {
    const token = glob[i] as Token
    if (active[i] !== 1 || (token.kind !== 'star' && token.kind !== 'globstar')) continue
    active[i + 1] = 1
    entered[i + 1] = 1
    if (token.kind === 'globstar' && token.optional && entered[i] === 1) {
      active[i + 2] = 1
      entered[i + 2] = 1
    }
  }
  return glob.length
}

function accepts(token: Token, code: number): boolean {
  if (token.kind === 'char') return code === token.code
  // Like `*`, `?` and a class (even a negated one) never match the `/` between path segments.
  if (code === SLASH) return false
  if (token.kind === 'any') return true
  if (token.kind !== 'class') return false
  let member = false
  for (let i = 0; i < token.ranges.length && !member; i += 2)
    member = (token.ranges[i] as number) <= code && code <= (token.ranges[i + 1] as number)
  return member !== token.negated
}

/** Where a `[` class closes; a `]` right after `[` or `[!` is a member, not the end. */
function classEnd(pattern: string, start: number): number {
  const first = pattern[start + 1] === '!' ? start + 2 : start + 1
  return pattern.indexOf(']', first + 1)
}

/**
 * A class body as ranges. `a-z` is a range; a `-` first, last or right after a range is itself
 * a member; every other character, `\` and `^` included, stands for itself.
 */
function parseClass(body: string): number[] | string {
  const ranges: number[] = []
  for (let i = 0; i < body.length;) {
    const low = body.charCodeAt(i)
    if (body[i + 1] === '-' && i + 2 < body.length) {
      const high = body.charCodeAt(i + 2)
      if (low > high) {
        const written = JSON.stringify(body.slice(i, i + 3))
        const fixed = JSON.stringify(`${body[i + 2]}-${body[i]}`)
        return `its class range ${written} runs backwards (write ${fixed})`
      }
      ranges.push(low, high)
      i += 3
    } else {
      ranges.push(low, low)
      i++
    }
  }
  return ranges
}
