// Answers no honest API would give, for tests of what the action does with them: an answer
// rewritten after the handler ran (another backup's id, a time in the future, a status word of
// megabytes, a name that tries to start a workflow command), an error that quotes the caller's
// token and the backup's key back, and backups added at will (one of 10,000 files, say).
import { randomUUID } from 'node:crypto'
import { type SimBackup, type SimFile, directory, encryptionKey } from './account.js'
import type { Context } from './context.js'
import { isRecord } from './format.js'
import type { Reply } from './reply.js'
import { classify } from './routes.js'

/**
 * `patch` laid over `target`: objects key by key, arrays index by index, anything else replaced.
 * So `{ files: [{ name: 'x' }] }` renames the first file and leaves every other field as it was.
 */
export function overlay(target: unknown, patch: unknown): unknown {
  if (Array.isArray(patch) && Array.isArray(target)) {
    const merged = [...target]
    patch.forEach((item, i) => (merged[i] = overlay(target[i], item)))
    return merged
  }
  if (isRecord(patch) && isRecord(target)) {
    const merged: Record<string, unknown> = { ...target }
    for (const [key, value] of Object.entries(patch)) merged[key] = overlay(target[key], value)
    return merged
  }
  return patch
}

/** The reply with `patch` laid over its `data`; an answer without `data` is left alone. */
export function rewritten(reply: Reply, patch: unknown): Reply {
  if (!isRecord(reply.json) || !('data' in reply.json)) return reply
  return { ...reply, json: { ...reply.json, data: overlay(reply.json.data, patch) } }
}

function bearer(header: string | undefined): string {
  return /^Bearer\s+(\S+)/i.exec(header ?? '')?.[1] ?? ''
}

/**
 * An error whose text quotes the secrets of the request back, as a backend in debug mode might:
 * the caller's token, the backup's encryption_key and a signed link of one of its files.
 */
export function echoSecrets(
  ctx: Context,
  path: string,
  headers: Record<string, string | undefined>,
  status: number,
): Reply {
  const token = bearer(headers.authorization)
  const backup = ctx.account.backups.get(classify(path).id)
  const key = backup?.encryptionKey ?? ''
  const file = backup?.files[0]
  const link = backup !== undefined && file !== undefined ? ctx.signer.sign(backup, file) : ''
  return {
    status,
    json: {
      message: `Token ${token} may not use key ${key} (see ${link})`,
      errors: {
        key: [`The key ${key} does not match.`],
        authorization: [`Bearer ${token} is not allowed here.`],
      },
    },
  }
}

export interface BackupSpec {
  jobId: string
  id?: string
  status?: string
  /** Epoch ms; null for a backup that has not completed. */
  completedAt?: number | null
  /** That many generated files, named `part-00001.bin` and on. */
  fileCount?: number
  /** Files by base name, as given (a hostile name, say), before the generated ones. */
  fileNames?: string[]
}

// One small pattern shared by every generated file: a backup of 10,000 files costs no memory.
const PART = Buffer.from('simulated part\n')

/** A backup of `spec`'s job, completed when it says (default: a minute before `now`). */
export function buildBackup(spec: BackupSpec, now: number): SimBackup {
  const id = spec.id ?? randomUUID()
  const completedAt = spec.completedAt === undefined ? now - 60_000 : spec.completedAt
  const startedAt = (completedAt ?? now) - 95_000
  const s3Directory = directory(spec.jobId, 'added', startedAt)
  const generated = Array.from(
    { length: spec.fileCount ?? 0 },
    (_, i) => `part-${String(i + 1).padStart(5, '0')}.bin`,
  )
  const files: SimFile[] = [...(spec.fileNames ?? []), ...generated].map((base) => ({
    id: randomUUID(),
    name: `${s3Directory}/${base}`,
    bytes: PART,
  }))
  return {
    id,
    jobId: spec.jobId,
    status: spec.status ?? 'completed',
    tags: { manual: true, hourly: false, daily: false, weekly: false, monthly: false },
    s3Directory,
    createdAt: startedAt - 4_000,
    startedAt,
    completedAt,
    encryptionKey: encryptionKey(id),
    files,
  }
}
