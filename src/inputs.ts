import * as core from '@actions/core'
import { Input, type InputName } from './constants.js'
import { formatDuration, parseDuration } from './duration.js'
import { Failure } from './failure.js'
import {
  UUID,
  checkPatterns,
  labelRule,
  parseApiUrl,
  parseBoolean,
  parseCompute,
  parseFiles,
  quote,
  type Compute,
  type FileSelector,
} from './input-values.js'
import { type Mode, parseMode } from './mode.js'

export type { ComputeType, FileSelector } from './input-values.js'
export { parseFiles } from './input-values.js'

export interface Settings {
  readonly apiToken: string
  /** A backup UUID (lower case), or `latest`. */
  readonly backupId: string
  readonly jobId: string | null
  readonly files: readonly FileSelector[]
  readonly compute: Compute | null
  readonly wait: boolean
  readonly timeoutMs: number
  readonly pollIntervalMs: number
  readonly onTimeout: 'fail' | 'warn'
  readonly maxBackupAgeMs: number | null
  readonly maxRestoreDurationMs: number | null
  readonly dryRun: boolean
  readonly resultFile: string | null
  /** Without a trailing slash. */
  readonly apiUrl: string
  /** Null when `issue_on_failure` is off. */
  readonly alert: AlertSettings | null
  readonly mode: Mode
  /** As given; null means a folder named after the backup under RUNNER_TEMP. */
  readonly downloadTo: string | null
}

export interface AlertSettings {
  readonly githubToken: string
  readonly label: string
  /** The drill's target as the inputs name it: `job <job_id>` for `latest`, else `backup <backup_id>`. */
  readonly target: string
}

export const MAX_TIMEOUT_MS = 6 * 3_600_000
// Faster checks than this would only spend the API's rate limit.
export const MIN_POLL_INTERVAL_MS = 100

