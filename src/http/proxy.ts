// Which way a request goes out: straight to its host, or through the proxy that the runner's
// environment names. Decided here once, so that every HTTP client of the action (the API client,
// storage downloads, any later one) takes the same decision.
//
// The rules are those of the Actions toolkit (@actions/http-client), as runners set the variables:
// - https:// targets use `https_proxy`, else `HTTPS_PROXY`; http:// targets `http_proxy`, else
//   `HTTP_PROXY`. There is no fallback from one scheme to the other.
// - `no_proxy`, else `NO_PROXY`: comma-separated; `*` bypasses every host; `example.com` and
//   `.example.com` match that domain and its subdomains; `host:port` matches that port only.
//   CIDR ranges are not understood.
// - Loopback targets always go direct (the rule is in http/loopback.ts): a proxy cannot reach the
//   runner's own loopback, which is where a local simulator listens.

import http from 'node:http'
import https from 'node:https'
import tls from 'node:tls'
import { HttpProxyAgent } from 'http-proxy-agent'
import { HttpsProxyAgent } from 'https-proxy-agent'
import { isLoopbackHost } from './loopback.js'

export type ProxyEnv = Readonly<Record<string, string | undefined>>

export interface Agents {
  httpAgent: http.Agent
  httpsAgent: http.Agent
  /** The proxy in use, for messages: scheme, host and port only, never its credentials. */
  proxy: string | null
}

/**
 * Agents for requests to `target`: a CONNECT tunnel through the proxy for https (the proxy sees
 * only the host and port; TLS, and with it the token, runs end to end), the proxy forwarding
 * absolute URIs for http, or direct connections. Keep-alive is off everywhere: a pooled socket
 * the server has closed would reset a restore POST and leave its fate unknown.
 *
 * `signal` ends the request's connection to the proxy. It must reach the agent itself: until the
 * proxy has answered, the request has no socket, so aborting or timing out the request cannot
 * touch that connection, and a proxy that never answers would hold it (and the process) forever.
 * One set of agents per request, then, each bound to that request's signal.
 */
export function agentsFor(
  target: string | URL,
  env: ProxyEnv = process.env,
  signal?: AbortSignal,
): Agents {
  const url = new URL(target)
  const direct = {
    httpAgent: new http.Agent({ keepAlive: false }),
    httpsAgent: new https.Agent({ keepAlive: false }),
    proxy: null,
  }
  const proxy = proxyFor(url, env)
  if (proxy === null) return direct
  const shown = `${proxy.protocol}//${proxy.host}`
  // Passed on to the net (or tls) connect of the proxy connection, which the signal destroys.
  const options = { keepAlive: false, ...(signal !== undefined ? { signal } : {}) }
  return url.protocol === 'https:'
    ? { ...direct, httpsAgent: new TunnelAgent(proxy, shown, options), proxy: shown }
    : { ...direct, httpAgent: new HttpProxyAgent(proxy, options), proxy: shown }
}

/**
 * The proxy answered CONNECT with something else than 200. The request never reached its target,
 * so this is the proxy's answer, not the API's or storage's, and a restore POST did not land.
 * The status is named by its standard phrase, not the proxy's own: a reason phrase says nothing
 * the status does not, and a hostile one would be text to make safe for a log line.
 */
export class ProxyRefused extends Error {
  readonly code = 'ERR_PROXY_REFUSED'

  constructor(
    proxy: string,
    readonly status: number,
  ) {
    const phrase = http.STATUS_CODES[status]
    super(`the proxy ${proxy} refused the tunnel: HTTP ${status}${phrase ? ` ${phrase}` : ''}`)
    this.name = 'ProxyRefused'
  }

  /** What to do about it. */
  get advice(): string {
    return this.status === 407
      ? 'give its credentials in the proxy URL, as http://user:password@host:port'
      : 'check the proxy settings, or re-run later'
  }
}

type TunnelOptions = Parameters<HttpsProxyAgent<string>['connect']>[1]
type ProxyAnswer = { statusCode: number }

