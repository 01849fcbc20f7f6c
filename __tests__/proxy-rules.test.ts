// Which requests go through which proxy: the rules runners' variables are read by.
import { describe, expect, it } from '@jest/globals'
import { agentsFor, proxyFor, proxySecrets } from '../src/http/proxy.js'

const API = new URL('https://api.snapshooter.com/v1/backups')
const via = (target: URL | string, env: Record<string, string>): string | null =>
  proxyFor(new URL(target), env)?.href ?? null

describe('proxySecrets', () => {
  it('finds the password of every proxy URL, as written and decoded, for masking', () => {
    expect(
      proxySecrets({
        HTTPS_PROXY: 'http://me:p%40ss@proxy.corp:3128',
        http_proxy: 'proxy.corp:3128',
        HTTP_PROXY: 'http://other:s3cret@proxy.corp:8080',
      }),
    ).toEqual(['p%40ss', 'p@ss', 's3cret'])
    expect(proxySecrets({ NO_PROXY: 'x' })).toEqual([])
  })
})

describe('proxyFor', () => {
  it('goes direct when no proxy is set', () => {
    expect(via(API, {})).toBeNull()
    expect(via(API, { HTTPS_PROXY: '  ' })).toBeNull()
  })

  it('takes the proxy of the scheme, lower case first, and never the other scheme', () => {
    expect(via(API, { HTTPS_PROXY: 'http://upper:3128' })).toBe('http://upper:3128/')
    expect(via(API, { https_proxy: 'http://lower:3128', HTTPS_PROXY: 'http://upper:3128' })).toBe(
      'http://lower:3128/',
    )
    expect(via(API, { HTTP_PROXY: 'http://plain:3128' })).toBeNull()
    expect(via('http://files.example.com/x', { HTTP_PROXY: 'http://plain:3128' })).toBe(
      'http://plain:3128/',
    )
  })

  it('reads a proxy without a scheme as http://, and ignores one it cannot read', () => {
    expect(via(API, { HTTPS_PROXY: 'proxy.corp:3128' })).toBe('http://proxy.corp:3128/')
    expect(via(API, { HTTPS_PROXY: 'http://' })).toBeNull()
  })

  it.each([
    ['*', true],
    ['api.snapshooter.com', true],
    ['snapshooter.com', true],
    ['.snapshooter.com', true],
    ['*.snapshooter.com', true],
    ['API.SnapShooter.com', true],
    ['other.com, snapshooter.com', true],
    ['api.snapshooter.com:443', true],
    ['api.snapshooter.com:8443', false],
    ['shooter.com', false],
    ['napshooter.com', false],
    ['other.com', false],
  ])('NO_PROXY=%j bypasses the proxy for api.snapshooter.com: %s', (noProxy, bypassed) => {
    const env = { HTTPS_PROXY: 'http://proxy:3128', NO_PROXY: noProxy }
    expect(via(API, env)).toBe(bypassed ? null : 'http://proxy:3128/')
  })

  it('reads no_proxy before NO_PROXY, and IPv6 entries with or without brackets', () => {
    const env = { HTTPS_PROXY: 'http://proxy:3128', no_proxy: 'other.com', NO_PROXY: '*' }
    expect(via(API, env)).toBe('http://proxy:3128/')
    const v6 = 'https://[2001:db8::1]:8443/'
    expect(via(v6, { HTTPS_PROXY: 'http://p:1', NO_PROXY: '2001:db8::1' })).toBeNull()
    expect(via(v6, { HTTPS_PROXY: 'http://p:1', NO_PROXY: '[2001:db8::1]:8443' })).toBeNull()
    expect(via(v6, { HTTPS_PROXY: 'http://p:1', NO_PROXY: '[2001:db8::1]:443' })).toBe(
      'http://p:1/',
    )
  })

  it.each(['http://localhost:4010', 'http://127.0.0.1:4010', 'http://[::1]:4010'])(
    'always reaches loopback %s directly',
    (target) => {
      expect(via(target, { HTTP_PROXY: 'http://proxy:3128' })).toBeNull()
    },
  )

  it('sends a subdomain of localhost through the proxy, as any name DNS may resolve', () => {
    expect(via('http://a.localhost', { HTTP_PROXY: 'http://proxy:3128' })).toBe(
      'http://proxy:3128/',
    )
  })
})

// Node's Agent keeps the option as a property that its types do not declare.
const keptAlive = (agent: object): unknown => (agent as { keepAlive?: unknown }).keepAlive

describe('agentsFor', () => {
  it('names the proxy without its credentials, for messages', () => {
    const agents = agentsFor(API, { HTTPS_PROXY: 'http://user:secret@proxy.corp:3128' })
    expect(agents.proxy).toBe('http://proxy.corp:3128')
    expect(agentsFor(API, {}).proxy).toBeNull()
  })

  it('keeps no connection alive, proxied or not', () => {
    for (const env of [{}, { HTTPS_PROXY: 'http://proxy:3128', HTTP_PROXY: 'http://proxy:3128' }])
      for (const target of [API, new URL('http://files.example.com/')]) {
        const { httpAgent, httpsAgent } = agentsFor(target, env)
        expect([httpAgent, httpsAgent].map(keptAlive)).toEqual([false, false])
      }
  })
})
