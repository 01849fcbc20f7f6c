// Unknown JSON in, typed values out. Each value is built field by field, never spread from the
// answer, so the secrets in it (a backup's encryption_key, the signed `url` of each file) are
// left behind here and no later code can leak them.

import { ApiError, cleanText } from './errors.js'
import type { Backup, BackupFile, BackupPage, Compute, Restore } from './types.js'

// Thrown deep inside a parser and turned into one ApiError that names the request.
class ShapeError extends Error {}

type Json = Record<string, unknown>

function typeOf(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`
}

function fail(path: string, problem: string): never {
  throw new ShapeError(`\`${path}\` ${problem}`)
}

function wrong(path: string, value: unknown, expected: string): never {
  fail(path, value === undefined ? 'is missing' : `is ${typeOf(value)}, not ${expected}`)
}

function object(value: unknown, path: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    wrong(path, value, 'an object')
  }
  return value as Json
}

function array(value: unknown, path: string): unknown[] {
  return Array.isArray(value) ? value : wrong(path, value, 'an array')
}

function text(value: unknown, path: string): string {
  if (typeof value !== 'string' || value === '') wrong(path, value, 'a non-empty string')
  return value
}

function optionalText(value: unknown, path: string): string | null {
  return value === undefined || value === null ? null : text(value, path)
}

function optionalTime(value: unknown, path: string): string | null {
  const time = optionalText(value, path)
  if (time !== null && Number.isNaN(Date.parse(time))) fail(path, 'is not a timestamp')
  return time
}

function optionalInteger(value: unknown, path: string): number | null {
  if (value === undefined || value === null) return null
  return Number.isSafeInteger(value) ? (value as number) : wrong(path, value, 'an integer')
}

function envelope(json: unknown): unknown {
  return object(json, 'body').data
}

function guarded<T>(request: string, parse: () => T): T {
  try {
    return parse()
  } catch (e) {
    if (e instanceof ShapeError)
      throw new ApiError({ kind: 'malformed', request, detail: e.message })
    throw e
  }
}

/** Bytes when the size says so exactly (`744 bytes`, `1 byte`); a rounded `1.2 MB` gives null. */
export function sizeToBytes(size: string | null): number | null {
  const match = size === null ? null : /^\s*(\d+)\s*bytes?\s*$/i.exec(size)
  const bytes = match?.[1] === undefined ? null : Number(match[1])
  return bytes !== null && Number.isSafeInteger(bytes) ? bytes : null
}

function parseFile(value: unknown, path: string): BackupFile {
  const file = object(value, path)
  const id = text(file.id, `${path}.id`)
  const name = text(file.name, `${path}.name`)
  // A bare number is read as bytes: the reference only shows strings, but a number is unambiguous.
  if (typeof file.size === 'number' && Number.isSafeInteger(file.size) && file.size >= 0) {
    return { id, name, size: `${file.size} bytes`, sizeBytes: file.size }
  }
  const size = optionalText(file.size, `${path}.size`)
  return { id, name, size, sizeBytes: sizeToBytes(size) }
}

function parseFiles(value: unknown, path: string): BackupFile[] {
  if (value === undefined || value === null) return []
  return array(value, path).map((file, i) => parseFile(file, `${path}[${i}]`))
}

function parseBackupData(value: unknown, path: string): Backup {
  const backup = object(value, path)
  return {
    id: text(backup.id, `${path}.id`),
    jobId: text(backup.job_id, `${path}.job_id`),
    status: text(backup.status, `${path}.status`),
    createdAt: optionalTime(backup.created_at, `${path}.created_at`),
    startedAt: optionalTime(backup.started_at, `${path}.started_at`),
    completedAt: optionalTime(backup.completed_at, `${path}.completed_at`),
    files: parseFiles(backup.files, `${path}.files`),
  }
}

export function parseBackup(json: unknown, request: string): Backup {
  return guarded(request, () => parseBackupData(envelope(json), 'data'))
}

