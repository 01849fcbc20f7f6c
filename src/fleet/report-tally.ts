// The fleet's arithmetic, on plain values: which result stands for which drill, which expected
// jobs sent none, and the counts that decide the step.
//
// - A drill is its `drill.name`, else `job <job_id>`, else `backup <backup_id>`. Two results for
//   one drill are attempts of the same leg (a re-run): the newest stands, by run id, then
//   attempt, then the order found; the others are counted in `superseded`.
// - `failed` counts failed, timed_out and cancelled legs, and result files that could not be read
//   (`invalid`); `unverified` counts dry_run and not_waited legs, which proved no restore and
//   fail nothing; `missing` counts expected jobs with no readable result.
import type { ExpectedJob, FailOn } from '../inputs/report.js'
import type { Outcome } from '../inputs/names.js'
import type { Leg, Read } from './report-entry.js'

export type RowOutcome = Outcome | 'missing' | 'invalid'

export interface Row {
  name: string
  outcome: RowOutcome
  file: string | null
  job_id: string | null
  backup_id: string | null
  error: string | null
  backup_age_seconds: number | null
  rpo_limit_seconds: number | null
  /** `max_backup_age` as the leg's workflow wrote it. */
  rpo_limit: string | null
  rpo_passed: boolean | null
  duration_seconds: number | null
  rto_limit_seconds: number | null
  /** `max_restore_duration` as the leg's workflow wrote it. */
  rto_limit: string | null
  rto_passed: boolean | null
  run_url: string | null
  /** Older results of the same drill, left out. */
  superseded: number
}

export interface Counts {
  total: number
  succeeded: number
  failed: number
  missing: number
  unverified: number
}

const FAILED: readonly RowOutcome[] = ['failed', 'timed_out', 'cancelled', 'invalid']

export function drillName(leg: Leg): string {
  if (leg.name !== null) return leg.name
  if (leg.jobId !== null) return `job ${leg.jobId}`
  if (leg.backupId !== null) return `backup ${leg.backupId}`
  return leg.file
}

const blank = { job_id: null, backup_id: null, backup_age_seconds: null, duration_seconds: null }
const noChecks = {
  rpo_limit_seconds: null,
  rpo_limit: null,
  rpo_passed: null,
  rto_limit_seconds: null,
  rto_limit: null,
}

function legRow(leg: Leg, superseded: number): Row {
  return {
    name: drillName(leg),
    outcome: leg.outcome,
    file: leg.file,
    job_id: leg.jobId,
    backup_id: leg.backupId,
    error: leg.error,
    backup_age_seconds: leg.backupAgeSeconds,
    rpo_limit_seconds: leg.rpo?.limitSeconds ?? null,
    rpo_limit: leg.rpo?.limit ?? null,
    rpo_passed: leg.rpo?.passed ?? null,
    duration_seconds: leg.durationSeconds,
    rto_limit_seconds: leg.rto?.limitSeconds ?? null,
    rto_limit: leg.rto?.limit ?? null,
    rto_passed: leg.rto?.passed ?? null,
    run_url: leg.run.url,
    superseded,
  }
}

/** Whether `a` is a later attempt than `b`. */
const newer = (a: Leg, b: Leg): boolean =>
  (a.run.id ?? -1) !== (b.run.id ?? -1)
    ? (a.run.id ?? -1) > (b.run.id ?? -1)
    : (a.run.attempt ?? -1) > (b.run.attempt ?? -1)

/**
 * Whether `a` stands for the drill instead of `b`: the later attempt; of two from the same
 * attempt (two legs given one name, not a re-run), the one that did not succeed, so that a
 * success never hides a failure it did not come after.
 */
const standsOver = (a: Leg, b: Leg): boolean =>
  newer(a, b) || (!newer(b, a) && b.outcome === 'succeeded' && a.outcome !== 'succeeded')

/**
 * One row per drill, in the order first found, then one per unreadable file, then one per
 * expected job without a result (null `expected`: none is expected).
 */
export function fleetRows(reads: readonly Read[], expected: readonly ExpectedJob[] | null): Row[] {
  const drills = new Map<string, { leg: Leg; superseded: number }>()
  const invalid: Row[] = []
  for (const read of reads) {
    if (!('leg' in read)) {
      invalid.push({
        ...blank,
        ...noChecks,
        name: read.file,
        outcome: 'invalid',
        file: read.file,
        error: `The result file ${read.problem}.`,
        rto_passed: null,
        run_url: null,
        superseded: 0,
      })
      continue
    }
    const key = drillName(read.leg)
    const kept = drills.get(key)
    if (kept === undefined) drills.set(key, { leg: read.leg, superseded: 0 })
    else
      drills.set(key, {
        leg: standsOver(read.leg, kept.leg) ? read.leg : kept.leg,
        superseded: kept.superseded + 1,
      })
  }
  const rows = [...drills.values()].map(({ leg, superseded }) => legRow(leg, superseded))
  const missing = (expected ?? [])
    .filter(({ jobId, jobName }) => !rows.some((row) => answers(row, jobId, jobName)))
    .map(({ jobId, jobName }): Row => ({
      ...blank,
      ...noChecks,
      name: jobName ?? `job ${jobId}`,
      outcome: 'missing',
      file: null,
      job_id: jobId,
      error: 'No result file was found for this job.',
      rto_passed: null,
      run_url: null,
      superseded: 0,
    }))
  return [...rows, ...invalid, ...missing]
}

/** A leg answers for an expected job by its job id, or (a leg that failed early) by its name. */
function answers(row: Row, jobId: string, jobName: string | null): boolean {
  return row.job_id === jobId || (jobName !== null && row.name === jobName)
}

export function tally(rows: readonly Row[]): Counts {
  const count = (test: (outcome: RowOutcome) => boolean): number =>
    rows.filter((row) => test(row.outcome)).length
  return {
    total: rows.length,
    succeeded: count((outcome) => outcome === 'succeeded'),
    failed: count((outcome) => FAILED.includes(outcome)),
    missing: count((outcome) => outcome === 'missing'),
    unverified: count((outcome) => outcome === 'dry_run' || outcome === 'not_waited'),
  }
}

/** Whether the counts fail the step under `fail_on`. */
export function failsTheStep(counts: Counts, failOn: FailOn): boolean {
  return failOn === 'failed' && counts.failed + counts.missing > 0
}

/** The step's verdict as one line: the counts, and the first drills that did not pass. */
export function verdictLine(counts: Counts, rows: readonly Row[]): string {
  const bad = rows.filter((row) => FAILED.includes(row.outcome) || row.outcome === 'missing')
  const named = bad
    .slice(0, 5)
    .map((row) => `${row.name} (${row.outcome})`)
    .join(', ')
  const more = bad.length > 5 ? ` and ${bad.length - 5} more` : ''
  const head = `Fleet restore drill: ${counts.succeeded} of ${counts.total} succeeded, ${counts.failed} failed, ${counts.missing} missing`
  return bad.length === 0 ? `${head}.` : `${head}: ${named}${more}. See the job summary.`
}
