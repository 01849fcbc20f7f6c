// Choosing the recovery point among a job's backups: the newest candidate (`latest`) or one drawn
// uniformly among all of them (`random`), where a candidate is a completed backup that carries
// the tag asked for, completed within the window before now and strictly before
// `completed_before`. A drill that only ever restores the newest backup never proves the older
// ones, so the choice can reach back into the retention tiers.
//
// Pure: plain values in, plain values out. The walk (walk.ts) feeds it page after page.
//
// What the walk trusts of the listing, asked sorted newest first: the order ACROSS pages, not
// the order WITHIN one. The server sorts the whole list and then cuts it into pages, so every
// backup of page N+1 completed no later than every backup of page N; that is the only thing that
// lets a walk stop before the end of a job's history. Within a page nothing is relied on: each
// page is read whole, its newest and oldest found by comparing, which costs nothing. Where the
// trust can be checked, it is: a page holding a backup newer than the oldest one already seen
// stops the walk with a refusal, because neither "the newest" nor "one at random" means
// anything in such a list. From that:
//  - `latest` stops at the first page that yields a candidate: no later page can hold a newer
//    one. Among candidates completed at the same moment, the one listed first wins.
//  - both rules stop once the walk is past the window: a page whose oldest backup completed
//    before the window's start proves that every later page is older still. When no candidate
//    was found, the walk goes on until the newest backup that misses only the window shows up,
//    so that the refusal can say how old it is (the job's monthlies may have stopped).
//  - `random` otherwise walks to the end of the listing: uniform means every candidate seen.
import { aheadOfClockMs, parseTime, seconds } from './checks.js'
import type { BackupTag } from './tags.js'

export type Rule = 'latest' | 'random'

// The bound of `backup_window`, which input parsing checks; re-exported for the selection's users.
export { MAX_BACKUP_WINDOW_MS } from '../duration.js'

export interface Criteria {
  rule: Rule
  tag: BackupTag | null
  /** Only backups completed within this long before now. */
  windowMs: number | null
  /** Only backups completed strictly before this moment (epoch ms). */
  completedBefore: number | null
}

/**
 * What the choice reads of a listed backup. A parsed Backup has all of it but `tags`, which the
 * API's parser can fill with readTags (tags.ts); without them a backup matches no `backup_tag`.
 */
export interface Listed {
  id: string
  status: string
  completedAt: string | null
  tags?: Readonly<Record<string, boolean>>
}

export interface ListedPage<T extends Listed> {
  backups: readonly T[]
  /** The page to ask for next, or null when this was the last one. */
  nextPage: number | null
}

/** The `selection` evidence, as the output and the result JSON show it. */
export interface Selection {
  rule: 'id' | 'latest' | 'random' | 'restore_id'
  tag: string | null
  window_seconds: number | null
  completed_before: string | null
  /** Candidates the walk saw; null when no walk chose the backup. */
  candidates: number | null
}

export function selectionOf(criteria: Criteria, candidates: number): Selection {
  const { rule, tag, windowMs, completedBefore } = criteria
  return {
    rule,
    tag,
    window_seconds: windowMs === null ? null : seconds(windowMs),
    completed_before: completedBefore === null ? null : new Date(completedBefore).toISOString(),
    candidates,
  }
}

/** Why a listed backup is, or is not, a candidate. */
export type Verdict =
  'candidate' | 'unfinished' | 'untagged' | 'ahead' | 'undated' | 'tooNew' | 'tooOld'

export function isCompleted(backup: Listed): boolean {
  return backup.status.toLowerCase() === 'completed'
}

/**
 * Completed further ahead of `now` than clocks disagree: its time says nothing, and letting it
 * count would hide every real backup behind it.
 */
export function isAhead(backup: Listed, now: number): boolean {
  return aheadOfClockMs(backup.completedAt, now) > 0
}

export function timeOf(backup: Listed): number | null {
  return parseTime(backup.completedAt)
}

export function classify(backup: Listed, criteria: Criteria, now: number): Verdict {
  const { tag, windowMs, completedBefore } = criteria
  if (!isCompleted(backup)) return 'unfinished'
  if (tag !== null && backup.tags?.[tag] !== true) return 'untagged'
  if (isAhead(backup, now)) return 'ahead'
  const at = timeOf(backup)
  // Without a time, a backup is in no window and before no moment; without a time filter, it
  // is still a candidate (the last choice of `latest`).
  if (at === null) return windowMs === null && completedBefore === null ? 'candidate' : 'undated'
  if (completedBefore !== null && at >= completedBefore) return 'tooNew'
  if (windowMs !== null && at < now - windowMs) return 'tooOld'
  return 'candidate'
}

