// Unknown JSON in, typed values out. Each value is built field by field, never spread from the
// answer, so the secrets in it (a backup's encryption_key, the signed `url` of each file) are
// left behind here and no later code can leak them. The key is not forgotten, though: it joins
// the run's secrets (and the runner's masks) the moment it is read, so that any text quoting it
// later, an error message say, comes out without it.
//
// An answer about something other than what was asked (another backup's id, another job's
// backups, another restore) is refused as malformed: acting on it would restore or report the
// wrong thing.

import { readTags } from './tags.js'
import type { Backup, BackupFile, BackupPage, Compute, Restore } from './types.js'
import {
  Reader,
  array,
  fail,
  guarded,
  object,
  optionalInteger,
  optionalObject,
  optionalRawText,
  same,
  wrong,
  type Json,
} from './read.js'
import { Secrets } from './text.js'

export interface ParseOptions {
  /** The run's secrets: scrubbed out of every string, and joined by each encryption_key read. */
  secrets?: Secrets
}

function envelope(json: unknown): unknown {
  return object(json, 'body').data
}

function reader(options: ParseOptions): Reader {
  return new Reader(options.secrets ?? new Secrets())
}

/** Bytes when the size says so exactly (`744 bytes`, `1 byte`); a rounded `1.2 MB` gives null. */
export function sizeToBytes(size: string | null): number | null {
  const match = size === null ? null : /^\s*(\d+)\s*bytes?\s*$/i.exec(size)
  const bytes = match?.[1] === undefined ? null : Number(match[1])
  return bytes !== null && Number.isSafeInteger(bytes) ? bytes : null
}

function parseFile(read: Reader, value: unknown, path: string): BackupFile {
  const file = object(value, path)
  const id = read.uuid(file.id, `${path}.id`)
  const name = read.text(file.name, `${path}.name`, 'name')
  // A bare number is read as bytes: the reference only shows strings, but a number is unambiguous.
  if (typeof file.size === 'number' && Number.isSafeInteger(file.size) && file.size >= 0) {
    return { id, name, size: `${file.size} bytes`, sizeBytes: file.size }
  }
  const size = read.optionalText(file.size, `${path}.size`, 'word')
  return { id, name, size, sizeBytes: sizeToBytes(size) }
}

function parseFiles(read: Reader, value: unknown, path: string): BackupFile[] {
  if (value === undefined || value === null) return []
  return array(value, path).map((file, i) => parseFile(read, file, `${path}[${i}]`))
}

/** Learns the key before any text of the answer is read, so that none of it can quote the key. */
function learnKey(read: Reader, value: unknown): void {
  if (typeof value === 'object' && value !== null) read.secrets.add((value as Json).encryption_key)
}

function parseBackupData(read: Reader, value: unknown, path: string): Backup {
  const backup = object(value, path)
  learnKey(read, backup)
  return {
    id: read.uuid(backup.id, `${path}.id`),
    jobId: read.uuid(backup.job_id, `${path}.job_id`),
    status: read.text(backup.status, `${path}.status`, 'word'),
    createdAt: read.optionalTime(backup.created_at, `${path}.created_at`),
    startedAt: read.optionalTime(backup.started_at, `${path}.started_at`),
    completedAt: read.optionalTime(backup.completed_at, `${path}.completed_at`),
    // Read leniently: tags only narrow a choice, so unreadable ones refuse no answer.
    tags: readTags(backup.tags),
    files: parseFiles(read, backup.files, `${path}.files`),
    // Only whether there is one: a job without encryption shows it empty (or not at all).
    encrypted: typeof backup.encryption_key === 'string' && backup.encryption_key.trim() !== '',
  }
}

