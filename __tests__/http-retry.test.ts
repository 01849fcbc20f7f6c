import { describe, expect, it } from '@jest/globals'
import type { FailureKind } from '../src/http/codes.js'
import {
  isRetryablePost,
  isRetryableRead,
  parseRetryAfter,
  retryDelayMs,
} from '../src/http/retry.js'

const NOW = Date.parse('2024-05-01T12:00:00Z')
const fixed = (value: number) => () => value

const status = (code: number) => ({ kind: 'server' as FailureKind, status: code })
const network = (code?: string) => ({ kind: 'network' as FailureKind, code })

describe('Retry-After', () => {
  it('reads seconds and HTTP dates, and ignores what it cannot read', () => {
    expect(parseRetryAfter('2', NOW)).toBe(2000)
    expect(parseRetryAfter(' 0 ', NOW)).toBe(0)
    expect(parseRetryAfter('1.5', NOW)).toBe(1500)
    expect(parseRetryAfter(new Date(NOW + 7000).toUTCString(), NOW)).toBe(7000)
    expect(parseRetryAfter(new Date(NOW - 7000).toUTCString(), NOW)).toBe(0)
    expect(parseRetryAfter('soon', NOW)).toBeUndefined()
    expect(parseRetryAfter('-3', NOW)).toBeUndefined()
    expect(parseRetryAfter('', NOW)).toBeUndefined()
    expect(parseRetryAfter(undefined, NOW)).toBeUndefined()
  })
})

describe('the pause before a retry', () => {
  it("waits for the server's Retry-After plus up to a second of spread", () => {
    expect(retryDelayMs(0, '3', NOW, fixed(0))).toBe(3000)
    expect(retryDelayMs(0, '3', NOW, fixed(0.5))).toBe(3500)
    expect(retryDelayMs(4, '3', NOW, fixed(0.999))).toBe(3999)
    expect(retryDelayMs(0, new Date(NOW + 10_000).toUTCString(), NOW, fixed(0))).toBe(10_000)
  })

  it('without Retry-After, draws between 0 and 1 s × 2^k, capped at 30 s', () => {
    expect(retryDelayMs(0, undefined, NOW, fixed(0))).toBe(0)
    expect(retryDelayMs(0, undefined, NOW, fixed(0.5))).toBe(500)
    expect(retryDelayMs(1, undefined, NOW, fixed(0.5))).toBe(1000)
    expect(retryDelayMs(3, undefined, NOW, fixed(0.5))).toBe(4000)
    expect(retryDelayMs(5, undefined, NOW, fixed(0.5))).toBe(15_000)
    expect(retryDelayMs(6, undefined, NOW, fixed(0.999))).toBe(29_970)
    expect(retryDelayMs(1000, undefined, NOW, fixed(0.999))).toBe(29_970)
    expect(retryDelayMs(-1, undefined, NOW, fixed(0.5))).toBe(500)
  })

  it('falls back to backoff when Retry-After is unreadable', () => {
    expect(retryDelayMs(2, 'later', NOW, fixed(0.25))).toBe(1000)
  })

  it('stays within the bounds for any random draw', () => {
    for (let k = 0; k < 8; k++) {
      for (const r of [0, 0.1, 0.5, 0.9, 0.999999]) {
        const delay = retryDelayMs(k, undefined, NOW, fixed(r))
        expect(delay).toBeGreaterThanOrEqual(0)
        expect(delay).toBeLessThan(Math.min(30_000, 1000 * 2 ** k))
      }
    }
  })
})

describe('which reads are retried', () => {
  it.each([408, 429, 500, 502, 503, 504])('retries HTTP %i', (code) => {
    expect(isRetryableRead(status(code))).toBe(true)
  })

  it.each([301, 400, 401, 403, 404, 405, 422, 501, 505])('does not retry HTTP %i', (code) => {
    expect(isRetryableRead(status(code))).toBe(false)
  })

  it('retries network errors without an answer, and timeouts', () => {
    expect(isRetryableRead(network('ECONNREFUSED'))).toBe(true)
    expect(isRetryableRead(network('ECONNRESET'))).toBe(true)
    expect(isRetryableRead(network())).toBe(true)
    expect(isRetryableRead({ kind: 'timeout' })).toBe(true)
  })

  it.each([
    'CERT_HAS_EXPIRED',
    'DEPTH_ZERO_SELF_SIGNED_CERT',
    'SELF_SIGNED_CERT_IN_CHAIN',
    'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
    'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
    'ERR_TLS_CERT_ALTNAME_INVALID',
    'ERR_SSL_WRONG_VERSION_NUMBER',
  ])('does not retry the certificate failure %s: asking again cannot fix it', (code) => {
    expect(isRetryableRead(network(code))).toBe(false)
  })

  it('does not retry a malformed answer, a cancel or a passed deadline', () => {
    expect(isRetryableRead({ kind: 'malformed', status: 200 })).toBe(false)
    expect(isRetryableRead({ kind: 'malformed' })).toBe(false)
    expect(isRetryableRead({ kind: 'cancelled' })).toBe(false)
    expect(isRetryableRead({ kind: 'deadline' })).toBe(false)
  })
})

describe('which restore POSTs are sent again', () => {
  it('retries 429 and a refused connection: the server surely did not act', () => {
    expect(isRetryablePost({ kind: 'rate_limited', status: 429 })).toBe(true)
    expect(isRetryablePost(network('ECONNREFUSED'))).toBe(true)
  })

  it.each([408, 500, 502, 503, 504])('never after HTTP %i: it may have started', (code) => {
    expect(isRetryablePost(status(code))).toBe(false)
  })

  it('never after a reset, an unknown network error, or a timeout', () => {
    expect(isRetryablePost(network('ECONNRESET'))).toBe(false)
    expect(isRetryablePost(network())).toBe(false)
    expect(isRetryablePost({ kind: 'timeout' })).toBe(false)
    expect(isRetryablePost({ kind: 'malformed', status: 201 })).toBe(false)
  })
})
