// The one loopback rule, on plain values: what may take an http:// api_url and always goes
// direct, and what only looks like loopback.
import { describe, expect, it } from '@jest/globals'
import { isLoopbackHost } from '../src/http/loopback.js'

const hostOf = (url: string): string => new URL(url).hostname

describe('isLoopbackHost', () => {
  it.each([
    'http://localhost:4010',
    'http://LOCALHOST',
    'http://127.0.0.1:4010',
    'http://127.255.255.254',
    'http://127.1',
    'http://2130706433',
    'http://[::1]:4010',
    'http://[0:0:0:0:0:0:0:1]',
  ])('%s is loopback', (url) => {
    expect(isLoopbackHost(hostOf(url))).toBe(true)
  })

  it.each([
    // Resolved by the system resolver, which may ask DNS: not certainly this machine.
    'http://a.localhost',
    'http://api.localhost:4010',
    'http://localhost.',
    'http://localhost.example.com',
    'http://127.0.0.1.nip.io',
    'http://128.0.0.1',
    'http://10.0.0.1',
    'http://0.0.0.0',
    'http://[::2]',
    'http://[::ffff:127.0.0.1]',
    'http://example.com',
  ])('%s is not loopback', (url) => {
    expect(isLoopbackHost(hostOf(url))).toBe(false)
  })

  it('reads a bare name or address too, brackets or not', () => {
    expect(['localhost', '127.0.0.1', '::1', '[::1]'].map(isLoopbackHost)).toEqual([
      true,
      true,
      true,
      true,
    ])
    expect(['', '127.0.0.256', '127.0.0', 'localhost:80'].map(isLoopbackHost)).toEqual([
      false,
      false,
      false,
      false,
    ])
  })
})
