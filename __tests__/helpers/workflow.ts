// Workflow files as data, and their `run:` scripts run the way a Linux runner runs them, so
// that a test proves what a workflow decides rather than what its text looks like.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, delimiter, join } from 'node:path'
import { parse } from 'yaml'
import { ROOT } from './action-yml.js'

export type Permissions = Record<string, string>

export interface Step {
  id?: string
  name?: string
  uses?: string
  run?: string
  shell?: string
  env?: Record<string, string>
  with?: Record<string, unknown>
}

export interface Job {
  name?: string
  needs?: string | string[]
  'runs-on'?: string
  permissions?: Permissions
  environment?: string
  outputs?: Record<string, string>
  env?: Record<string, string>
  strategy?: { 'fail-fast'?: boolean; 'max-parallel'?: number; matrix?: Record<string, unknown> }
  concurrency?: { group: string; 'cancel-in-progress': unknown }
  defaults?: { run?: { shell?: string } }
  steps?: Step[]
}

export interface Workflow {
  on: Record<string, unknown>
  'run-name'?: string
  permissions?: Permissions
  concurrency?: { group: string; 'cancel-in-progress': unknown }
  env?: Record<string, string>
  jobs: Record<string, Job>
}

export const readText = (path: string): string => readFileSync(join(ROOT, path), 'utf8')
export const readWorkflow = (path: string): Workflow => parse(readText(path)) as Workflow

/** Every step of every job, with the id of its job. */
export function allSteps(workflow: Workflow): (Step & { job: string })[] {
  return Object.entries(workflow.jobs).flatMap(([job, { steps = [] }]) =>
    steps.map((step) => ({ ...step, job })),
  )
}

/** The one step of a job whose name or id is `key`. */
export function step(workflow: Workflow, job: string, key: string): Step {
  const found = (workflow.jobs[job]?.steps ?? []).filter((s) => s.id === key || s.name === key)
  if (found.length !== 1) throw new Error(`${found.length} steps of ${job} are called ${key}`)
  return found[0] as Step
}

export interface ScriptRun {
  status: number | null
  stdout: string
  stderr: string
  /** What the script wrote to GITHUB_OUTPUT, `name=value` lines. */
  outputs: Record<string, string>
  /** The workflow-command lines (`::error::…`, `::notice::…`) on stdout. */
  commands: string[]
}

// The node running the tests comes first, for the scripts that call `node`.
const PATH = [dirname(process.execPath), process.env.PATH ?? ''].join(delimiter)

/** Runs a `run:` script the way `shell: bash` does: bash --noprofile --norc -eo pipefail. */
export function runScript(script: string, env: Record<string, string>, cwd?: string): ScriptRun {
  const dir = mkdtempSync(join(tmpdir(), 'snapshooter-step-'))
  try {
    const file = join(dir, 'step.sh')
    const output = join(dir, 'github_output')
    writeFileSync(file, script)
    writeFileSync(output, '')
    const run = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', file], {
      cwd: cwd ?? dir,
      encoding: 'utf8',
      env: { PATH, HOME: dir, GITHUB_OUTPUT: output, ...env },
    })
    const outputs = Object.fromEntries(
      readFileSync(output, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
    )
    return {
      status: run.status,
      stdout: run.stdout,
      stderr: run.stderr,
      outputs,
      commands: run.stdout.split('\n').filter((line) => line.startsWith('::')),
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