function pageFromLink(link: string): number | null {
  let page: string | null
  try {
    page = new URL(link, 'http://relative.invalid').searchParams.get('page')
  } catch {
    return null
  }
  return page !== null && /^\d+$/.test(page) ? Number(page) : null
}

function nextPage(body: Json, requested: number | undefined): number | null {
  const links = body.links === undefined || body.links === null ? {} : object(body.links, 'links')
  const meta = body.meta === undefined || body.meta === null ? {} : object(body.meta, 'meta')
  const current = optionalInteger(meta.current_page, 'meta.current_page')
  const last = optionalInteger(meta.last_page, 'meta.last_page')
  const link = optionalText(links.next, 'links.next')
  const fromMeta = current !== null && last !== null && current < last ? current + 1 : null
  if (link === null) return fromMeta
  const after = current ?? requested
  const next = pageFromLink(link) ?? (after !== undefined ? after + 1 : null)
  if (next === null) fail('links.next', 'names no page number')
  // A next page that is not further on would have a caller walk in circles.
  if (after !== undefined && next <= after) fail('links.next', `points back to page ${next}`)
  return next
}

/** One page of a job's backups; `page` (the page asked for) guards against a link going back. */
export function parseBackupPage(json: unknown, request: string, page?: number): BackupPage {
  return guarded(request, () => {
    const body = object(json, 'body')
    const backups = array(body.data, 'data').map((b, i) => parseBackupData(b, `data[${i}]`))
    return { backups, nextPage: nextPage(body, page) }
  })
}

function parseCompute(value: unknown, path: string): Compute | null {
  if (value === undefined || value === null) return null
  const compute = object(value, path)
  const server =
    compute.server === undefined || compute.server === null
      ? null
      : object(compute.server, `${path}.server`)
  return {
    type: text(compute.type, `${path}.type`),
    serverId:
      server !== null
        ? optionalInteger(server.id, `${path}.server.id`)
        : optionalInteger(compute.server_id, `${path}.server_id`),
    serverName: server !== null ? optionalText(server.name, `${path}.server.name`) : null,
  }
}

export function parseRestore(json: unknown, request: string): Restore {
  return guarded(request, () => {
    const restore = object(envelope(json), 'data')
    return {
      id: text(restore.id, 'data.id'),
      jobId: optionalText(restore.job_id, 'data.job_id'),
      backupId: optionalText(restore.backup_id, 'data.backup_id'),
      status: text(restore.status, 'data.status'),
      createdAt: optionalTime(restore.created_at, 'data.created_at'),
      startedAt: optionalTime(restore.started_at, 'data.started_at'),
      completedAt: optionalTime(restore.completed_at, 'data.completed_at'),
      compute: parseCompute(restore.compute, 'data.compute'),
      files: parseFiles(restore.files, 'data.files'),
    }
  })
}

function isWebUrl(value: string): boolean {
  try {
    const { protocol } = new URL(value)
    return protocol === 'https:' || protocol === 'http:'
  } catch {
    return false
  }
}

/**
 * File name to signed URL. The URLs are credentials: the caller masks them, and no error here
 * quotes one.
 */
export function parseDownloadLinks(json: unknown, request: string): Record<string, string> {
  return guarded(request, () => {
    const data = envelope(json)
    // PHP encodes an empty map as [], so an empty array means "no files".
    if (Array.isArray(data) && data.length === 0) return {}
    const entries = Object.entries(object(data, 'data')).map(([name, url]) => {
      const path = `data[${JSON.stringify(cleanText(name, 60))}]`
      if (name.trim() === '') fail(path, 'has an empty file name')
      if (typeof url !== 'string') wrong(path, url, 'a string')
      if (!isWebUrl(url)) fail(path, 'is not an http(s) URL')
      return [name, url] as const
    })
    // fromEntries defines own properties, so a key such as `__proto__` stays a plain key.
    return Object.fromEntries(entries)
  })
}
