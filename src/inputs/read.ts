// The only place that reads the runner's inputs: everything else takes Settings.
import * as core from '@actions/core'
import { parseJobsSettings } from './fleet.js'
import {
  Input,
  JobsInput,
  ReportInput,
  type InputName,
  type JobsInputName,
  type ReportInputName,
} from './names.js'
import { parseAlertSettings, parseSettings, type AlertInputs } from './parse.js'
import { parseReportSettings, type ReportSettings } from './report.js'
import type { JobsSettings, Settings } from './settings.js'

const fromRunner = (name: InputName | JobsInputName): string => core.getInput(name)

/** Masks the tokens given as inputs: the first thing a run does, before anything can print them. */
export function maskSecrets(): void {
  for (const name of [Input.apiToken, Input.githubToken]) {
    const token = fromRunner(name)
    if (token !== '') core.setSecret(token)
  }
}

/** The alerting inputs alone, so that a drill failing on another bad input still alerts. */
export function readAlertSettings(): AlertInputs {
  return parseAlertSettings(fromRunner)
}

/** Every input, checked; `alert` is the reading of readAlertSettings, not made again. */
export function readSettings(alert: AlertInputs): Settings {
  return parseSettings(fromRunner, alert)
}

/** The `jobs` sub-action's inputs, its token masked before anything else is read. */
export function readJobsSettings(): JobsSettings {
  const token = fromRunner(JobsInput.apiToken)
  if (token !== '') core.setSecret(token)
  return parseJobsSettings(fromRunner)
}

/** The `report` sub-action's inputs, checked before any result file is read. */
export function readReportSettings(): ReportSettings {
  const token = core.getInput(ReportInput.githubToken)
  if (token !== '') core.setSecret(token)
  return parseReportSettings((name: ReportInputName) => core.getInput(name))
}
