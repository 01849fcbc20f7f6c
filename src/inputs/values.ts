// The values inside inputs, read from plain strings. Each function here is pure and answers a
// typed value, or the problems to fix in the workflow, each naming its input. Which inputs a
// command reads, and the rules between inputs, are in parse.ts.
import { formatDuration, parseDuration } from '../duration.js'
import { isSecureUrl } from '../http/loopback.js'
import { parseGlob } from './glob.js'
import { Input, type InputName, type JobsInputName } from './names.js'
import type { Compute, FileSelector } from './settings.js'

export type Parsed<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly problems: readonly string[] }

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

// GitHub refuses longer label names.
export const MAX_LABEL_LENGTH = 50

export const MAX_TIMEOUT_MS = 6 * 3_600_000
// Faster checks than this would only spend the API's rate limit.
export const MIN_POLL_INTERVAL_MS = 100

export interface Bounds {
  readonly min: number
  readonly max: number
}

export const DURATION_BOUNDS = {
  timeout: { min: 1000, max: MAX_TIMEOUT_MS },
  pollInterval: { min: MIN_POLL_INTERVAL_MS, max: MAX_TIMEOUT_MS },
  /** `max_backup_age` and `max_restore_duration`: no upper bound but a number's. */
  limit: { min: 1000, max: Number.MAX_SAFE_INTEGER },
} as const satisfies Record<string, Bounds>

export const ok = <T>(value: T): Parsed<T> => ({ ok: true, value })
export const refused = (...problems: string[]): Parsed<never> => ({ ok: false, problems })

/**
 * "`name` rule (got "value")". The value is shown when `got` is given: never for a token, and
 * not where the rule already says what is missing.
 */
export function problem(
  name: InputName | JobsInputName,
  rule: string,
  { got }: { got?: string } = {},
): string {
  return got === undefined ? `\`${name}\` ${rule}` : `\`${name}\` ${rule} (got ${quote(got)})`
}

type Values<F> = { [K in keyof F]: F[K] extends Parsed<infer T> ? T : never }

/**
 * Every field's value, or every field's problems in the order of the fields: one run names every
 * bad input at once, so that one edit of the workflow fixes them all.
 */
export function collect<F extends Record<string, Parsed<unknown>>>(fields: F): Parsed<Values<F>> {
  const problems = Object.values(fields).flatMap((field) => (field.ok ? [] : field.problems))
  if (problems.length > 0) return { ok: false, problems }
  const values = Object.fromEntries(
    Object.entries(fields).map(([key, field]) => [key, field.ok ? field.value : undefined]),
  )
  // Each field is ok here, so each key holds the value its Parsed promised.
  return ok(values as Values<F>)
}

/** One of `choices`, exactly as written. */
export function oneOf<C extends string>(
  name: InputName,
  text: string,
  choices: readonly C[],
): Parsed<C> {
  const found = choices.find((choice) => choice === text)
  if (found !== undefined) return ok(found)
  const listed = choices.map((choice) => `\`${choice}\``)
  const words = `${listed.slice(0, -1).join(', ')} or ${listed.at(-1) ?? ''}`
  return refused(problem(name, `must be ${words}`, { got: text }))
}

// The same words core.getBooleanInput accepts (YAML 1.2 core schema), so no typo becomes `false`.
export function parseBoolean(name: InputName, text: string): Parsed<boolean> {
  if (['true', 'True', 'TRUE'].includes(text)) return ok(true)
  if (['false', 'False', 'FALSE'].includes(text)) return ok(false)
  return refused(problem(name, 'must be `true` or `false`', { got: text }))
}

/** A duration within `bounds`; an empty one is a problem too. */
export function requiredDuration(name: InputName, text: string, bounds: Bounds): Parsed<number> {
  const ms = parseDuration(text)
  if (ms === null) {
    const rule =
      'must be a duration such as `90s`, `30m`, `1h30m`, `30d`, `500ms` or a number of seconds'
    return refused(problem(name, rule, { got: text }))
  }
  if (ms < bounds.min)
    return refused(problem(name, `must be at least ${formatDuration(bounds.min)}`, { got: text }))
  if (ms > bounds.max)
    return refused(problem(name, `must be at most ${formatDuration(bounds.max)}`, { got: text }))
  return ok(ms)
}