/** Every bad input of one run, reported together so that one edit of the workflow fixes them all. */
export class InputError extends Failure {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid inputs: ${problems.join('; ')}.`)
    this.name = 'InputError'
  }
}

/** Masks the tokens given as inputs: the first thing a run does, before anything can print them. */
export function maskSecrets(): void {
  for (const name of [Input.apiToken, Input.githubToken]) {
    const token = core.getInput(name)
    if (token !== '') core.setSecret(token)
  }
}

/** Reads the action's inputs. */
export function readSettings(): Settings {
  return parseSettings((name) => core.getInput(name))
}

/** Reads the alerting inputs alone, so that a drill failing on another bad input still alerts. */
export function readAlertSettings(): AlertSettings | null {
  return parseAlertSettings((name) => core.getInput(name))
}

/** Validates raw input strings (as the runner gives them) into frozen Settings, or throws InputError. */
export function parseSettings(get: (name: InputName) => string): Settings {
  const problems: string[] = []
  const raw = (name: InputName): string => get(name).trim()
  const bad = (name: InputName, rule: string, shown = true): void => {
    problems.push(shown ? `\`${name}\` ${rule} (got ${quote(raw(name))})` : `\`${name}\` ${rule}`)
  }

  const apiToken = raw(Input.apiToken)
  if (apiToken === '')
    bad(Input.apiToken, 'is required: pass your SnapShooter API token from a secret', false)

  const backupId = raw(Input.backupId).toLowerCase()
  const jobId = raw(Input.jobId).toLowerCase()
  if (backupId === '')
    bad(Input.backupId, 'is required: a backup UUID, or `latest` with `job_id`', false)
  else if (backupId !== 'latest' && !UUID.test(backupId))
    bad(Input.backupId, 'must be a backup UUID or `latest`')
  if (jobId !== '' && !UUID.test(jobId)) bad(Input.jobId, 'must be a job UUID')
  else if (backupId === 'latest' && jobId === '')
    bad(Input.jobId, 'is required when `backup_id` is `latest`', false)

  const mode = parseMode(raw, bad)
  // In download mode these inputs are refused by parseMode; their own rules would only add noise.
  const compute =
    mode === 'download' ? null : parseCompute(raw(Input.computeType), raw(Input.serverId), bad)
  const files = parseFiles(raw(Input.files))
  checkPatterns(files, bad)

  const wait = parseBoolean(raw(Input.wait), () => bad(Input.wait, 'must be `true` or `false`'))
  const dryRun = parseBoolean(raw(Input.dryRun), () =>
    bad(Input.dryRun, 'must be `true` or `false`'),
  )

  const duration = (
    name: InputName,
    required: boolean,
    min: number,
    max: number,
  ): number | null => {
    const text = raw(name)
    if (text === '' && !required) return null
    const ms = parseDuration(text)
    if (ms === null)
      bad(name, 'must be a duration such as `90s`, `30m`, `1h30m`, `500ms` or a number of seconds')
    else if (ms < min) bad(name, `must be at least ${formatDuration(min)}`)
    else if (ms > max) bad(name, `must be at most ${formatDuration(max)}`)
    else return ms
    return null
  }
  const timeoutMs = duration(Input.timeout, true, 1000, MAX_TIMEOUT_MS)
  const pollIntervalMs = duration(Input.pollInterval, true, MIN_POLL_INTERVAL_MS, MAX_TIMEOUT_MS)
  const maxBackupAgeMs = duration(Input.maxBackupAge, false, 1000, Number.MAX_SAFE_INTEGER)
  const maxRestoreDurationMs = duration(
    Input.maxRestoreDuration,
    false,
    1000,
    Number.MAX_SAFE_INTEGER,
  )

  const onTimeout = raw(Input.onTimeout)
  if (onTimeout !== 'fail' && onTimeout !== 'warn') bad(Input.onTimeout, 'must be `fail` or `warn`')

  const apiUrl = parseApiUrl(raw(Input.apiUrl))
  if (apiUrl === null) {
    bad(
      Input.apiUrl,
      'must be an https:// URL without user:password, query or fragment ' +
        '(http:// only for loopback hosts)',
    )
  }

  const resultFile = raw(Input.resultFile)
  const downloadTo = raw(Input.downloadTo)

  const alerting = parseBoolean(raw(Input.issueOnFailure), () =>
    bad(Input.issueOnFailure, 'must be `true` or `false`'),
  )
  const label = raw(Input.issueLabel)
  const githubToken = raw(Input.githubToken)
  if (alerting && githubToken === '') {
    bad(
      Input.githubToken,
      'is required with `issue_on_failure`: leave it out to use the workflow token',
      false,
    )
  }
  const labelProblem = alerting ? labelRule(label) : null
  if (labelProblem !== null) bad(Input.issueLabel, labelProblem)

  if (problems.length > 0) throw new InputError(problems)
  return Object.freeze({
    apiToken,
    backupId,
    jobId: jobId === '' ? null : jobId,
    files: Object.freeze(files),
    compute,
    wait,
    timeoutMs: timeoutMs as number,
    pollIntervalMs: pollIntervalMs as number,
    onTimeout: onTimeout as 'fail' | 'warn',
    maxBackupAgeMs,
    maxRestoreDurationMs,
    dryRun,
    resultFile: resultFile === '' ? null : resultFile,
    apiUrl: apiUrl as string,
    alert: parseAlertSettings(get),
    mode,
    downloadTo: downloadTo === '' ? null : downloadTo,
  })
}

/** Alerting settings; null when `issue_on_failure` is off or its own inputs are bad. */
export function parseAlertSettings(get: (name: InputName) => string): AlertSettings | null {
  const raw = (name: InputName): string => get(name).trim()
  const githubToken = raw(Input.githubToken)
  const label = raw(Input.issueLabel)
  const enabled = parseBoolean(raw(Input.issueOnFailure), () => {})
  if (!enabled || githubToken === '' || labelRule(label) !== null) return null
  const backupId = raw(Input.backupId)
  const target =
    backupId.toLowerCase() === 'latest'
      ? `job ${raw(Input.jobId) || '(no job_id)'}`
      : `backup ${backupId || '(no backup_id)'}`
  return Object.freeze({ githubToken, label, target })
}
