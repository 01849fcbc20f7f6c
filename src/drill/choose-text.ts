// The one-line reasons a choice of backup fails: what was asked, what the walk saw, what to do.
// Every piece of them is an id, a number or a time the action itself formats.
import { DAY_MS, formatDuration } from '../duration.js'
import { type Criteria, type Disorder, type Listed, type Seen, timeOf } from './choose.js'

const HOUR_MS = 3_600_000
const MINUTE_MS = 60_000

const count = (n: number): string => n.toLocaleString('en-US')
const iso = (ms: number): string => new Date(ms).toISOString()

/** An age as a person reads it: `41d`, `1d6h`, `5h12m`; the exact time is given beside it. */
function age(ms: number): string {
  const unit = ms >= DAY_MS ? HOUR_MS : ms >= HOUR_MS ? MINUTE_MS : 1000
  return formatDuration(Math.max(0, Math.round(ms / unit) * unit))
}

/** `completed monthly backup in the last 30d from before 2026-11-20T04:00:00.000Z` */
function wanted(criteria: Criteria): string {
  const { tag, windowMs, completedBefore } = criteria
  const window = windowMs === null ? '' : ` in the last ${formatDuration(windowMs)}`
  const before = completedBefore === null ? '' : ` from before ${iso(completedBefore)}`
  return `completed ${tag === null ? '' : `${tag} `}backup${window}${before}`
}

function filtered(criteria: Criteria): boolean {
  return criteria.tag !== null || criteria.windowMs !== null || criteria.completedBefore !== null
}

/** The closest miss the walk saw, when one says more than the count. */
function nearMiss(criteria: Criteria, seen: Seen<Listed>, now: number): string {
  const { tag, completedBefore } = criteria
  const one = `${tag === null ? '' : `${tag} `}one`
  const nearestAt = seen.nearest === null ? null : timeOf(seen.nearest)
  if (nearestAt !== null) {
    const before = completedBefore === null ? '' : ` from before ${iso(completedBefore)}`
    return `; the newest ${one}${before} completed ${age(now - nearestAt)} ago, at ${iso(nearestAt)}`
  }
  const earliestAt = seen.earliestTooNew === null ? null : timeOf(seen.earliestTooNew)
  if (earliestAt !== null) {
    const oldest = seen.exhausted ? 'the oldest' : 'the oldest seen'
    return `; ${oldest} ${one} completed at ${iso(earliestAt)}, not before \`completed_before\``
  }
  if (tag !== null && seen.untagged > 0)
    return `; none of the ${count(seen.untagged)} completed one(s) it saw is tagged ${tag}`
  return ''
}

function advice(criteria: Criteria): string {
  if (!filtered(criteria)) return 'check the job in SnapShooter, or give a backup id as `backup_id`'
  const ways = [
    criteria.windowMs === null ? null : 'widen `backup_window`',
    criteria.tag === null ? null : 'choose another `backup_tag`',
    criteria.completedBefore === null ? null : 'move `completed_before` later',
  ].filter((way) => way !== null)
  return `${ways.join(', ')}, or check the job's backups and retention in SnapShooter`
}

/**
 * No backup matched: names each filter, what the walk saw, and how far back it looked; `bounded`
 * when the walk stopped at its page bound, not at an answer.
 */
export function noCandidate(
  jobId: string,
  criteria: Criteria,
  seen: Seen<Listed>,
  now: number,
  bounded: boolean,
): string {
  const scope = seen.exhausted
    ? `looked at all ${count(seen.listed)} of its backups`
    : `looked at its newest ${count(seen.listed)} backups`
  const skipped =
    seen.ahead === 0
      ? ''
      : `; ${count(seen.ahead)} completed backup(s) skipped, their completed_at ahead of the runner's clock`
  const hint = filtered(criteria) ? nearMiss(criteria, seen, now) : ''
  const stopped = bounded ? bound(seen) : ''
  return `Job ${jobId} has no ${wanted(criteria)} (${scope}${skipped})${hint}${stopped}: ${advice(criteria)}.`
}

function bound(seen: Seen<Listed>): string {
  const back = seen.reached === null ? '' : `, back to ${iso(seen.reached)}`
  return `; the walk stops after ${count(seen.pages)} pages${back}`
}

/** `random` reached the page bound still inside the window: a uniform choice cannot be made. */
export function tooMany(jobId: string, criteria: Criteria, seen: Seen<Listed>): string {
  const back = seen.reached === null ? '' : `, back to ${iso(seen.reached)}`
  const reach =
    criteria.windowMs === null
      ? 'no `backup_window` bounds the walk: give one, such as `30d`'
      : `\`backup_window\` (${formatDuration(criteria.windowMs)}) reaches further back: narrow it`
  return `Job ${jobId} has too many backups to choose one at random: looked at ${count(seen.listed)} backups over ${count(seen.pages)} pages${back}, and ${reach}, so that every candidate can be seen.`
}

/** The listing broke the order it was asked for, on which every stop of the walk relies. */
export function outOfOrder(jobId: string, disorder: Disorder): string {
  return `SnapShooter listed the backups of job ${jobId} out of order: page ${disorder.page} holds one completed at ${iso(disorder.at)}, after ${iso(disorder.reached)} on an earlier page, though they were asked newest first; no backup can be chosen from such a list: give a backup id as \`backup_id\`.`
}
