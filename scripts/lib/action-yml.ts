// What the runner makes of an action's action.yml: the file it runs, and the inputs it hands
// over (the workflow's values over the declared defaults) as INPUT_* variables.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'

export interface ActionYml {
  // YAML reads an unquoted `default: true` or `default: 5` as a boolean or a number.
  inputs: Record<
    string,
    { description: string; required?: boolean; default?: string | number | boolean }
  >
  outputs: Record<string, { description: string }>
  runs: { using: string; main: string }
}

/** The action.yml in `dir`: the repository's root, or the folder of a sub-action. */
export function readActionYml(dir: string): ActionYml {
  return parse(readFileSync(join(dir, 'action.yml'), 'utf8')) as ActionYml
}

/** The file the runner executes for the action in `dir`: its `runs.main`. */
export function actionEntry(dir: string): string {
  return join(dir, readActionYml(dir).runs.main)
}

/** The runner's variable name for an input: spaces to underscores, upper-cased. */
export function inputVariable(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`
}

/** What the runner puts in `${{ github.token }}` here: a made-up workflow token. */
export const WORKFLOW_TOKEN = 'ghs_workflow-token-from-the-runner-0001'

/**
 * The inputs the runner hands over: every declared one, the workflow's value or else its
 * default (with `${{ github.token }}` evaluated) or else ''; and any undeclared one the workflow
 * gave, which the runner passes on too, with a warning.
 */
export function stepInputs(yml: ActionYml, given: Record<string, string>): Record<string, string> {
  const inputs: Record<string, string> = {}
  for (const [name, input] of Object.entries(yml.inputs))
    inputs[name] = String(input.default ?? '').replace(
      /\$\{\{\s*github\.token\s*\}\}/g,
      WORKFLOW_TOKEN,
    )
  return { ...inputs, ...given }
}

/** The INPUT_* variables of those inputs. */
export function inputEnv(inputs: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(inputs).map(([name, value]) => [inputVariable(name), value]),
  )
}
