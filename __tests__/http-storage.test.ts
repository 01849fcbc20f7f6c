// A storage attempt's failures as facts and words, on plain values: the same words as API errors
// for the same network code, and a body that broke off says how far it got.
import { describe, expect, it } from '@jest/globals'
import { networkReason } from '../src/http/codes.js'
import { bodyFailure, brokeOff, networkFailure } from '../src/http/storage.js'

const coded = (code: string): Error => Object.assign(new Error(code), { code })

describe('networkFailure', () => {
  it.each(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EPIPE'])(
    '%s reads as it does in an API error',
    (code) => {
      expect(networkFailure(coded(code), 30_000)).toEqual({
        kind: 'network',
        code,
        reason: networkReason(code),
      })
    },
  )

  it('gives an unknown code once, and a failure without one as a network error', () => {
    expect(networkFailure(coded('EWEIRD'), 30_000).reason).toBe('EWEIRD')
    expect(networkFailure(new Error('boom'), 30_000)).toEqual({
      kind: 'network',
      reason: 'network error',
    })
  })
})

describe('bodyFailure', () => {
  it('says how many bytes came before the connection broke off, and why', () => {
    expect(bodyFailure(coded('ECONNRESET'), 30_000, 2048, 4096)).toEqual({
      kind: 'network',
      code: 'ECONNRESET',
      reason: 'the connection broke off after 2048 of 4096 bytes (ECONNRESET)',
    })
    expect(bodyFailure(new Error('premature close'), 30_000, 10, null)).toEqual({
      kind: 'network',
      reason: 'the connection broke off after 10 bytes',
    })
  })

  it('words a short body the same way', () => {
    expect(brokeOff(5, 9)).toBe('the connection broke off after 5 of 9 bytes')
  })
})
