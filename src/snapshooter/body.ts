// The body of an answer as text in, JSON or the API's error message out. A body may be empty,
// HTML from a proxy, or JSON without `message`, so error bodies are read leniently.

import { MAX_FIELD_ERRORS, TEXT_LIMITS } from './api.js'
import { ApiError } from './errors.js'
import { cleanText, type Secrets } from './text.js'

type Json = Record<string, unknown>

/** A successful answer's body as JSON, or a malformed error that says what came instead. */
export function parseJsonBody(body: string, request: string): unknown {
  const malformed = (detail: string): ApiError =>
    new ApiError({ kind: 'malformed', request, detail })
  const trimmed = body.trim()
  if (trimmed === '') throw malformed('the body was empty')
  if (trimmed.startsWith('<')) throw malformed('an HTML page came instead')
  try {
    return JSON.parse(trimmed) as unknown
  } catch {
    throw malformed('the body is not valid JSON')
  }
}

export interface ErrorBody {
  apiMessage?: string
  fieldErrors?: Record<string, string[]>
}

/**
 * Reads an error answer leniently: it may be empty, HTML, or JSON without `message`. Its text is
 * made safe for one line, and SnapShooter quoting a secret back (the token, a backup's key, a
 * signed link) has it taken out before anything is cut, so that no half of one survives.
 */
export function parseErrorBody(body: string, secrets?: Secrets): ErrorBody {
  const clean = (text: string, max: number = TEXT_LIMITS.message): string =>
    cleanText(text, max, secrets)
  let json: unknown
  try {
    json = JSON.parse(body)
  } catch {
    return {}
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return {}
  const { message, error, errors } = json as Json
  const said = typeof message === 'string' ? message : typeof error === 'string' ? error : ''
  const result: ErrorBody = said.trim() !== '' ? { apiMessage: clean(said) } : {}
  if (typeof errors !== 'object' || errors === null || Array.isArray(errors)) return result
  const fields = Object.entries(errors)
    .map(([field, list]) => {
      const messages = (Array.isArray(list) ? list : [list]).filter(
        (m): m is string => typeof m === 'string',
      )
      return [field, messages.slice(0, 3)] as const
    })
    .filter(([, messages]) => messages.length > 0)
  if (fields.length === 0) return result
  // Only what is shown is cleaned: an answer with thousands of fields costs no more than ten.
  const shown = fields
    .slice(0, MAX_FIELD_ERRORS)
    .map(([field, messages]): [string, string[]] => [
      clean(field, TEXT_LIMITS.field),
      messages.map((m) => clean(m)),
    ])
  if (fields.length > shown.length) shown.push(['…', [`${fields.length - shown.length} more`]])
  return { ...result, fieldErrors: Object.fromEntries(shown) }
}