/** A duration within `bounds`, or null when none is given. */
export function optionalDuration(
  name: InputName,
  text: string,
  bounds: Bounds,
): Parsed<number | null> {
  return text === '' ? ok(null) : requiredDuration(name, text, bounds)
}

/** Null for an empty input, else the text. */
export function optionalText(text: string): string | null {
  return text === '' ? null : text
}

/** `compute_type` and `server_id` come together or not at all. */
export function parseCompute(type: string, serverId: string): Parsed<Compute | null> {
  if (type === '' && serverId === '') return ok(null)
  const problems: string[] = []
  const validType = type === 'server' || type === 'ss_agent'
  if (type === '') {
    const rule = 'is required with `server_id`: `server` or `ss_agent`'
    problems.push(problem(Input.computeType, rule, { got: type }))
  } else if (!validType)
    problems.push(problem(Input.computeType, 'must be `server` or `ss_agent`', { got: type }))
  const id = /^\d+$/.test(serverId) ? Number(serverId) : NaN
  if (serverId === '') {
    const rule = 'is required with `compute_type`: a positive integer'
    problems.push(problem(Input.serverId, rule, { got: serverId }))
  } else if (!(Number.isSafeInteger(id) && id > 0))
    problems.push(problem(Input.serverId, 'must be a positive integer', { got: serverId }))
  if (!validType || problems.length > 0) return refused(...problems)
  return ok(Object.freeze({ type, serverId: id }))
}

/** Entries separated by commas or new lines; UUIDs are file ids, anything else a name pattern. */
export function parseFiles(text: string): FileSelector[] {
  const entries = [...new Set(text.split(/[,\n]/).map((entry) => entry.trim()))]
  return entries
    .filter((entry) => entry !== '')
    .map((entry) =>
      UUID.test(entry)
        ? { kind: 'id', id: entry.toLowerCase() }
        : { kind: 'pattern', pattern: entry },
    )
}

/** The `files` input, each pattern entry that cannot be matched refused by name before the API is asked. */
export function parseFileList(text: string): Parsed<readonly FileSelector[]> {
  const files = parseFiles(text)
  const problems = files.flatMap((selector) => {
    if (selector.kind !== 'pattern') return []
    const parsed = parseGlob(selector.pattern)
    if (!('problem' in parsed)) return []
    const rule = `entry ${quote(selector.pattern)} is not a pattern: ${parsed.problem}`
    return [problem(Input.files, rule)]
  })
  return problems.length > 0 ? refused(...problems) : ok(Object.freeze(files))
}

/** What is wrong with `issue_label`, or null when the drill can find its issue by it. */
export function labelRule(label: string): string | null {
  if (label === '' || label.length > MAX_LABEL_LENGTH)
    return `must be a label name of 1 to ${MAX_LABEL_LENGTH} characters`
  // GitHub's issue list reads `labels=a,b` as two labels, so a label with a comma would never
  // find the drill's own issue, and every failing run would open another.
  if (label.includes(','))
    return 'must be one label name, without a comma: GitHub reads a comma as a list of labels'
  return null
}

/** `api_url` without a trailing slash. */
export function parseApiUrlInput(text: string): Parsed<string> {
  const url = parseApiUrl(text)
  if (url !== null) return ok(url)
  const rule =
    'must be an https:// URL without user:password, query or fragment ' +
    '(http:// only for loopback hosts)'
  return refused(problem(Input.apiUrl, rule, { got: text }))
}

export function parseApiUrl(text: string): string | null {
  // Paths are appended to the base URL, so a query or fragment would swallow them. The raw text
  // is checked: URL drops an empty `?` or `#` from `search` and `hash` but keeps it in `href`.
  if (/[?#]/.test(text)) return null
  let url: URL
  try {
    url = new URL(text)
  } catch {
    return null
  }
  if (url.username !== '' || url.password !== '') return null
  if (!isSecureUrl(url)) return null
  return url.href.replace(/\/+$/, '')
}

export function quote(value: string): string {
  const cut = value.length > 60 ? `${value.slice(0, 60)}…` : value
  return JSON.stringify(cut)
}
