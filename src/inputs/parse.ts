// The action's inputs, as raw strings, checked into frozen Settings: every bad input is reported
// at once, before any request is sent (docs/architecture.md, Inputs). Pure: read.ts gives it the
// runner's inputs, tests give it plain strings.
import { Failure } from '../failure.js'
import { parseDrillName } from './fleet.js'
import { Input, type InputName } from './names.js'
import {
  COMMANDS,
  VERIFY_LEVELS,
  type AlertSettings,
  type Mode,
  type Settings,
  type VerifyLevel,
  type WrittenDuration,
} from './settings.js'
import { parseHistory } from './history.js'
import { drillTarget, parseTarget } from './target.js'
import {
  DURATION_BOUNDS,
  collect,
  labelRule,
  ok,
  oneOf,
  optionalDuration,
  optionalText,
  parseApiUrlInput,
  parseBoolean,
  parseCompute,
  parseFileList,
  problem,
  refused,
  requiredDuration,
  type Parsed,
} from './values.js'

/** Raw input strings by name, as the runner gives them. */
export type InputSource = (name: InputName) => string

/** Every bad input of one run, reported together so that one edit of the workflow fixes them all. */
export class InputError extends Failure {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid inputs: ${problems.join('; ')}.`)
    this.name = 'InputError'
  }
}

/** The alerting inputs, checked once: the settings when alerting is on and they are good. */
export interface AlertInputs {
  /** Null when `issue_on_failure` is off or its own inputs are bad. */
  readonly settings: AlertSettings | null
  readonly problems: readonly string[]
  /** `drill_name`, made one safe line; null when not given. Read here, so a bad run has it too. */
  readonly drillName: string | null
}

const trimmed =
  (get: InputSource): InputSource =>
  (name) =>
    get(name).trim()

/**
 * The alerting inputs alone. They are read before the others, so that a drill failing on another
 * bad input still alerts; parseSettings then reuses this reading rather than checking them again.
 */
export function parseAlertSettings(get: InputSource): AlertInputs {
  const raw = trimmed(get)
  const enabled = parseBoolean(Input.issueOnFailure, raw(Input.issueOnFailure))
  const on = enabled.ok && enabled.value
  const githubToken = raw(Input.githubToken)
  const label = raw(Input.issueLabel)
  const problems = enabled.ok ? [] : [...enabled.problems]
  if (on && githubToken === '') {
    const rule = 'is required with `issue_on_failure`: leave it out to use the workflow token'
    problems.push(problem(Input.githubToken, rule))
  }
  const labelProblem = on ? labelRule(label) : null
  if (labelProblem !== null) problems.push(problem(Input.issueLabel, labelProblem, { got: label }))
  const drillName = parseDrillName(raw(Input.drillName))
  if (!on || problems.length > 0) return { settings: null, problems, drillName }
  // A named drill (a leg of a fleet matrix) keeps its issue by name, whatever backup it picks.
  const target = drillTarget(raw, drillName ?? '')
  return { settings: Object.freeze({ githubToken, label, target }), problems, drillName }
}

/** Validates raw input strings into frozen Settings, or throws InputError. */
export function parseSettings(
  get: InputSource,
  alert: AlertInputs = parseAlertSettings(get),
): Settings {
  const raw = trimmed(get)
  const mode = oneOf(Input.mode, raw(Input.mode), COMMANDS)
  // An unknown mode is reported, and the other inputs are still checked as a restore's, so that
  // the same run names every other problem too.
  const command = mode.ok ? mode.value : 'restore'
  const fields = collect({
    apiToken:
      raw(Input.apiToken) === ''
        ? refused(
            problem(Input.apiToken, 'is required: pass your SnapShooter API token from a secret'),
          )
        : ok(raw(Input.apiToken)),
    target: parseTarget(raw),
    command: mode.ok ? commandRules(command, raw) : mode,
    // Refused in download mode by commandRules; their own rules would only add noise.
    compute:
      command === 'download' ? ok(null) : parseCompute(raw(Input.computeType), raw(Input.serverId)),
    files: parseFileList(raw(Input.files)),
    wait: parseBoolean(Input.wait, raw(Input.wait)),
    dryRun: parseBoolean(Input.dryRun, raw(Input.dryRun)),
    timeoutMs: requiredDuration(Input.timeout, raw(Input.timeout), DURATION_BOUNDS.timeout),
    pollIntervalMs: requiredDuration(
      Input.pollInterval,
      raw(Input.pollInterval),
      DURATION_BOUNDS.pollInterval,
    ),
    maxBackupAgeMs: optionalDuration(
      Input.maxBackupAge,
      raw(Input.maxBackupAge),
      DURATION_BOUNDS.limit,
    ),
    maxRestoreDurationMs: optionalDuration(
      Input.maxRestoreDuration,
      raw(Input.maxRestoreDuration),
      DURATION_BOUNDS.limit,
    ),
    onTimeout: oneOf(Input.onTimeout, raw(Input.onTimeout), ['fail', 'warn'] as const),
    apiUrl: parseApiUrlInput(raw(Input.apiUrl)),
    resultFile: ok(optionalText(raw(Input.resultFile))),
    downloadTo: ok(optionalText(raw(Input.downloadTo))),
    verify: parseVerify(command, raw(Input.verify)),
    alert: alert.problems.length === 0 ? ok(alert.settings) : refused(...alert.problems),
    history: parseHistory(raw, drillTarget(raw, alert.drillName ?? ''), {
      tokenReported: alert.problems.some((text) => text.startsWith(`\`${Input.githubToken}\``)),
    }),
  })
  if (!fields.ok) throw new InputError(fields.problems)

  const { value } = fields
  const base = {
    apiToken: value.apiToken,
    timeoutMs: value.timeoutMs,
    onTimeout: value.onTimeout,
    dryRun: value.dryRun,
    resultFile: value.resultFile,
    apiUrl: value.apiUrl,
    alert: value.alert,
    history: value.history,
    written: writtenDurations(raw),
  }
  const { target } = value
  if (target.kind === 'restore') {
    return Object.freeze({
      command: 'watch',
      ...base,
      restoreId: target.restoreId,
      pollIntervalMs: value.pollIntervalMs,
      maxRestoreDurationMs: value.maxRestoreDurationMs,
    })
  }
  const common = {
    ...base,
    backupId: target.backupId,
    jobId: target.jobId,
    choice: target.choice,
    files: value.files,
    maxBackupAgeMs: value.maxBackupAgeMs,
  }
  return Object.freeze(
    value.command === 'download'
      ? { command: value.command, ...common, downloadTo: value.downloadTo, verify: value.verify }
      : {
          command: value.command,
          ...common,
          compute: value.compute,
          wait: value.wait,
          pollIntervalMs: value.pollIntervalMs,
          maxRestoreDurationMs: value.maxRestoreDurationMs,
        },
  )
}

