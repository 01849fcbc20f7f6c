import type { Outcome } from '../inputs/names.js'
import type { AlertSettings } from '../inputs/settings.js'
import type { AlertOptions, AlertResult } from './github.js'
import { mayAlert } from './plan.js'

/** Raises the drill's alert for an outcome, with the job summary to post; null when none was. */
export type Alert = (outcome: Outcome, summary: string) => Promise<AlertResult | null>

/**
 * The drill's alert, or none when alerting is off. Octokit (in ./github.js) is imported only
 * when an alert is actually raised, so drills that do not alert never pay for loading it.
 */
export function drillAlert(
  settings: AlertSettings | null,
  env: NodeJS.ProcessEnv,
  options: AlertOptions = {},
): Alert | undefined {
  if (settings === null) return undefined
  return async (outcome, summary) => {
    if (!mayAlert(outcome)) return null
    const { alertOnGitHub } = await import('./github.js')
    return alertOnGitHub(settings, outcome, summary, env, options)
  }
}
