import { readFileSync } from 'node:fs'
import { parse } from 'yaml'

interface ActionYml {
  inputs: Record<string, { description: string; required?: boolean; default?: string }>
  outputs: Record<string, { description: string }>
  runs: { using: string; main: string }
}

export const ROOT = new URL('../../', import.meta.url).pathname

export function actionYml(): ActionYml {
  return parse(readFileSync(`${ROOT}action.yml`, 'utf8')) as ActionYml
}

/** The token the runner puts in `${{ github.token }}` in these tests. */
export const WORKFLOW_TOKEN = 'ghs_workflow-token-from-the-runner-0001'

/**
 * What the runner passes for inputs the workflow leaves out: each declared default, else '',
 * with `${{ github.token }}` evaluated as the runner does.
 */
export function actionDefaults(): Record<string, string> {
  return Object.fromEntries(
    Object.entries(actionYml().inputs).map(([name, input]) => [
      name,
      String(input.default ?? '').replace(/\$\{\{\s*github\.token\s*\}\}/g, WORKFLOW_TOKEN),
    ]),
  )
}