/** Two listed backups out of the order asked for: `at` was listed after `reached`. */
export interface Disorder {
  page: number
  at: number
  reached: number
}

/** What the walk has learned so far. */
export interface Seen<T extends Listed> {
  pages: number
  listed: number
  candidates: readonly T[]
  /** Completed backups of the tag skipped for a completed_at ahead of the runner's clock. */
  ahead: number
  /** Completed backups without the tag asked for. */
  untagged: number
  /** The oldest completed_at listed so far, of any status: how far back the walk has reached. */
  reached: number | null
  /** The newest backup that misses only the window. */
  nearest: T | null
  /** The oldest backup that misses only `completed_before`. */
  earliestTooNew: T | null
  /** The listing said there is no further page. */
  exhausted: boolean
  disorder: Disorder | null
}

export function nothingSeen<T extends Listed>(): Seen<T> {
  return {
    pages: 0,
    listed: 0,
    candidates: [],
    ahead: 0,
    untagged: 0,
    reached: null,
    nearest: null,
    earliestTooNew: null,
    exhausted: false,
    disorder: null,
  }
}

const newer = (a: Listed, b: Listed | null): boolean =>
  b === null || (timeOf(a) ?? -Infinity) > (timeOf(b) ?? -Infinity)

/** The walk's knowledge after page `asked`, listed as `page`. */
export function see<T extends Listed>(
  seen: Seen<T>,
  asked: number,
  page: ListedPage<T>,
  criteria: Criteria,
  now: number,
): Seen<T> {
  const next = { ...seen, pages: seen.pages + 1, listed: seen.listed + page.backups.length }
  const candidates = [...seen.candidates]
  for (const backup of page.backups) {
    const at = timeOf(backup)
    if (at !== null) {
      if (seen.reached !== null && at > seen.reached && next.disorder === null)
        next.disorder = { page: asked, at, reached: seen.reached }
      next.reached = next.reached === null ? at : Math.min(next.reached, at)
    }
    const verdict = classify(backup, criteria, now)
    if (verdict === 'candidate') candidates.push(backup)
    else if (verdict === 'ahead') next.ahead++
    else if (verdict === 'untagged') next.untagged++
    else if (verdict === 'tooOld' && newer(backup, next.nearest)) next.nearest = backup
    else if (
      verdict === 'tooNew' &&
      (next.earliestTooNew === null || newer(next.earliestTooNew, backup))
    )
      next.earliestTooNew = backup
  }
  return { ...next, candidates, exhausted: page.nextPage === null }
}

/** The walk's start of the window, or null without one. */
export function windowStart(criteria: Criteria, now: number): number | null {
  return criteria.windowMs === null ? null : now - criteria.windowMs
}

/** Whether the pages read so far settle the choice (see the top of this file). */
export function mayStop(seen: Seen<Listed>, criteria: Criteria, now: number): boolean {
  if (seen.exhausted) return true
  const found = seen.candidates.length > 0
  if (criteria.rule === 'latest' && found) return true
  const start = windowStart(criteria, now)
  const past = start !== null && seen.reached !== null && seen.reached < start
  return past && (found || seen.nearest !== null)
}

/**
 * `latest`: the newest candidate, the first listed among equals (an undated one only when no
 * other is left). `random`: each candidate with the same chance, `random()` being uniform in
 * [0, 1). Null when there is none.
 */
export function pick<T extends Listed>(
  rule: Rule,
  candidates: readonly T[],
  random: () => number,
): T | null {
  if (candidates.length === 0) return null
  if (rule === 'random') {
    // Clamped, so that a source straying outside [0, 1) still names a candidate.
    const drawn = Math.floor(random() * candidates.length)
    const index = Number.isFinite(drawn) ? Math.min(candidates.length - 1, Math.max(0, drawn)) : 0
    return candidates[index] ?? null
  }
  let best: T | null = null
  for (const backup of candidates) if (newer(backup, best)) best = backup
  return best
}
