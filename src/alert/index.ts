import type { AlertSettings } from '../inputs/settings.js'
import type { Alert } from '../report/publish.js'
import type { AlertOptions } from './github.js'
import { mayAlert } from './plan.js'

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
