// One result file of a fleet leg, read as untrusted text: the JSON the main action wrote
// (version 1), or why it is not one. Nothing from the file is trusted: each field is checked for
// its type, text is made one short line, and a run link is built only from well-formed parts.
import { capRecordFiles } from '../history/record.js'
import { cut, neutralise } from '../line-text.js'
import { Outcomes, type Outcome } from '../inputs/names.js'

/** Longest text kept from a result file: a name, an error, an id. */
export const MAX_TEXT = 200

export interface Leg {
  file: string
  name: string | null
  jobId: string | null
  backupId: string | null
  outcome: Outcome
  error: string | null
  backupAgeSeconds: number | null
  /** The `max_backup_age` and `max_restore_duration` checks, when the leg had them. */
  rpo: Check | null
  durationSeconds: number | null
  rto: Check | null
  run: { url: string | null; id: number | null; attempt: number | null }
  /** The result as the file holds it, for the drill history (src/fleet/report-history.ts). */
  result: Readonly<Record<string, unknown>>
}

export interface Check {
  limitSeconds: number
  /** The limit as the leg's workflow wrote it (`26h`), when its result keeps a sound one. */
  limit: string | null
  passed: boolean | null
}

/** A written limit from a result file: shown only when it reads as a duration, never as markup. */
function writtenLimit(value: unknown): string | null {
  return typeof value === 'string' && /^[0-9][0-9a-z ]{0,23}$/i.test(value) ? value : null
}

export type Read = { leg: Leg } | { file: string; problem: string }

type Obj = Record<string, unknown>
export const isObj = (value: unknown): value is Obj =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * One line that starts no workflow command, at most MAX_TEXT characters: a result file is
 * anyone's text, and its names reach the report's error line and annotations.
 */
export function clean(value: string): string {
  return cut(neutralise(value).replace(/\s+/g, ' ').trim(), MAX_TEXT)
}

/** A field of a result file as text: one short line, or null when it holds none. */
export const text = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== '' ? clean(value) : null
const num = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null
/** Longer than any backup is kept or any restore runs: a figure beyond it is no measure. */
export const MAX_SECONDS = 100 * 365 * 86_400
/** An age, a duration or a limit: a negative one or one past MAX_SECONDS is unknown, not shown. */
const seconds = (value: unknown): number | null => {
  const parsed = num(value)
  return parsed !== null && parsed >= 0 && parsed <= MAX_SECONDS ? parsed : null
}
const whole = (value: unknown): number | null => {
  const parsed = typeof value === 'string' && /^\d{1,15}$/.test(value) ? Number(value) : num(value)
  return parsed !== null && Number.isSafeInteger(parsed) && parsed >= 0 ? parsed : null
}

/** A result nests six levels deep; far deeper is no result, and would overflow JSON.stringify. */
export const MAX_DEPTH = 64

/** Whether JSON text nests arrays and objects deeper than `limit`, by one pass over its text. */
export function nestsDeeper(source: string, limit: number): boolean {
  let depth = 0
  let inString = false
  for (let i = 0; i < source.length; i++) {
    const char = source[i]
    if (inString) {
      if (char === '\\') i++
      else if (char === '"') inString = false
    } else if (char === '"') inString = true
    else if (char === '{' || char === '[') {
      if (++depth > limit) return true
    } else if (char === '}' || char === ']') depth--
  }
  return false
}

/** The leg a result file's text describes, or why it describes none. */
export function readLeg(file: string, source: string, serverUrl: string): Read {
  let value: unknown
  try {
    value = JSON.parse(source)
  } catch {
    return { file, problem: 'is not JSON' }
  }
  if (!isObj(value)) return { file, problem: 'is not a JSON object' }
  // Its record is written to the drill history whole: one that cannot be written again would
  // cost the whole fleet its history, so it is refused here, as a file of its own.
  if (nestsDeeper(source, MAX_DEPTH))
    return { file, problem: `nests deeper than ${MAX_DEPTH} levels, as no result does` }
  if (value.version !== 1) return { file, problem: 'is not a version 1 result' }
  const outcome = value.outcome
  if (typeof outcome !== 'string' || !(Outcomes as readonly string[]).includes(outcome))
    return { file, problem: 'has no known outcome' }
  const { backup, restore, run, checks, drill, error } = value
  if (!isObj(backup) || !isObj(restore) || !isObj(run) || !Array.isArray(checks))
    return { file, problem: 'lacks backup, restore, checks or run' }
  const check = (name: string): Check | null => {
    const found = checks.find((item): item is Obj => isObj(item) && item.name === name)
    const limit = seconds(found?.limit_seconds)
    if (found === undefined || limit === null) return null
    return {
      limitSeconds: limit,
      limit: writtenLimit(found.limit),
      passed: typeof found.passed === 'boolean' ? found.passed : null,
    }
  }
  return {
    leg: {
      file,
      name: isObj(drill) ? text(drill.name) : null,
      jobId: text(backup.job_id)?.toLowerCase() ?? null,
      backupId: text(backup.id),
      outcome: outcome as Outcome,
      error: isObj(error) ? text(error.message) : null,
      backupAgeSeconds: seconds(backup.age_seconds),
      rpo: check('max_backup_age'),
      durationSeconds: seconds(restore.duration_seconds),
      rto: check('max_restore_duration'),
      run: {
        url: runUrl(run, serverUrl),
        id: whole(run.run_id),
        attempt: whole(run.run_attempt),
      },
      result: capRecordFiles(value),
    },
  }
}

/**
 * The leg's run on GitHub, from parts that cannot make another link or markup. The host is the
 * report's own GITHUB_SERVER_URL, never one the file names: a result file is anyone's text, and
 * its link must not lead off the GitHub the workflow runs on.
 */
function runUrl(run: Obj, server: string): string | null {
  const { repository } = run
  const id = whole(run.run_id)
  const attempt = whole(run.run_attempt)
  if (!/^https?:\/\/[\w.-]+(:\d+)?$/.test(server)) return null
  if (typeof repository !== 'string' || !/^[\w.-]+\/[\w.-]+$/.test(repository)) return null
  if (id === null) return null
  return `${server}/${repository}/actions/runs/${id}${attempt === null ? '' : `/attempts/${attempt}`}`
}