/** Whether each input given applies to the command: any other is not silently ignored. */
const RESTORE_ONLY: readonly [InputName, (text: string) => boolean][] = [
  [Input.computeType, (text) => text !== ''],
  [Input.serverId, (text) => text !== ''],
  [Input.wait, (text) => /^false$/i.test(text)],
  [Input.maxRestoreDuration, (text) => text !== ''],
]

/** Outside download mode commandRules names a `verify` given, so its value is not checked. */
function parseVerify(command: Mode, text: string): Parsed<VerifyLevel> {
  if (command !== 'download') return ok('content')
  return oneOf(Input.verify, text || 'content', VERIFY_LEVELS)
}

/** And the inputs only a download reads; `verify` is given its default by the runner. */
const DOWNLOAD_ONLY: readonly [InputName, (text: string) => boolean][] = [
  [Input.downloadTo, (text) => text !== ''],
  [Input.verify, (text) => text !== '' && text !== 'content'],
]

/**
 * A download restores nothing, so inputs that only shape a restore are refused rather than
 * silently ignored: a workflow asking for a server or an RTO check would otherwise pass
 * unchecked. And a folder to download to, or a depth of verifying, means nothing to a restore.
 */
function commandRules(command: Mode, raw: InputSource): Parsed<Mode> {
  // With `restore_id`, parseTarget names what does not apply.
  if (command === 'restore' || raw(Input.restoreId) !== '') {
    const given = DOWNLOAD_ONLY.filter(([name, isGiven]) => isGiven(raw(name)))
    if (given.length === 0) return ok(command)
    return refused(
      ...given.map(([name]) =>
        problem(name, 'applies only with `mode: download`', { got: raw(name) }),
      ),
    )
  }
  const rule = 'does not apply with `mode: download`: remove it, or use `mode: restore`'
  const problems = RESTORE_ONLY.filter(([name, given]) => given(raw(name))).map(([name]) =>
    problem(name, rule, { got: raw(name) }),
  )
  return problems.length > 0 ? refused(...problems) : ok(command)
}

/** The limits as written, trimmed; an input left empty is left out. */
function writtenDurations(raw: InputSource): Partial<Record<WrittenDuration, string>> {
  const written: Partial<Record<WrittenDuration, string>> = {}
  for (const name of [Input.timeout, Input.maxBackupAge, Input.maxRestoreDuration] as const) {
    const text = raw(name).trim()
    if (text !== '') written[name] = text
  }
  return written
}
