// Runs an action's entry point the way the GitHub runner does: a child process given its inputs
// as INPUT_* variables (action.yml defaults applied) and GITHUB_OUTPUT / GITHUB_STEP_SUMMARY
// files, then reads back what the action wrote there.
import { spawn } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'

export interface ActionYml {
  // YAML reads an unquoted `default: true` or `default: 5` as a boolean or a number.
  inputs: Record<string, { required?: boolean; default?: string | number | boolean }>
  outputs: Record<string, { description?: string }>
  runs: { using: string; main: string }
}

export function readActionYml(root: string): ActionYml {
  return parse(readFileSync(join(root, 'action.yml'), 'utf8')) as ActionYml
}

/** The runner's variable name for an input: spaces to underscores, upper-cased. */
export function inputVariable(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`
}

export interface StepOptions {
  node: string
  entry: string
  yml: ActionYml
  /** What the workflow's `with:` would say. */
  inputs: Record<string, string>
  /** Holds the output and summary files, and is the step's working directory. */
  workDir: string
  onLine(line: string): void
  /** The demo must end even if the action hangs. */
  killAfterMs: number
  /** Cancels the step the runner's way: SIGINT, which the action answers in order. */
  cancel?: AbortSignal
  /** Kills the action at once, when a person will not wait for it to cancel in order. */
  stop?: AbortSignal
  /** More of the runner's variables, such as GITHUB_API_URL. */
  env?: Record<string, string>
}

/** What the runner puts in `${{ github.token }}` here: a made-up workflow token. */
export const WORKFLOW_TOKEN = 'ghs_demo-workflow-token-0000000000000'

export interface StepResult {
  code: number | null
  signal: NodeJS.Signals | null
  outputs: Record<string, string>
  summary: string | null
  outputFile: string
  summaryFile: string
}

export function runStep(options: StepOptions): Promise<StepResult> {
  const { yml, workDir } = options
  const outputFile = join(workDir, 'github_output')
  const summaryFile = join(workDir, 'step_summary.md')
  writeFileSync(outputFile, '')
  writeFileSync(summaryFile, '')

  // The runner passes every declared input: the workflow's value, else the default, else ''.
  const inputs: Record<string, string> = {}
  for (const [name, input] of Object.entries(yml.inputs))
    inputs[name] =
      options.inputs[name] ??
      String(input.default ?? '').replace(/\$\{\{\s*github\.token\s*\}\}/g, WORKFLOW_TOKEN)

  // A clean environment, as on a fresh runner: nothing of this shell (a proxy, a token) leaks in.
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    ...(process.env.SYSTEMROOT ? { SYSTEMROOT: process.env.SYSTEMROOT } : {}),
    HOME: workDir,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    RUNNER_TEMP: workDir,
    GITHUB_WORKSPACE: workDir,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_REPOSITORY: 'acme/backups',
    GITHUB_WORKFLOW: 'restore drill',
    GITHUB_RUN_ID: '9876543210',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_EVENT_NAME: 'schedule',
    GITHUB_ACTOR: 'octocat',
    GITHUB_SERVER_URL: 'https://github.com',
    ...Object.fromEntries(
      Object.entries(inputs).map(([name, value]) => [inputVariable(name), value]),
    ),
    ...options.env,
  }

  const child = spawn(options.node, [options.entry], { cwd: workDir, env })
  // The runner shows stdout and stderr as one log, and reads workflow commands from both.
  const pending = { stdout: '', stderr: '' }
  const feed = (stream: keyof typeof pending, chunk: string): void => {
    const lines = (pending[stream] + chunk).split('\n')
    pending[stream] = lines.pop() ?? ''
    lines.forEach((line) => options.onLine(line))
  }
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => feed('stdout', chunk))
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => feed('stderr', chunk))
  const kill = (): boolean => child.kill('SIGKILL')
  const killer = setTimeout(kill, options.killAfterMs)
  const interrupt = (): boolean => child.kill('SIGINT')
  options.stop?.addEventListener('abort', kill, { once: true })
  options.cancel?.addEventListener('abort', interrupt, { once: true })

  return new Promise((resolve, reject) => {
    const settle = (): void => {
      clearTimeout(killer)
      options.stop?.removeEventListener('abort', kill)
      options.cancel?.removeEventListener('abort', interrupt)
    }
    child.on('error', (error) => {
      settle()
      reject(error)
    })
    child.on('close', (code, signal) => {
      settle()
      for (const rest of [pending.stdout, pending.stderr]) if (rest !== '') options.onLine(rest)
      resolve({
        code,
        signal,
        outputs: parseOutputFile(readFileSync(outputFile, 'utf8')),
        summary: existsSync(summaryFile) ? readFileSync(summaryFile, 'utf8') : null,
        outputFile,
        summaryFile,
      })
    })
  })
}

/**
 * Reads GITHUB_OUTPUT as the runner does: `name<<delimiter` records (what @actions/core writes)
 * and one-line `name=value` ones. A name set twice keeps its last value.
 */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  const lines = text.split(/\r?\n/)
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? ''
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line)
    if (heredoc) {
      const [, name = '', delimiter] = heredoc
      const value: string[] = []
      while (++i < lines.length && lines[i] !== delimiter) value.push(lines[i] ?? '')
      outputs[name] = value.join('\n')
    } else if (line.includes('=')) {
      outputs[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1)
    }
  }
  return outputs
}
