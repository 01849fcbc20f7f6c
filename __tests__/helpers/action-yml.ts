// This repository's action.yml and workflow files, as the tests read them. The runner's own
// reading of action.yml (defaults, entry) is scripts/lib/runner.ts, shared with the demo.
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { readActionYml, stepInputs, type ActionYml } from '../../scripts/lib/action-yml.js'

export { WORKFLOW_TOKEN } from '../../scripts/lib/action-yml.js'

export const ROOT = new URL('../../', import.meta.url).pathname

export function actionYml(): ActionYml {
  return readActionYml(ROOT)
}

/**
 * What the runner passes for inputs the workflow leaves out: each declared default, else '',
 * with `${{ github.token }}` evaluated as the runner does.
 */
export function actionDefaults(): Record<string, string> {
  return stepInputs(actionYml(), {})
}

/** The workflow files users copy and CI runs, relative to ROOT: examples/ and .github/workflows/. */
export function workflowFiles(): string[] {
  return ['examples', '.github/workflows'].flatMap((dir) =>
    readdirSync(join(ROOT, dir))
      .filter((name) => name.endsWith('.yml'))
      .map((name) => join(dir, name)),
  )
}
