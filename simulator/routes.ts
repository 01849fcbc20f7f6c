// Routing, authentication and rate limiting in front of the handlers, in Laravel's order:
// route match (404/405) first, then auth (401), then throttle (429), then the handler.
import { download, getBackup, listBackups, listJobs } from './backups.js'
import type { Context } from './context.js'
import type { RateLimiter } from './ratelimit.js'
import { type Reply, message } from './reply.js'
import { createRestore, getRestore } from './restores.js'
import { DEMO_TOKEN, READ_ONLY_TOKEN } from './seed.js'
import { serveStorage } from './storage.js'
import type { RouteName } from './types.js'

const ROUTES: Array<{ route: RouteName; method: string; pattern: RegExp }> = [
  { route: 'getBackup', method: 'GET', pattern: /^\/v1\/backups\/([^/]+)$/ },
  { route: 'createRestore', method: 'POST', pattern: /^\/v1\/backups\/([^/]+)\/restore$/ },
  { route: 'download', method: 'POST', pattern: /^\/v1\/backups\/([^/]+)\/download$/ },
  { route: 'listBackups', method: 'GET', pattern: /^\/v1\/jobs\/([^/]+)\/backups$/ },
  { route: 'getRestore', method: 'GET', pattern: /^\/v1\/restores\/([^/]+)$/ },
  { route: 'listJobs', method: 'GET', pattern: /^\/v1\/(jobs)$/ },
  { route: 'storage', method: 'GET', pattern: /^\/storage\/(.+)$/ },
]

const TOKENS = new Set([DEMO_TOKEN, READ_ONLY_TOKEN])

export interface Classified {
  route: RouteName
  method: string
  id: string
}

export function classify(path: string): Classified {
  for (const { route, method, pattern } of ROUTES) {
    const id = pattern.exec(path)?.[1]
    if (id !== undefined) return { route, method, id: safeDecode(id) }
  }
  return { route: 'unknown', method: '', id: '' }
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}

function bearer(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '')
  return match?.[1]
}

export interface IncomingCall {
  method: string
  path: string
  query: Record<string, string>
  headers: Record<string, string | undefined>
  rawBody: string
}

export function dispatch(ctx: Context, limiter: RateLimiter, call: IncomingCall): Reply {
  const { route, method, id } = classify(call.path)
  const absent = route === 'getRestore' && !ctx.settings().statusEndpoint
  if (route === 'unknown' || absent) {
    return message(404, `The route ${call.path.slice(1)} could not be found.`)
  }
  if (route === 'storage') {
    return serveStorage(ctx.account, ctx.signer, call.method, call.path, call.query, ctx.now())
  }
  if (call.method !== method) {
    const text = `The ${call.method} method is not supported for route ${call.path.slice(1)}. Supported methods: ${method}.`
    return message(405, text, { Allow: method })
  }

  const token = bearer(call.headers.authorization)
  if (token === undefined || !TOKENS.has(token)) return message(401, 'Unauthenticated.')

  const limit = limiter.hit(token, ctx.now())
  if (limit.limited) return message(429, 'Too Many Attempts.', limit.headers)

  const reply = handle(ctx, route, id, call, token)
  return { ...reply, headers: { ...limit.headers, ...reply.headers } }
}

function handle(
  ctx: Context,
  route: RouteName,
  id: string,
  call: IncomingCall,
  token: string,
): Reply {
  switch (route) {
    case 'getBackup':
      return getBackup(ctx, id)
    case 'listBackups':
      return listBackups(ctx, id, call.path, call.query)
    case 'createRestore':
      return createRestore(ctx, id, call.rawBody, token)
    case 'getRestore':
      return getRestore(ctx, id)
    case 'listJobs':
      return listJobs(ctx, call.path, call.query)
    case 'download':
      return download(ctx, id)
    default:
      return message(404, 'Not found.')
  }
}
