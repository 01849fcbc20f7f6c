// Runs dist/index.js the way the GitHub runner does: a child process with INPUT_* variables
// (action.yml defaults applied), GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files, then reads back
// what it wrote. E2E_NODE picks another node binary (CI runs these on Node 24 too).
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ROOT, actionDefaults, actionYml } from './action-yml.js'

export interface ActionRun {
  code: number | null
  stdout: string
  stderr: string
  outputs: Record<string, string>
  summary: string
  errors: string[]
  warnings: string[]
  elapsedMs: number
  /** From the signal (when one was sent) to the process's exit. */
  exitAfterSignalMs: number | null
  /** The folder used as RUNNER_TEMP and working directory; removed by cleanup(). */
  workDir: string
  cleanup(): void
}

export interface RunOptions {
  inputs: Record<string, string>
  env?: Record<string, string>
  /** Send this signal once stdout contains `when` (or after `afterMs`). */
  signal?: { name: NodeJS.Signals; when?: string; afterMs?: number }
  /** Leave GITHUB_STEP_SUMMARY unset, as on a runner without summaries. */
  noSummary?: boolean
  killAfterMs?: number
  /** `ulimit -f` for the run: files past it cannot be written (EFBIG), as on a capped runner. */
  fileSizeLimit?: number
}

const ENTRY = join(ROOT, actionYml().runs.main)

export function runAction(options: RunOptions): Promise<ActionRun> {
  const workDir = mkdtempSync(join(tmpdir(), 'snapshooter-e2e-'))
  const outputFile = join(workDir, 'github_output')
  const summaryFile = join(workDir, 'step_summary')
  writeFileSync(outputFile, '')
  writeFileSync(summaryFile, '')

  const inputs = { ...actionDefaults(), ...options.inputs }
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: workDir,
    RUNNER_TEMP: workDir,
    GITHUB_ACTIONS: 'true',
    GITHUB_OUTPUT: outputFile,
    GITHUB_REPOSITORY: 'acme/backups',
    GITHUB_WORKFLOW: 'restore drill',
    GITHUB_RUN_ID: '4242',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_EVENT_NAME: 'schedule',
    GITHUB_ACTOR: 'octocat',
    GITHUB_SERVER_URL: 'https://github.com',
    ...(options.noSummary ? {} : { GITHUB_STEP_SUMMARY: summaryFile }),
    ...Object.fromEntries(
      Object.entries(inputs).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value]),
    ),
    ...options.env,
  }

  const started = Date.now()
  const node = process.env.E2E_NODE ?? process.execPath
  const child =
    options.fileSizeLimit === undefined
      ? spawn(node, [ENTRY], { cwd: workDir, env })
      : spawn(
          '/bin/sh',
          ['-c', 'ulimit -f "$0" && exec "$1" "$2"', String(options.fileSizeLimit), node, ENTRY],
          { cwd: workDir, env },
        )
  let stdout = ''
  let stderr = ''
  const timers: NodeJS.Timeout[] = []
  let signalledAt: number | null = null
  const sendSignal = (): void => {
    if (signalledAt !== null || !options.signal) return
    signalledAt = Date.now()
    child.kill(options.signal.name)
  }
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString()
    if (options.signal?.when !== undefined && stdout.includes(options.signal.when)) sendSignal()
  })
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  if (options.signal?.afterMs !== undefined)
    timers.push(setTimeout(sendSignal, options.signal.afterMs))
  timers.push(setTimeout(() => child.kill('SIGKILL'), options.killAfterMs ?? 30_000))

  return new Promise((resolve, reject) => {
    child.on('error', reject)
    child.on('close', (code) => {
      timers.forEach(clearTimeout)
      resolve({
        code,
        stdout,
        stderr,
        outputs: parseOutputFile(readFileSync(outputFile, 'utf8')),
        summary: existsSync(summaryFile) ? readFileSync(summaryFile, 'utf8') : '',
        errors: annotations(stdout, 'error'),
        warnings: annotations(stdout, 'warning'),
        elapsedMs: Date.now() - started,
        exitAfterSignalMs: signalledAt === null ? null : Date.now() - signalledAt,
        workDir,
        cleanup: () => rmSync(workDir, { recursive: true, force: true }),
      })
    })
  })
}

/** Reads the `name<<delimiter ... delimiter` records that @actions/core appends to GITHUB_OUTPUT. */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const match = /^([^<]+)<<(.+)$/.exec(lines[i] ?? '')
    if (!match) continue
    const [, name = '', delimiter] = match
    const value: string[] = []
    while (++i < lines.length && lines[i] !== delimiter) value.push(lines[i] ?? '')
    outputs[name] = value.join('\n')
  }
  return outputs
}

function annotations(stdout: string, level: 'error' | 'warning'): string[] {
  return stdout
    .split('\n')
    .filter((line) => line.startsWith(`::${level}`))
    .map((line) => line.slice(line.indexOf('::', 2) + 2))
}