/**
 * https-proxy-agent, with two corrections.
 * - It sends a target name as SNI (servername), which Node then also checks the certificate
 *   against. For an IP address it rightly sends no SNI (TLS allows names only) and hands TLS no
 *   host either, so Node would check the certificate against "localhost". This checks it against
 *   the target, name or IP alike, and leaves SNI as the agent sets it.
 * - A CONNECT answered with another status than 200 is replayed to the request as if the target
 *   had answered it; here it fails the request as the proxy's refusal instead.
 */
class TunnelAgent extends HttpsProxyAgent<string> {
  constructor(
    proxy: URL,
    private readonly shown: string,
    options: ConstructorParameters<typeof HttpsProxyAgent<string>>[1],
  ) {
    super(proxy.href, options)
  }

  override async connect(
    req: http.ClientRequest,
    options: TunnelOptions,
  ): Promise<Awaited<ReturnType<HttpsProxyAgent<string>['connect']>>> {
    let answer: ProxyAnswer | undefined
    const hear = (connect: ProxyAnswer): void => void (answer = connect)
    req.once('proxyConnect', hear)
    try {
      const socket = await super.connect(req, { ...options, ...this.identityCheck(options) })
      if (answer !== undefined && answer.statusCode !== 200) {
        socket.destroy()
        throw new ProxyRefused(this.shown, answer.statusCode)
      }
      return socket
    } finally {
      req.off('proxyConnect', hear)
    }
  }

  private identityCheck(options: TunnelOptions): Partial<TunnelOptions> {
    if (!options.secureEndpoint) return {}
    const host = bare(options.host ?? '')
    return {
      checkServerIdentity: (_name: string, cert: tls.PeerCertificate): Error | undefined =>
        tls.checkServerIdentity(host, cert),
    }
  }
}

/** The proxy a request to `target` goes through, or null for a direct connection. */
export function proxyFor(target: URL, env: ProxyEnv): URL | null {
  const scheme = target.protocol.replace(/:$/, '')
  if (scheme !== 'http' && scheme !== 'https') return null
  const setting = firstSet(env, `${scheme}_proxy`, `${scheme.toUpperCase()}_PROXY`)
  if (setting === null || isLoopbackHost(target.hostname) || bypassed(target, env)) return null
  return parseProxyUrl(setting)
}

const PROXY_VARIABLES = ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY']

/**
 * The passwords in the runner's proxy URLs (as written and decoded), for masking: no message here
 * shows them, but a dependency's debug log (DEBUG=*) would print a proxy URL whole.
 */
export function proxySecrets(env: ProxyEnv): string[] {
  const secrets = PROXY_VARIABLES.flatMap((name) => {
    const password = parseProxyUrl(env[name]?.trim() ?? '')?.password ?? ''
    return password === '' ? [] : [password, decodeURIComponent(password)]
  })
  return [...new Set(secrets)]
}

function firstSet(env: ProxyEnv, ...names: string[]): string | null {
  for (const name of names) {
    const value = env[name]?.trim()
    if (value) return value
  }
  return null
}

/** `proxy.corp:3128` means `http://proxy.corp:3128`, as curl and the toolkit read it. */
function parseProxyUrl(text: string): URL | null {
  try {
    const url = new URL(text.includes('://') ? text : `http://${text}`)
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== ''
      ? url
      : null
  } catch {
    return null
  }
}

function bare(host: string): string {
  return host.replace(/^\[|\]$/g, '').toLowerCase()
}

function bypassed(target: URL, env: ProxyEnv): boolean {
  const list = firstSet(env, 'no_proxy', 'NO_PROXY')
  if (list === null) return false
  const host = bare(target.hostname)
  const port = target.port || (target.protocol === 'https:' ? '443' : '80')
  return list
    .split(',')
    .map((entry) => entry.trim().toLowerCase())
    .filter((entry) => entry !== '')
    .some((entry) => entry === '*' || matches(entry, host, port))
}

function matches(entry: string, host: string, port: string): boolean {
  // `[::1]:8080`, `example.com:8080`, or a bare IPv6 address whose colons are not a port.
  const withPort = /^(\[[^\]]+\]|[^:]+):(\d+)$/.exec(entry)
  if (withPort !== null && withPort[2] !== port) return false
  const name = bare(withPort?.[1] ?? entry).replace(/^\*?\./, '')
  return host === name || host.endsWith(`.${name}`)
}