/** GET backup: `backupId` is the backup asked for, which the answer must be. */
export function parseBackup(
  json: unknown,
  request: string,
  options: ParseOptions & { backupId?: string } = {},
): Backup {
  return guarded(request, () => {
    const backup = parseBackupData(reader(options), envelope(json), 'data')
    same(backup.id, options.backupId, 'data.id', 'backup')
    return backup
  })
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

/** The page after this one, from `links`/`meta`, or null; shared by every paged list. */
export function nextPage(body: Json, requested: number | undefined): number | null {
  const links = optionalObject(body.links, 'links') ?? {}
  const meta = optionalObject(body.meta, 'meta') ?? {}
  const current = optionalInteger(meta.current_page, 'meta.current_page')
  const last = optionalInteger(meta.last_page, 'meta.last_page')
  // Read for its page number only, never shown: it stays as it came.
  const link = optionalRawText(links.next, 'links.next')
  const fromMeta = current !== null && last !== null && current < last ? current + 1 : null
  if (link === null) return fromMeta
  const after = current ?? requested
  const next = pageFromLink(link) ?? (after !== undefined ? after + 1 : null)
  if (next === null) fail('links.next', 'names no page number')
  // A next page that is not further on would have a caller walk in circles.
  if (after !== undefined && next <= after) fail('links.next', `points back to page ${next}`)
  return next
}

/**
 * One page of a job's backups; `page` (the page asked for) guards against a link going back, and
 * `jobId` (the job asked for) against a backup of another job slipping in.
 */
export function parseBackupPage(
  json: unknown,
  request: string,
  page?: number,
  options: ParseOptions & { jobId?: string } = {},
): BackupPage {
  return guarded(request, () => {
    const read = reader(options)
    const body = object(json, 'body')
    const data = array(body.data, 'data')
    for (const item of data) learnKey(read, item)
    const backups = data.map((item, i) => {
      const backup = parseBackupData(read, item, `data[${i}]`)
      same(backup.jobId, options.jobId, `data[${i}].job_id`, 'job')
      return backup
    })
    return { backups, nextPage: nextPage(body, page) }
  })
}

function parseCompute(read: Reader, value: unknown, path: string): Compute | null {
  const compute = optionalObject(value, path)
  if (compute === null) return null
  const server = optionalObject(compute.server, `${path}.server`)
  return {
    type: read.text(compute.type, `${path}.type`, 'word'),
    serverId:
      server !== null
        ? optionalInteger(server.id, `${path}.server.id`)
        : optionalInteger(compute.server_id, `${path}.server_id`),
    serverName:
      server !== null ? read.optionalText(server.name, `${path}.server.name`, 'word') : null,
  }
}

/**
 * A restore: `restoreId` is the restore asked for (a status check), `backupId` the backup whose
 * restore was started (the POST); the answer must be about them.
 */
export function parseRestore(
  json: unknown,
  request: string,
  options: ParseOptions & { restoreId?: string; backupId?: string } = {},
): Restore {
  return guarded(request, () => {
    const read = reader(options)
    const restore = object(envelope(json), 'data')
    learnKey(read, restore)
    const parsed: Restore = {
      id: read.uuid(restore.id, 'data.id'),
      jobId: read.optionalUuid(restore.job_id, 'data.job_id'),
      backupId: read.optionalUuid(restore.backup_id, 'data.backup_id'),
      status: read.text(restore.status, 'data.status', 'word'),
      createdAt: read.optionalTime(restore.created_at, 'data.created_at'),
      startedAt: read.optionalTime(restore.started_at, 'data.started_at'),
      completedAt: read.optionalTime(restore.completed_at, 'data.completed_at'),
      compute: parseCompute(read, restore.compute, 'data.compute'),
      files: parseFiles(read, restore.files, 'data.files'),
    }
    same(parsed.id, options.restoreId, 'data.id', 'restore')
    if (parsed.backupId !== null)
      same(parsed.backupId, options.backupId, 'data.backup_id', 'backup')
    return parsed
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
 * quotes one. The names are API text like any other, made safe as the backup's file names are,
 * so that a link's name and its file's name still match.
 */
export function parseDownloadLinks(
  json: unknown,
  request: string,
  options: ParseOptions = {},
): Record<string, string> {
  return guarded(request, () => {
    const read = reader(options)
    const data = envelope(json)
    // PHP encodes an empty map as [], so an empty array means "no files".
    if (Array.isArray(data) && data.length === 0) return {}
    const entries = Object.entries(object(data, 'data')).map(([key, url]) => {
      const path = `data[${read.quote(key)}]`
      if (key.trim() === '') fail(path, 'has an empty file name')
      if (typeof url !== 'string') wrong(path, url, 'a string')
      if (!isWebUrl(url)) fail(path, 'is not an http(s) URL')
      return [read.text(key, path, 'name'), url] as const
    })
    // fromEntries defines own properties, so a key such as `__proto__` stays a plain key.
    return Object.fromEntries(entries)
  })
}
