// The words for what went wrong on the wire, shared by API errors and storage failures.
import { describe, expect, it } from '@jest/globals'
import { kindOfStatus, networkReason } from '../src/http/codes.js'

describe('kindOfStatus', () => {
  it.each([
    [401, 'auth'],
    [403, 'forbidden'],
    [404, 'not_found'],
    [408, 'timeout'],
    [422, 'validation'],
    [400, 'validation'],
    [405, 'validation'],
    [429, 'rate_limited'],
    [500, 'server'],
    [503, 'server'],
    [302, 'server'],
  ])('HTTP %i is %s', (code, kind) => {
    expect(kindOfStatus(code)).toBe(kind)
  })
})

describe('networkReason', () => {
  it('names a known code in words, with the code to search for', () => {
    expect(networkReason('ECONNREFUSED')).toBe('connection refused (ECONNREFUSED)')
    expect(networkReason('ECONNRESET')).toBe('connection reset (ECONNRESET)')
    expect(networkReason('ENOTFOUND')).toBe('host not found (ENOTFOUND)')
  })

  it('gives an unknown code as it is, once, and nothing without a code', () => {
    expect(networkReason('EWEIRD')).toBe('EWEIRD')
    expect(networkReason('')).toBeUndefined()
    expect(networkReason(undefined)).toBeUndefined()
  })
})
