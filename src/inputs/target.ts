// What a run works on: a backup (`backup_id`: a UUID, or `latest`/`random` with `job_id` and the
// filters that narrow the job's candidates), or a restore made before (`restore_id`). Pure: the
// rules between these inputs, every broken one reported together.
import { MAX_BACKUP_WINDOW_MS } from '../duration.js'
import { BACKUP_TAGS, Input, type InputName } from './names.js'
import type { Choice } from './settings.js'
import {
  UUID,
  ok,
  oneOf,
  optionalDuration,
  optionalText,
  problem,
  refused,
  type Parsed,
} from './values.js'

export type Target =
  | { kind: 'backup'; backupId: string; jobId: string | null; choice: Choice | null }
  | { kind: 'restore'; restoreId: string }

const FILTERS = [Input.backupTag, Input.backupWindow, Input.completedBefore] as const

/**
 * Inputs that shape a new restore: following one made before sends none, so each is refused
 * rather than ignored. `wait: false` would leave nothing to do.
 */
const NOT_WITH_RESTORE_ID: readonly [InputName, (text: string) => boolean][] = [
  [Input.backupId, (text) => text !== ''],
  [Input.jobId, (text) => text !== ''],
  [Input.files, (text) => text !== ''],
  [Input.computeType, (text) => text !== ''],
  [Input.serverId, (text) => text !== ''],
  [Input.dryRun, (text) => /^true$/i.test(text)],
  [Input.mode, (text) => text === 'download'],
  [Input.maxBackupAge, (text) => text !== ''],
  ...FILTERS.map((name): [InputName, (text: string) => boolean] => [name, (text) => text !== '']),
]

// ISO 8601 with a zone: a time without one would mean the runner's zone, which nobody chose.
const ISO_WITH_ZONE =
  /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?(Z|[+-]([01]\d|2[0-3]):?[0-5]\d)$/i

/** `completed_before`: epoch ms, or null when empty. */
export function parseCompletedBefore(text: string): Parsed<number | null> {
  if (text === '') return ok(null)
  const ms = ISO_WITH_ZONE.test(text) ? Date.parse(text.toUpperCase()) : NaN
  if (Number.isFinite(ms)) return ok(ms)
  const rule = 'must be an ISO 8601 time with a zone, such as `2026-11-20T04:00:00Z`'
  return refused(problem(Input.completedBefore, rule, { got: text }))
}

/** The target of the run, from `backup_id`, `job_id`, the filters and `restore_id`. */
export function parseTarget(raw: (name: InputName) => string): Parsed<Target> {
  const restoreText = raw(Input.restoreId)
  if (restoreText !== '') return parseRestoreTarget(restoreText, raw)
  const backupText = raw(Input.backupId)
  const backupId = backupText.toLowerCase()
  const jobText = raw(Input.jobId)
  const jobId = jobText.toLowerCase()
  const chooses = backupId === 'latest' || backupId === 'random'
  const problems: string[] = []
  if (backupId === '') {
    const rule =
      'is required: a backup UUID, or `latest` or `random` with `job_id`; or give `restore_id`'
    problems.push(problem(Input.backupId, rule))
  } else if (!chooses && !UUID.test(backupId)) {
    const rule = 'must be a backup UUID, `latest` or `random`'
    problems.push(problem(Input.backupId, rule, { got: backupText }))
  }
  if (jobId !== '' && !UUID.test(jobId))
    problems.push(problem(Input.jobId, 'must be a job UUID', { got: jobText }))
  else if (chooses && jobId === '')
    problems.push(problem(Input.jobId, `is required when \`backup_id\` is \`${backupId}\``))

  const tagText = raw(Input.backupTag)
  const tag = tagText === '' ? ok(null) : oneOf(Input.backupTag, tagText, BACKUP_TAGS)
  const bounds = { min: 1000, max: MAX_BACKUP_WINDOW_MS }
  const windowMs = optionalDuration(Input.backupWindow, raw(Input.backupWindow), bounds)
  const before = parseCompletedBefore(raw(Input.completedBefore))
  for (const parsed of [tag, windowMs, before]) if (!parsed.ok) problems.push(...parsed.problems)
  if (!chooses && backupId !== '') {
    const rule = 'applies only when `backup_id` is `latest` or `random`'
    for (const name of FILTERS)
      if (raw(name) !== '') problems.push(problem(name, rule, { got: raw(name) }))
  }
  if (problems.length > 0 || !tag.ok || !windowMs.ok || !before.ok) return refused(...problems)
  const choice: Choice | null = chooses
    ? Object.freeze({
        rule: backupId,
        tag: tag.value,
        windowMs: windowMs.value,
        completedBefore: before.value,
      })
    : null
  return ok({ kind: 'backup', backupId, jobId: optionalText(jobId), choice })
}

function parseRestoreTarget(text: string, raw: (name: InputName) => string): Parsed<Target> {
  const problems: string[] = []
  if (!UUID.test(text))
    problems.push(problem(Input.restoreId, 'must be a restore UUID', { got: text }))
  const rule = 'does not apply with `restore_id`, which follows a restore made before: remove it'
  for (const [name, given] of NOT_WITH_RESTORE_ID)
    if (given(raw(name))) problems.push(problem(name, rule, { got: raw(name) }))
  if (/^false$/i.test(raw(Input.wait))) {
    const waitRule = 'cannot be `false` with `restore_id`: following a restore is waiting for it'
    problems.push(problem(Input.wait, waitRule))
  }
  return problems.length > 0
    ? refused(...problems)
    : ok({ kind: 'restore', restoreId: text.toLowerCase() })
}

/**
 * The drill's target, the name the drill issue and the history know it by, stable from run to
 * run and made even from bad inputs: `drillName` when given, else `job <job_id>` for `latest`
 * and `random` (a choice among a job's backups drills the job, whichever backup it picks this
 * time), `restore <restore_id>` when following one, else `backup <backup_id>`.
 */
export function drillTarget(raw: (name: InputName) => string, drillName = ''): string {
  if (drillName.trim() !== '') return drillName.trim()
  const backupId = raw(Input.backupId).trim()
  const restoreId = raw(Input.restoreId).trim()
  if (['latest', 'random'].includes(backupId.toLowerCase()))
    return `job ${raw(Input.jobId).trim() || '(no job_id)'}`
  if (backupId === '' && restoreId !== '') return `restore ${restoreId}`
  return `backup ${backupId || '(no backup_id)'}`
}
