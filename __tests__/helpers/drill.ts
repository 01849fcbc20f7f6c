// A drill against the simulator, run through the action's dist entry as the runner runs it
// (scripts/lib/runner.ts), and the simulator it runs against, one per describe block.
import { afterAll, beforeAll, beforeEach, expect } from '@jest/globals'
import { existsSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { runStep, type StepOptions, type StepResult } from '../../scripts/lib/runner.js'
import {
  DEMO_TOKEN,
  SEED,
  startSimulator,
  type Simulator,
  type SimulatorOptions,
} from '../../simulator/index.js'
import { drillInputs } from '../fixtures/inputs.js'
import { ROOT, actionYml } from './action-yml.js'
import { leaks } from './leaks.js'

export { DEMO_TOKEN, SEED, leaks }

/** Fast but realistic timings: a restore that takes a second or so, checked often. */
export const FAST: SimulatorOptions = { restoreDurationMs: 1200, pendingMs: 200 }

export interface DrillRun extends StepResult {
  /** The JSON written to result_file, when the drill asked for one. */
  resultFile: unknown
  /** Every text the run left for people: log, outputs, summary, result file. */
  evidence: string
}

export type RunOptions = Omit<StepOptions, 'action' | 'inputs' | 'workDir' | 'killAfterMs'> & {
  killAfterMs?: number
}

export async function startLab(options: SimulatorOptions = FAST): Promise<Simulator> {
  return startSimulator(options)
}

/**
 * One simulator for the enclosing describe block, closed after it, and reset before each test
 * so that every test starts on a simulator as new, whatever ran before it.
 */
export function useDrillLab(options: SimulatorOptions = FAST): { sim: Simulator } {
  const lab = {} as { sim: Simulator }
  beforeAll(async () => {
    lab.sim = await startLab(options)
  })
  beforeEach(() => lab.sim.reset())
  afterAll(() => lab.sim.close())
  return lab
}

/**
 * The action run once as a workflow step with these inputs, in a folder of its own that is
 * removed after; E2E_NODE picks another node binary (CI runs these on Node 24 too).
 */
export async function actionRun(
  inputs: Record<string, string>,
  options: RunOptions = {},
): Promise<DrillRun> {
  const run = await runStep({
    node: process.env.E2E_NODE,
    ...options,
    killAfterMs: options.killAfterMs ?? 30_000,
    action: ROOT,
    inputs,
  })
  const path = join(run.workDir, 'evidence/result.json')
  const resultText = existsSync(path) ? readFileSync(path, 'utf8') : ''
  rmSync(run.workDir, { recursive: true, force: true })
  return {
    ...run,
    resultFile: resultText === '' ? null : JSON.parse(resultText),
    evidence: [run.stdout, run.stderr, JSON.stringify(run.outputs), run.summary, resultText].join(
      '\n',
    ),
  }
}

/** A drill of the main job's newest backup on `sim`, quick to poll and to time out. */
export function drill(
  sim: Simulator,
  inputs: Record<string, string> = {},
  options: RunOptions = {},
): Promise<DrillRun> {
  const quick = { poll_interval: '300ms', timeout: '20s', result_file: 'evidence/result.json' }
  return actionRun(drillInputs(sim, { ...quick, ...inputs }), options)
}

/** The signatures of every signed link the action fetched from the simulator's storage. */
export function signaturesFetched(sim: Simulator): string[] {
  return sim.requests
    .filter((request) => request.route === 'storage')
    .map((request) => request.query['X-Amz-Signature'] ?? '')
    .filter((signature) => signature !== '')
}

/** The run failed on exactly one error line, and that line says each of `parts`. */
export function expectOneError(run: DrillRun, ...parts: string[]): void {
  expect(run.errors).toHaveLength(1)
  for (const part of parts) expect(run.errors[0]).toContain(part)
}

/**
 * What holds of every run, whatever its end: only declared outputs, always the outcome and the
 * result (which agree), and no secret anywhere in what it left.
 */
export function expectEveryRunRules(run: DrillRun, signatures: string[] = []): void {
  const declared = Object.keys(actionYml().outputs)
  for (const name of Object.keys(run.outputs)) expect(declared).toContain(name)
  expect(run.outputs.outcome).toBeDefined()
  expect(JSON.parse(run.outputs.result ?? '').outcome).toBe(run.outputs.outcome)
  expect({ outcome: run.outputs.outcome, leaks: leaks(run, undefined, signatures) }).toEqual({
    outcome: run.outputs.outcome,
    leaks: [],
  })
}
