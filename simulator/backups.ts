// GET /v1/backups/{id}, GET /v1/jobs/{id}/backups, POST /v1/backups/{id}/download, GET /v1/jobs.
import type { SimBackup } from './account.js'
import type { Context } from './context.js'
import { baseName } from './format.js'
import { paginate } from './paginate.js'
import { backupPayload } from './payloads.js'
import { type Reply, invalid, message, notFound } from './reply.js'

export function getBackup(ctx: Context, backupId: string): Reply {
  const backup = ctx.account.backups.get(backupId)
  if (backup === undefined) return notFound()
  return { status: 200, json: { data: backupPayload(ctx, backup) } }
}

const SORTABLE: Record<string, (b: SimBackup) => number | null> = {
  completed_at: (b) => b.completedAt,
  created_at: (b) => b.createdAt,
  started_at: (b) => b.startedAt,
}

// Unfinished backups have no completed_at; they count as newest, so a descending listing
// starts with them and the client has to skip them.
function compare(key: (b: SimBackup) => number | null, descending: boolean) {
  return (a: SimBackup, b: SimBackup): number => {
    const [x, y] = [key(a) ?? Infinity, key(b) ?? Infinity]
    const order = x === y ? a.id.localeCompare(b.id) : x < y ? -1 : 1
    return descending ? -order : order
  }
}

export function listBackups(
  ctx: Context,
  jobId: string,
  path: string,
  query: Record<string, string>,
): Reply {
  if (!ctx.account.jobs.has(jobId)) return notFound()
  const backups = [...ctx.account.backups.values()].filter((b) => b.jobId === jobId)

  const sort = query.sort ?? ''
  const field = sort.replace(/^-/, '')
  if (sort !== '') {
    const key = SORTABLE[field]
    if (key === undefined) {
      const allowed = Object.keys(SORTABLE).join(', ')
      return message(
        400,
        `Requested sort(s) \`${field}\` is not allowed. Allowed sort(s) are \`${allowed}\`.`,
      )
    }
    backups.sort(compare(key, sort.startsWith('-')))
  } else {
    // Without a sort the order is whatever the database gives: oldest first, on purpose,
    // so that a client trusting the default order picks the wrong backup.
    backups.sort(compare((b) => b.createdAt, false))
  }

  return paginate(ctx, path, query, backups, (b) => backupPayload(ctx, b))
}

export function download(ctx: Context, backupId: string): Reply {
  const backup = ctx.account.backups.get(backupId)
  if (backup === undefined) return notFound()
  if (backup.status !== 'completed') {
    return invalid({ backup: [`The backup is not completed (status: ${backup.status}).`] })
  }
  const links: Record<string, string> = {}
  for (const file of backup.files)
    links[file.linkKey ?? baseName(file.name)] = ctx.signer.sign(backup, file)
  return { status: 200, json: { data: links } }
}

/** The account's jobs, in the order they were made, as a database without a sort gives them. */
export function listJobs(ctx: Context, path: string, query: Record<string, string>): Reply {
  const jobs = [...ctx.account.jobs.values()]
  return paginate(ctx, path, query, jobs, (job) => ({ id: job.id, name: job.name }))
}
