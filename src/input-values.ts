// The values inside inputs, read from plain strings: each function here is pure. Reading the
// inputs themselves stays in inputs.ts.
import { Input, type InputName } from './constants.js'
import { parseGlob } from './drill/glob.js'
import { isSecureUrl } from './urls.js'

export type FileSelector = { kind: 'id'; id: string } | { kind: 'pattern'; pattern: string }
export type ComputeType = 'server' | 'ss_agent'
export type Compute = { readonly type: ComputeType; readonly serverId: number }

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

// GitHub refuses longer label names.
export const MAX_LABEL_LENGTH = 50

type Bad = (name: InputName, rule: string, shown?: boolean) => void

export function parseCompute(
  type: string,
  serverId: string,
  bad: (name: InputName, rule: string) => void,
): Compute | null {
  if (type === '' && serverId === '') return null
  const validType = type === 'server' || type === 'ss_agent'
  if (type === '') bad(Input.computeType, 'is required with `server_id`: `server` or `ss_agent`')
  else if (!validType) bad(Input.computeType, 'must be `server` or `ss_agent`')
  const id = /^\d+$/.test(serverId) ? Number(serverId) : NaN
  const validId = Number.isSafeInteger(id) && id > 0
  if (serverId === '') bad(Input.serverId, 'is required with `compute_type`: a positive integer')
  else if (!validId) bad(Input.serverId, 'must be a positive integer')
  return validType && validId ? Object.freeze({ type: type as ComputeType, serverId: id }) : null
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

/** Refuses each pattern entry that cannot be matched, by name, before the API is asked. */
export function checkPatterns(files: readonly FileSelector[], bad: Bad): void {
  for (const selector of files) {
    if (selector.kind !== 'pattern') continue
    const parsed = parseGlob(selector.pattern)
    if ('problem' in parsed)
      bad(
        Input.files,
        `entry ${quote(selector.pattern)} is not a pattern: ${parsed.problem}`,
        false,
      )
  }
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

// The same words core.getBooleanInput accepts (YAML 1.2 core schema), so no typo becomes `false`.
export function parseBoolean(text: string, onBad: () => void): boolean {
  if (['true', 'True', 'TRUE'].includes(text)) return true
  if (!['false', 'False', 'FALSE'].includes(text)) onBad()
  return false
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
