// Runs an action's entry point the way the GitHub runner does: a child process in a clean
// environment, given its inputs as INPUT_* variables (the defaults of its action.yml applied),
// the run's context variables, and GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files; then reads back
// what the action wrote there. The demo, the benchmarks and the end-to-end tests all run the
// action through here, so they all see it as a workflow would.
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { inputEnv, readActionYml, stepInputs } from './action-yml.js'

/** The context of the run: a scheduled workflow of acme/backups, as the runner describes it. */
export const RUN_CONTEXT: Readonly<Record<string, string>> = {
  GITHUB_REPOSITORY: 'acme/backups',
  GITHUB_WORKFLOW: 'restore drill',
  GITHUB_RUN_ID: '4242',
  GITHUB_RUN_ATTEMPT: '1',
  GITHUB_EVENT_NAME: 'schedule',
  GITHUB_ACTOR: 'octocat',
  GITHUB_SERVER_URL: 'https://github.com',
}

/**
 * The runner's own variables for a step in `workDir`, in a clean environment as on a fresh
 * runner: nothing of this shell (a proxy, a token) leaks in. A null summary file: none is set.
 */
export function stepEnv(
  workDir: string,
  files: { outputFile: string; summaryFile: string | null },
): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '',
    ...(process.env.SYSTEMROOT ? { SYSTEMROOT: process.env.SYSTEMROOT } : {}),
    HOME: workDir,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    RUNNER_TEMP: workDir,
    GITHUB_WORKSPACE: workDir,
    GITHUB_OUTPUT: files.outputFile,
    ...(files.summaryFile === null ? {} : { GITHUB_STEP_SUMMARY: files.summaryFile }),
    ...RUN_CONTEXT,
  }
}

/** A signal for the step, sent once: when stdout shows `when`, after `afterMs`, or on `on`. */
export interface SignalPlan {
  name: NodeJS.Signals
  when?: string
  afterMs?: number
  on?: AbortSignal
}

export interface StepOptions {
  /** The folder of the action.yml: the repository's root, or the folder of a sub-action. */
  action: string
  /** What the workflow's `with:` would say. */
  inputs: Record<string, string>
  /** The step's working directory and RUNNER_TEMP, holding its files; a new one if not given. */
  workDir?: string
  /** The node binary: another version than this process's, say. */
  node?: string
  /** More of the runner's variables (GITHUB_API_URL, a proxy), over the usual ones. */
  env?: Record<string, string>
  /** Leave GITHUB_STEP_SUMMARY unset, as on a runner without job summaries. */
  noSummary?: boolean
  /** `ulimit -f` for the step: files past it cannot be written (EFBIG), as on a capped runner. */
  fileSizeLimit?: number
  /** Each line of the log, stdout and stderr alike, as the runner shows them. */
  onLine?(line: string, stream: 'stdout' | 'stderr'): void
  onSpawn?(child: ChildProcess): void
  /** Signals to send, as a cancel does (SIGINT) or a person who will not wait (SIGKILL). */
  signals?: SignalPlan[]
  /** The step is killed past this, as the runner kills a step past its timeout. */
  killAfterMs: number
}

export interface StepResult {
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
  outputs: Record<string, string>
  /** The job summary the step wrote ('' for none). */
  summary: string
  /** The messages of the `::error` and `::warning` annotations, in order. */
  errors: string[]
  warnings: string[]
  /** From the call to the step's exit. */
  elapsedMs: number
  /** From the first signal sent to the step's exit; null when none was sent. */
  exitAfterSignalMs: number | null
  workDir: string
  outputFile: string
  summaryFile: string
}

export function runStep(options: StepOptions): Promise<StepResult> {
  const started = Date.now()
  const workDir = options.workDir ?? mkdtempSync(join(tmpdir(), 'snapshooter-step-'))
  const outputFile = join(workDir, 'github_output')
  const summaryFile = join(workDir, 'step_summary.md')
  writeFileSync(outputFile, '')
  writeFileSync(summaryFile, '')
  const yml = readActionYml(options.action)
  const entry = join(options.action, yml.runs.main)
  const inputs = stepInputs(yml, options.inputs)

  const env = {
    ...stepEnv(workDir, { outputFile, summaryFile: options.noSummary ? null : summaryFile }),
    ...inputEnv(inputs),
    ...options.env,
  }
  const node = options.node ?? process.execPath
  const child =
    options.fileSizeLimit === undefined
      ? spawn(node, [entry], { cwd: workDir, env })
      : spawn(
          '/bin/sh',
          ['-c', 'ulimit -f "$0" && exec "$1" "$2"', String(options.fileSizeLimit), node, entry],
          { cwd: workDir, env },
        )
  options.onSpawn?.(child)

  const text = { stdout: '', stderr: '' }
  const pending = { stdout: '', stderr: '' }
  const plans = options.signals ?? []
  const sent = new Set<SignalPlan>()
  let signalledAt: number | null = null
  const send = (plan: SignalPlan): void => {
    if (sent.has(plan)) return
    sent.add(plan)
    signalledAt ??= Date.now()
    child.kill(plan.name)
  }
  // The runner shows stdout and stderr as one log, and reads workflow commands from both.
  const feed = (stream: keyof typeof text, chunk: string): void => {
    text[stream] += chunk
    const lines = (pending[stream] + chunk).split('\n')
    pending[stream] = lines.pop() ?? ''
    lines.forEach((line) => options.onLine?.(line, stream))
    if (stream === 'stdout')
      for (const plan of plans)
        if (plan.when !== undefined && text.stdout.includes(plan.when)) send(plan)
  }
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => feed('stdout', chunk))
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => feed('stderr', chunk))

  const timers = [setTimeout(() => child.kill('SIGKILL'), options.killAfterMs)]
  const listeners: Array<() => void> = []
  for (const plan of plans) {
    if (plan.afterMs !== undefined) timers.push(setTimeout(() => send(plan), plan.afterMs))
    const signal = plan.on
    if (signal === undefined) continue
    if (signal.aborted) send(plan)
    const onAbort = (): void => send(plan)
    signal.addEventListener('abort', onAbort, { once: true })
    listeners.push(() => signal.removeEventListener('abort', onAbort))
  }

  return new Promise((resolve, reject) => {
    const settle = (): void => {
      timers.forEach(clearTimeout)
      listeners.forEach((remove) => remove())
    }
    child.on('error', (error) => {
      settle()
      reject(error)
    })
    child.on('close', (code, signal) => {
      settle()
      for (const stream of ['stdout', 'stderr'] as const)
        if (pending[stream] !== '') options.onLine?.(pending[stream], stream)
      resolve({
        code,
        signal,
        stdout: text.stdout,
        stderr: text.stderr,
        outputs: parseOutputFile(readFileSync(outputFile, 'utf8')),
        summary: existsSync(summaryFile) ? readFileSync(summaryFile, 'utf8') : '',
        errors: annotations(text.stdout, 'error'),
        warnings: annotations(text.stdout, 'warning'),
        elapsedMs: Date.now() - started,
        exitAfterSignalMs: signalledAt === null ? null : Date.now() - signalledAt,
        workDir,
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

/** The messages of the `::error` (or `::warning`) commands in a log, with or without properties. */
export function annotations(log: string, level: 'error' | 'warning'): string[] {
  return log
    .split('\n')
    .filter((line) => line.startsWith(`::${level}`))
    .map((line) => line.slice(line.indexOf('::', 2) + 2))
}
