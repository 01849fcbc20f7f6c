// POST /v1/backups/{id}/restore and GET /v1/restores/{id}.
import { randomUUID } from 'node:crypto'
import type { SimBackup } from './account.js'
import type { Context } from './context.js'
import { isRecord } from './format.js'
import { restorePayload, restoreView } from './payloads.js'
import { type Reply, invalid, message, notFound } from './reply.js'
import { READ_ONLY_TOKEN } from './seed.js'
import type { SimCompute } from './types.js'

const COMPUTE_TYPES = ['server', 'ss_agent']

interface Parsed {
  fileIds: string[]
  compute: SimCompute | null
}

// Laravel-style validation: collect every field error, then answer them all at once.
function validate(ctx: Context, backup: SimBackup, body: Record<string, unknown>): Parsed | Reply {
  const errors: Record<string, string[]> = {}
  const own = new Set(backup.files.map((f) => f.id))
  let fileIds = backup.files.map((f) => f.id)

  if (body.files !== undefined && body.files !== null) {
    if (!Array.isArray(body.files)) {
      errors.files = ['The files must be an array.']
    } else if (body.files.length === 0) {
      // An empty list is ambiguous (nothing, or everything?): refuse it rather than guess.
      errors.files = ['The files field must have at least 1 items.']
    } else {
      body.files.forEach((id: unknown, i) => {
        if (typeof id !== 'string' || !own.has(id)) {
          errors[`files.${i}`] = [`The selected files.${i} is invalid.`]
        }
      })
      fileIds = [...new Set(body.files.filter((id): id is string => typeof id === 'string'))]
    }
  }

  let compute: SimCompute | null = null
  if (body.compute !== undefined && body.compute !== null) {
    if (!isRecord(body.compute)) {
      errors.compute = ['The compute must be an object.']
    } else {
      const { type, server_id: serverId } = body.compute
      if (type === undefined || type === null || type === '') {
        errors['compute.type'] = ['The compute.type field is required.']
      } else if (typeof type !== 'string' || !COMPUTE_TYPES.includes(type)) {
        errors['compute.type'] = ['The selected compute.type is invalid.']
      }
      if (serverId === undefined || serverId === null || serverId === '') {
        errors['compute.server_id'] = ['The compute.server_id field is required.']
      } else if (typeof serverId !== 'number' || !Number.isInteger(serverId)) {
        errors['compute.server_id'] = ['The compute.server_id must be an integer.']
      } else if (!ctx.account.servers.has(serverId)) {
        errors['compute.server_id'] = ['The selected compute.server_id is invalid.']
      }
      if (typeof type === 'string' && typeof serverId === 'number') {
        compute = { type, server_id: serverId }
      }
    }
  }

  if (backup.status !== 'completed') {
    errors.backup = [`The backup is not completed (status: ${backup.status}).`]
  }
  return Object.keys(errors).length > 0 ? invalid(errors) : { fileIds, compute }
}

export function createRestore(
  ctx: Context,
  backupId: string,
  rawBody: string,
  token: string,
): Reply {
  if (token === READ_ONLY_TOKEN) return message(403, 'This action is unauthorized.')
  const backup = ctx.account.backups.get(backupId)
  if (backup === undefined) return notFound()

  let body: unknown = {}
  if (rawBody.trim() !== '') {
    try {
      body = JSON.parse(rawBody)
    } catch {
      return message(400, 'The request body is not valid JSON.')
    }
  }
  if (!isRecord(body)) return message(400, 'The request body must be a JSON object.')

  const parsed = validate(ctx, backup, body)
  if ('status' in parsed) return parsed

  const settings = ctx.settings()
  const fileUrls: Record<string, string> = {}
  const chosen = new Set(parsed.fileIds)
  for (const file of backup.files) {
    if (chosen.has(file.id)) fileUrls[file.id] = ctx.signer.sign(backup, file)
  }
  const restore = {
    id: randomUUID(),
    jobId: backup.jobId,
    backupId: backup.id,
    fileIds: parsed.fileIds,
    compute: parsed.compute,
    createdAt: ctx.now(),
    pendingMs: settings.pendingMs,
    durationMs: settings.restoreDurationMs,
    runningStatus: settings.runningStatus,
    finalStatus: settings.restoreFinalStatus,
    fileUrls,
    token,
  }
  ctx.restores.push(restore)
  ctx.restoreById.set(restore.id, restore)
  // The real API answers before any work starts: the 201 always says pending.
  const view = { status: 'pending', startedAt: null, completedAt: null }
  return { status: 201, json: { data: restorePayload(ctx, restore, view) } }
}

export function getRestore(ctx: Context, restoreId: string): Reply {
  const restore = ctx.restoreById.get(restoreId)
  if (restore === undefined) return notFound()
  return {
    status: 200,
    json: { data: restorePayload(ctx, restore, restoreView(restore, ctx.now())) },
  }
}
