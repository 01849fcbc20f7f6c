// What went wrong on the wire, in words: the kind of failure an HTTP status is, and the network
// error codes Node reports, each with the words a person reads. One table, so that an API error
// and a storage failure name the same cause the same way.

/** What kind of failure an attempt met; the retry policy and the error lines read it. */
export type FailureKind =
  | 'auth'
  | 'forbidden'
  | 'not_found'
  | 'validation'
  | 'rate_limited'
  | 'server'
  | 'network'
  | 'timeout'
  | 'malformed'
  | 'cancelled'
  | 'deadline'

/** The kind of a non-2xx answer. Other 4xx are refusals of the request as sent. */
export function kindOfStatus(status: number): FailureKind {
  if (status === 401) return 'auth'
  if (status === 403) return 'forbidden'
  if (status === 404) return 'not_found'
  if (status === 408) return 'timeout'
  if (status === 429) return 'rate_limited'
  if (status >= 400 && status < 500) return 'validation'
  return 'server'
}

const NETWORK_WORDS: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  EPIPE: 'connection closed while sending',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host name lookup failed',
  ETIMEDOUT: 'connection timed out',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  // axios' codes: a body cut short, and a failure it could not name.
  ERR_BAD_RESPONSE: 'the answer broke off',
  ERR_NETWORK: 'network error',
}

/**
 * A network error code as a person reads it: `connection refused (ECONNREFUSED)`, a code without
 * words as it is (it is still what to search for), undefined without a code.
 */
export function networkReason(code: string | undefined): string | undefined {
  if (code === undefined || code === '') return undefined
  const words = NETWORK_WORDS[code]
  return words !== undefined ? `${words} (${code})` : code
}

/** No connection was made, so the server cannot have acted on the request. */
export const NEVER_CONNECTED_CODES: ReadonlySet<string> = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
])
