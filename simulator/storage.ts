// The S3 stand-in: pre-signed links and the bytes behind them. Storage is another host in real
// life, so it ignores Authorization and answers like S3 (XML errors), not like the API.
import { createHash, randomBytes } from 'node:crypto'
import { Readable } from 'node:stream'
import type { Account, SimBackup, SimFile } from './account.js'
import { baseName } from './format.js'
import type { Reply } from './reply.js'

const EXPIRES_SECONDS = 3600

interface Grant {
  backupId: string
  fileId: string
  expiresAt: number
}

export class Signer {
  private readonly grants = new Map<string, Grant>()
  // Show payloads hand out one link per file for the simulator's life: signing on every read
  // would grow the grant table without bound under load tests.
  private readonly stableUrls = new Map<string, string>()

  constructor(
    private readonly baseUrl: () => string,
    private readonly now: () => number,
  ) {}

  sign(backup: SimBackup, file: SimFile): string {
    const signature = randomBytes(32).toString('hex')
    const expiresAt = this.now() + EXPIRES_SECONDS * 1000
    this.grants.set(signature, { backupId: backup.id, fileId: file.id, expiresAt })
    const query = `X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Expires=${EXPIRES_SECONDS}&X-Amz-Signature=${signature}`
    const name = encodeURIComponent(baseName(file.name))
    return `${this.baseUrl()}/storage/${backup.id}/${file.id}/${name}?${query}`
  }

  stable(backup: SimBackup, file: SimFile): string {
    let url = this.stableUrls.get(file.id)
    if (url === undefined) {
      url = this.sign(backup, file)
      this.stableUrls.set(file.id, url)
    }
    return url
  }

  grant(signature: string): Grant | undefined {
    return this.grants.get(signature)
  }
}

function s3Error(status: number, code: string, message: string): Reply {
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message></Error>`
  return { status, raw: xml, headers: { 'Content-Type': 'application/xml' } }
}

function safeDecode(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment)
  } catch {
    return undefined
  }
}

/** The file a storage path names, ignoring the signature: the truncate fault needs the bytes. */
export function fileForPath(
  account: Account,
  path: string,
): { backup: SimBackup; file: SimFile } | undefined {
  const parts = path.split('/')
  const [, prefix, backupId, fileId, name] = parts
  if (
    parts.length !== 5 ||
    prefix !== 'storage' ||
    backupId === undefined ||
    fileId === undefined
  ) {
    return undefined
  }
  const backup = account.backups.get(backupId)
  const file = backup?.files.find((f) => f.id === fileId)
  if (backup === undefined || file === undefined) return undefined
  if (name === undefined || safeDecode(name) !== baseName(file.name)) return undefined
  return { backup, file }
}

export function fileReply(file: SimFile): Reply {
  const type = file.name.endsWith('.gz') ? 'application/gzip' : 'text/plain; charset=utf-8'
  if (file.generatedBytes !== undefined) {
    const length = file.generatedBytes
    const open = (): Readable => Readable.from(repeat(file.bytes, length), { objectMode: false })
    return {
      status: 200,
      stream: { length, open },
      headers: { 'Content-Type': 'application/octet-stream' },
    }
  }
  const etag = createHash('md5').update(file.bytes).digest('hex')
  return { status: 200, raw: file.bytes, headers: { 'Content-Type': type, ETag: `"${etag}"` } }
}

export function serveStorage(
  account: Account,
  signer: Signer,
  method: string,
  path: string,
  query: Record<string, string>,
  now: number,
): Reply {
  if (method !== 'GET')
    return s3Error(405, 'MethodNotAllowed', 'The specified method is not allowed.')
  const signature = query['X-Amz-Signature']
  const grant = signature === undefined ? undefined : signer.grant(signature)
  if (grant === undefined) {
    return s3Error(403, 'SignatureDoesNotMatch', 'The request signature does not match.')
  }
  if (now > grant.expiresAt) return s3Error(403, 'AccessDenied', 'Request has expired')
  const found = fileForPath(account, path)
  if (found === undefined) return s3Error(404, 'NoSuchKey', 'The specified key does not exist.')
  if (found.backup.id !== grant.backupId || found.file.id !== grant.fileId) {
    return s3Error(403, 'SignatureDoesNotMatch', 'The request signature does not match.')
  }
  return fileReply(found.file)
}

/** `length` bytes of `pattern` repeated, a chunk at a time. */
function* repeat(pattern: Buffer, length: number): Generator<Buffer> {
  for (let sent = 0; sent < length; sent += pattern.length)
    yield pattern.subarray(0, Math.min(pattern.length, length - sent))
}

/**
 * A complete-looking answer with damaged bytes: `shortBody` is the first half with an honest
 * Content-Length (a truncated gzip), `corrupt` the full length with its middle bytes inverted.
 */
export function damagedReply(kind: 'shortBody' | 'corrupt', bytes: Buffer | undefined): Reply {
  const body = Buffer.from(bytes ?? Buffer.alloc(4096, 'x'))
  const headers = { 'Content-Type': 'application/octet-stream' }
  if (kind === 'shortBody') return { status: 200, raw: body.subarray(0, body.length >> 1), headers }
  const middle = body.length >> 1
  for (let i = middle; i < Math.min(body.length, middle + 64); i++)
    body[i] = (body[i] as number) ^ 0xff
  return { status: 200, raw: body, headers }
}
