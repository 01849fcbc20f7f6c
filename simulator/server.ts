// The node:http plumbing: record each request, apply a pending fault, else dispatch, and write
// the reply. Everything else is plain functions returning replies.
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http'
import { pipeline } from 'node:stream/promises'
import type { Context } from './context.js'
import { FaultQueue, faultReply } from './faults.js'
import { echoSecrets, rewritten } from './hostile.js'
import type { RateLimiter } from './ratelimit.js'
import { type Reply, message } from './reply.js'
import { classify, dispatch } from './routes.js'
import { damagedReply, fileForPath } from './storage.js'
import type { RecordedRequest } from './types.js'

export interface HandlerDeps {
  ctx: Context
  limiter: RateLimiter
  faults: FaultQueue
  requests: RecordedRequest[]
  /** Delay timers still waiting, so close() can clear them. */
  timers: Set<NodeJS.Timeout>
  onRequest: () => ((request: RecordedRequest) => void) | undefined
}

function flatten(headers: IncomingHttpHeaders): Record<string, string | undefined> {
  const flat: Record<string, string | undefined> = {}
  for (const [name, value] of Object.entries(headers)) {
    flat[name] = Array.isArray(value) ? value.join(', ') : value
  }
  return flat
}

function parseBody(raw: string): unknown {
  if (raw === '') return undefined
  try {
    return JSON.parse(raw) as unknown
  } catch {
    return raw
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

function write(res: ServerResponse, requestId: string, reply: Reply): void {
  if (res.headersSent || res.destroyed) return
  if (reply.stream !== undefined) {
    res.writeHead(reply.status, {
      ...reply.headers,
      'Content-Length': String(reply.stream.length),
      'X-Request-Id': requestId,
    })
    // pipeline, not pipe: a client that hangs up must not leave the generator running.
    pipeline(reply.stream.open(), res).catch(() => undefined)
    return
  }
  const body = reply.raw ?? (reply.json === undefined ? '' : JSON.stringify(reply.json))
  res.writeHead(reply.status, {
    'Content-Type': 'application/json',
    'Cache-Control': 'no-cache, private',
    ...reply.headers,
    'Content-Length': String(Buffer.byteLength(body)),
    'X-Request-Id': requestId,
  })
  res.end(body)
}

export function createHandler(
  deps: HandlerDeps,
): (req: IncomingMessage, res: ServerResponse) => void {
  let counter = 0
  return (req, res) => {
    counter += 1
    const requestId = `req_${counter}`
    // Prefixing instead of passing a base keeps '//x' a path rather than a host.
    const url = new URL(`http://simulator.invalid${req.url?.startsWith('/') ? req.url : '/'}`)
    const path = url.pathname
    const { route } = classify(path)
    const record: RecordedRequest = {
      method: req.method ?? 'GET',
      path,
      query: Object.fromEntries(url.searchParams),
      route,
      headers: flatten(req.headers),
      body: undefined,
      status: null,
      at: deps.ctx.now(),
    }
    deps.requests.push(record)

    let reported = false
    const report = (status: number | null): void => {
      if (reported) return
      reported = true
      record.status = status
      deps.onRequest()?.(record)
    }
    // Fires after a normal answer too; by then report() has already run.
    res.on('close', () => report(null))

    const answer = (reply: Reply): void => {
      if (res.headersSent || res.destroyed) return
      report(reply.status)
      write(res, requestId, reply)
    }
    const answerNormally = (rawBody: string, patch?: unknown): void => {
      const call = {
        method: record.method,
        path,
        query: record.query,
        headers: record.headers,
        rawBody,
      }
      try {
        const reply = dispatch(deps.ctx, deps.limiter, call)
        answer(patch === undefined ? reply : rewritten(reply, patch))
      } catch (error) {
        console.error('simulator: handler failed', error)
        answer(message(500, 'Server Error'))
      }
    }

    readBody(req).then(
      (rawBody) => {
        record.body = parseBody(rawBody)
        const fault = deps.faults.take(route, path)
        if (fault === undefined) return answerNormally(rawBody)
        const canned = faultReply(fault)
        if (canned !== undefined) return answer(canned)
        if (fault.kind === 'rewrite') return answerNormally(rawBody, fault.patch)
        if (fault.kind === 'echoSecrets')
          return answer(echoSecrets(deps.ctx, path, record.headers, fault.status ?? 422))
        if (fault.kind === 'drop') {
          req.socket.destroy()
        } else if (fault.kind === 'hang') {
          // Nothing is sent, ever: only the client giving up (or close()) ends the request.
        } else if (fault.kind === 'delay') {
          const timer = setTimeout(() => {
            deps.timers.delete(timer)
            answerNormally(rawBody)
          }, fault.ms)
          deps.timers.add(timer)
          res.on('close', () => {
            clearTimeout(timer)
            deps.timers.delete(timer)
          })
        } else if (fault.kind === 'truncate') {
          truncate(res, requestId, fileForPath(deps.ctx.account, path)?.file.bytes, report)
        } else if (fault.kind === 'shortBody' || fault.kind === 'corrupt') {
          answer(damagedReply(fault.kind, fileForPath(deps.ctx.account, path)?.file.bytes))
        }
      },
      () => report(null),
    )
  }
}

// Full Content-Length, half the bytes, then a dead socket: what a storage hiccup looks like.
function truncate(
  res: ServerResponse,
  requestId: string,
  bytes: Buffer | undefined,
  report: (status: number) => void,
): void {
  const body = bytes ?? Buffer.alloc(4096, 'x')
  report(200)
  res.writeHead(200, {
    'Content-Type': 'application/octet-stream',
    'Content-Length': String(body.length),
    'X-Request-Id': requestId,
  })
  res.write(body.subarray(0, Math.floor(body.length / 2)), () => res.destroy())
}
