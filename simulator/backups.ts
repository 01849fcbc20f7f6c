// GET /v1/backups/{id}, GET /v1/jobs/{id}/backups, POST /v1/backups/{id}/download.
import type { SimBackup } from './account.js'
import type { Context } from './context.js'
import { baseName } from './format.js'
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

const MIN_PAGE_SIZE = 15
const MAX_PAGE_SIZE = 100

function positiveInt(value: string | undefined): number | undefined {
  if (value === undefined || !/^\d+$/.test(value.trim())) return undefined
  const n = Number(value)
  return n >= 1 ? n : undefined
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

  const requested = positiveInt(query.page_size) ?? MIN_PAGE_SIZE
  const perPage = Math.min(MAX_PAGE_SIZE, Math.max(MIN_PAGE_SIZE, requested))
  const page = positiveInt(query.page) ?? 1
  const total = backups.length
  const lastPage = Math.max(1, Math.ceil(total / perPage))
  const items = backups.slice((page - 1) * perPage, page * perPage)
  const from = items.length > 0 ? (page - 1) * perPage + 1 : null
  const to = from === null ? null : from + items.length - 1

  const base = `${ctx.url()}${path}`
  // As a Laravel paginator builds them by default (no withQueryString()): `page` only. A client
  // that follows a link loses `sort` and `page_size`, and lists the rest unsorted, 15 at a time.
  const link = (p: number): string => `${base}?page=${p}`
  return {
    status: 200,
    json: {
      data: items.map((b) => backupPayload(ctx, b)),
      links: {
        first: link(1),
        last: link(lastPage),
        prev: page > 1 ? link(Math.min(page - 1, lastPage)) : null,
        next: page < lastPage ? link(page + 1) : null,
      },
      meta: {
        current_page: page,
        last_page: lastPage,
        per_page: perPage,
        total,
        from,
        to,
        path: base,
      },
    },
  }
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
