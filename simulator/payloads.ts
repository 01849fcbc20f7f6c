// API shapes, field for field as /work/shared/snapshooter-api.md describes them.
import { type SimBackup, type SimFile, type SimServer, fileSize } from './account.js'
import type { Context } from './context.js'
import { timestamp, timestampOrNull } from './format.js'
import type { SimRestore } from './types.js'

function filePayload(file: SimFile, url: string): Record<string, unknown> {
  return { id: file.id, name: file.name, size: file.listedSize ?? `${fileSize(file)} bytes`, url }
}

// encryption_key and signed urls stay in on purpose: a leak in the action must show in tests.
export function backupPayload(ctx: Context, backup: SimBackup): Record<string, unknown> {
  return {
    id: backup.id,
    job_id: backup.jobId,
    status: backup.status,
    tags: { ...backup.tags },
    s3_directory: backup.s3Directory,
    created_at: timestamp(backup.createdAt),
    started_at: timestamp(backup.startedAt),
    completed_at: timestampOrNull(backup.completedAt),
    monitoring_available: true,
    encryption_key: backup.encryptionKey,
    files: backup.files.map((f) => filePayload(f, ctx.signer.stable(backup, f))),
  }
}

function serverPayload(server: SimServer): Record<string, unknown> {
  return {
    id: server.id,
    host: server.host,
    user: server.user,
    port: server.port,
    name: server.name,
    created_at: timestamp(server.createdAt),
    last_used: timestamp(server.lastUsed),
    status: server.status,
  }
}

export interface RestoreView {
  status: string
  startedAt: number | null
  completedAt: number | null
}

/** The restore's state at `now`, derived from its age: no timers, nothing to clean up. */
export function restoreView(restore: SimRestore, now: number): RestoreView {
  const elapsed = now - restore.createdAt
  const startedAt = restore.createdAt + Math.min(restore.pendingMs, restore.durationMs)
  if (elapsed >= restore.durationMs) {
    return {
      status: restore.finalStatus,
      startedAt,
      completedAt: restore.createdAt + restore.durationMs,
    }
  }
  if (elapsed >= restore.pendingMs) {
    return { status: restore.runningStatus, startedAt, completedAt: null }
  }
  return { status: 'pending', startedAt: null, completedAt: null }
}

export function restorePayload(
  ctx: Context,
  restore: SimRestore,
  view: RestoreView,
): Record<string, unknown> {
  const backup = ctx.account.backups.get(restore.backupId)
  // A Map, not a search per file: a backup of 10,000 files must not cost 10^8 comparisons.
  const byId = new Map((backup?.files ?? []).map((f) => [f.id, f]))
  const server =
    restore.compute === null ? undefined : ctx.account.servers.get(restore.compute.server_id)
  return {
    id: restore.id,
    job_id: restore.jobId,
    backup_id: restore.backupId,
    compute:
      restore.compute === null || server === undefined
        ? null
        : { id: server.id, type: restore.compute.type, server: serverPayload(server) },
    status: view.status,
    created_at: timestamp(restore.createdAt),
    started_at: timestampOrNull(view.startedAt),
    completed_at: timestampOrNull(view.completedAt),
    files: restore.fileIds.flatMap((id) => {
      const file = byId.get(id)
      return file === undefined ? [] : [filePayload(file, restore.fileUrls[id] ?? '')]
    }),
  }
}
