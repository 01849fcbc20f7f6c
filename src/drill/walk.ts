// The walk through a job's listing, page after page, until the choice is settled (choose.ts says
// when). Each page is asked by its number through the caller's `listPage`, which sends the same
// `sort` and `page_size` every time: a Laravel paginator's `links.next` keeps only `page`, so
// following it would list the rest unsorted, 15 at a time. The links and meta of an answer only
// tell whether another page exists, and which (see parseBackupPage).
import {
  type Criteria,
  type Listed,
  type ListedPage,
  type Seen,
  type Selection,
  mayStop,
  nothingSeen,
  pick,
  see,
  selectionOf,
} from './choose.js'
import { noCandidate, outOfOrder, tooMany } from './choose-text.js'
import { DrillRefusal } from './refusal.js'

/**
 * At most this many pages (of 100 backups: 5,000 backups) are read for one choice. Past that, a
 * job with thousands of failed backups in a row is a finding in itself, and a random choice
 * over more than that needs a narrower window.
 */
export const MAX_PAGES = 50

/** The choice could not be made; `selection` is the evidence of what was asked and seen. */
export class SelectionRefusal extends DrillRefusal {
  constructor(
    message: string,
    readonly selection: Selection,
  ) {
    super(message)
    this.name = 'SelectionRefusal'
  }
}

export interface Chosen<T extends Listed> {
  backup: T
  selection: Selection
}

export interface WalkContext {
  /** The job whose listing is walked, named in every refusal. */
  jobId: string
  /** The runner's clock at the start of the choice: windows end here. */
  now: number
  /** Uniform in [0, 1); only `random` draws from it. */
  random: () => number
}

/**
 * Chooses a backup of the job by `criteria`, asking `listPage` for page 1, then each next page
 * the listing names, until the choice is settled or MAX_PAGES were read. Errors of `listPage`
 * pass through as they are.
 */
export async function walkCandidates<T extends Listed>(
  listPage: (page: number) => Promise<ListedPage<T>>,
  criteria: Criteria,
  context: WalkContext,
): Promise<Chosen<T>> {
  const { jobId, now, random } = context
  let seen: Seen<T> = nothingSeen()
  let page = 1
  let bounded = false
  for (;;) {
    const listed = await listPage(page)
    seen = see(seen, page, listed, criteria, now)
    if (seen.disorder !== null) {
      const selection = selectionOf(criteria, seen.candidates.length)
      throw new SelectionRefusal(outOfOrder(jobId, seen.disorder), selection)
    }
    if (listed.nextPage === null || mayStop(seen, criteria, now)) break
    if (seen.pages >= MAX_PAGES) {
      bounded = true
      break
    }
    page = listed.nextPage
  }
  const selection = selectionOf(criteria, seen.candidates.length)
  if (bounded && criteria.rule === 'random' && seen.candidates.length > 0)
    throw new SelectionRefusal(tooMany(jobId, criteria, seen), selection)
  const backup = pick(criteria.rule, seen.candidates, random)
  if (backup === null)
    throw new SelectionRefusal(noCandidate(jobId, criteria, seen, now, bounded), selection)
  return { backup, selection }
}
