// The values inside inputs, read from plain strings: each function here is pure. Reading the
// inputs themselves stays in inputs.ts.
import { Input, type InputName } from './constants.js'
import { isSecureUrl } from './urls.js'

export type FileSelector = { kind: 'id'; id: string } | { kind: 'pattern'; pattern: string }
export type ComputeType = 'server' | 'ss_agent'
export type Compute = { readonly type: ComputeType; readonly serverId: number }

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

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

// The same words core.getBooleanInput accepts (YAML 1.2 core schema), so no typo becomes `false`.
export function parseBoolean(text: string, onBad: () => void): boolean {
  if (['true', 'True', 'TRUE'].includes(text)) return true
  if (!['false', 'False', 'FALSE'].includes(text)) onBad()
  return false
}

export function parseApiUrl(text: string): string | null {
  let url: URL
  try {
    url = new URL(text)
  } catch {
    return null
  }
  if (url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '')
    return null
  if (!isSecureUrl(url)) return null
  return url.href.replace(/\/+$/, '')
}

export function quote(value: string): string {
  const cut = value.length > 60 ? `${value.slice(0, 60)}…` : value
  return JSON.stringify(cut)
}
