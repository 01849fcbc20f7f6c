// Runs run() inside the test process, as the runner would run the bundle: INPUT_* variables,
// GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files. Time is a fake clock shared with the simulator,
// so hours of waiting take milliseconds while every request still crosses a real socket.
import { afterAll, beforeAll, beforeEach, jest } from '@jest/globals'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { inputEnv, stepInputs } from '../../scripts/lib/action-yml.js'
import { RUN_CONTEXT, annotations, parseOutputFile } from '../../scripts/lib/runner.js'
import { startSimulator, type Simulator, type SimulatorOptions } from '../../simulator/index.js'
import { run } from '../../src/main.js'
import type { Sleep } from '../../src/time.js'
import { fakeTime } from '../fixtures/fake-time.js'
import { actionYml } from './action-yml.js'

// @actions/core remembers the first summary path it sees, so one file serves every run.
const dir = mkdtempSync(join(tmpdir(), 'snapshooter-run-'))
const summaryFile = join(dir, 'step_summary')

export interface InProcessRun {
  outputs: Record<string, string>
  summary: string
  log: string
  errors: string[]
  warnings: string[]
  exitCode: number
  /** Every text the run left for people: log, outputs, summary (for the leak scan). */
  evidence: string
}

export interface InProcessOptions {
  /** Cancel (as SIGINT would) once this much fake time has passed. */
  abortAfterMs?: number
  /** Each request's own time limit (real time: it is a socket's), shorter than the 30 s default. */
  requestTimeoutMs?: number
  /** More runner variables (GITHUB_API_URL, say), on top of the usual ones. */
  env?: Record<string, string>
}

export function sharedTime(): ReturnType<typeof fakeTime> {
  return fakeTime(Date.now())
}

export async function runInProcess(
  time: ReturnType<typeof fakeTime>,
  inputs: Record<string, string>,
  options: InProcessOptions = {},
): Promise<InProcessRun> {
  const outputFile = join(dir, 'github_output')
  writeFileSync(outputFile, '')
  writeFileSync(summaryFile, '')
  const saved = process.env
  process.env = {
    PATH: saved.PATH,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    ...RUN_CONTEXT,
    ...options.env,
    ...inputEnv(stepInputs(actionYml(), inputs)),
  }
  const written: string[] = []
  const stdout = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    written.push(String(chunk))
    return true
  })
  const controller = new AbortController()
  const startedAt = time.clock.now()
  const sleep: Sleep = async (ms, signal) => {
    const due = time.clock.now() + ms - startedAt
    if (options.abortAfterMs !== undefined && due >= options.abortAfterMs) controller.abort()
    await time.sleep(ms, signal)
  }
  let exitCode: number
  try {
    await run({
      signal: controller.signal,
      clock: time.clock,
      sleep,
      env: process.env,
      requestTimeoutMs: options.requestTimeoutMs,
    })
  } finally {
    stdout.mockRestore()
    process.env = saved
    exitCode = Number(process.exitCode ?? 0)
    process.exitCode = undefined
  }
  const log = written.join('')
  const outputs = parseOutputFile(readFileSync(outputFile, 'utf8'))
  const summary = readFileSync(summaryFile, 'utf8')
  return {
    outputs,
    summary,
    log,
    evidence: [log, JSON.stringify(outputs), summary].join('\n'),
    errors: annotations(log, 'error'),
    warnings: annotations(log, 'warning'),
    exitCode,
  }
}

export function removeRunFiles(): void {
  rmSync(dir, { recursive: true, force: true })
}

export interface Lab {
  sim: Simulator
  time: ReturnType<typeof sharedTime>
}

/**
 * One simulator on one fake clock for the enclosing describe block, closed after it, and reset
 * before each test so that every test starts on a simulator as new.
 */
export function useLab(options: SimulatorOptions = {}): Lab {
  const lab = {} as Lab
  beforeAll(async () => {
    lab.time = sharedTime()
    lab.sim = await startSimulator({ now: lab.time.clock.now, ...options })
  })
  beforeEach(() => lab.sim.reset())
  afterAll(async () => {
    await lab.sim.close()
    removeRunFiles()
  })
  return lab
}
