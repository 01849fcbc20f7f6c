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

/** What the runner passes for inputs the workflow leaves out: each declared default, else ''. */
export function actionDefaults(): Record<string, string> {
  return Object.fromEntries(
    Object.entries(actionYml().inputs).map(([name, input]) => [name, String(input.default ?? '')]),
  )
}
