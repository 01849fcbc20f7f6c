// One page of a list, as a Laravel paginator answers it: `data`, then `links` and `meta`.
import type { Context } from './context.js'
import type { Reply } from './reply.js'

const MIN_PAGE_SIZE = 15
const MAX_PAGE_SIZE = 100

function positiveInt(value: string | undefined): number | undefined {
  if (value === undefined || !/^\d+$/.test(value.trim())) return undefined
  const n = Number(value)
  return n >= 1 ? n : undefined
}

/** The page `query` asks for (`page`, `page_size` 15 to 100) of `items`, already in order. */
export function paginate<T>(
  ctx: Context,
  path: string,
  query: Record<string, string>,
  items: readonly T[],
  payload: (item: T) => unknown,
): Reply {
  const requested = positiveInt(query.page_size) ?? MIN_PAGE_SIZE
  const perPage = Math.min(MAX_PAGE_SIZE, Math.max(MIN_PAGE_SIZE, requested))
  const page = positiveInt(query.page) ?? 1
  const total = items.length
  const lastPage = Math.max(1, Math.ceil(total / perPage))
  const shown = items.slice((page - 1) * perPage, page * perPage)
  const from = shown.length > 0 ? (page - 1) * perPage + 1 : null
  const to = from === null ? null : from + shown.length - 1

  const base = `${ctx.url()}${path}`
  // As a Laravel paginator builds them by default (no withQueryString()): `page` only. A client
  // that follows a link loses `sort` and `page_size`, and lists the rest unsorted, 15 at a time.
  const link = (p: number): string => `${base}?page=${p}`
  return {
    status: 200,
    json: {
      data: shown.map(payload),
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
