// A restore drill against the simulator, run through dist/index.js as the runner runs it.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  DEMO_TOKEN,
  SEED,
  startSimulator,
  type Simulator,
  type SimulatorOptions,
} from '../../simulator/index.js'
import { runAction, type ActionRun, type RunOptions } from './run-action.js'

export { DEMO_TOKEN, SEED }
export { leaks } from './leaks.js'

/** Fast but realistic timings: a restore that takes a second or so, checked often. */
export const FAST: SimulatorOptions = { restoreDurationMs: 1200, pendingMs: 200 }

export interface DrillRun extends ActionRun {
  /** The JSON written to result_file, when the drill asked for one. */
  resultFile: unknown
  /** Every text the run left for people: log, outputs, summary, result file. */
  evidence: string
}

export async function startLab(options: SimulatorOptions = FAST): Promise<Simulator> {
  return startSimulator(options)
}

export async function drill(
  sim: Simulator,
  inputs: Record<string, string> = {},
  options: Omit<RunOptions, 'inputs'> = {},
): Promise<DrillRun> {
  const run = await runAction({
    ...options,
    inputs: {
      api_token: DEMO_TOKEN,
      api_url: sim.url,
      backup_id: 'latest',
      job_id: SEED.jobs.main,
      poll_interval: '300ms',
      timeout: '20s',
      result_file: 'evidence/result.json',
      ...inputs,
    },
  })
  const path = join(run.workDir, 'evidence/result.json')
  const resultText = existsSync(path) ? readFileSync(path, 'utf8') : ''
  run.cleanup()
  return {
    ...run,
    resultFile: resultText === '' ? null : JSON.parse(resultText),
    evidence: [run.stdout, run.stderr, JSON.stringify(run.outputs), run.summary, resultText].join(
      '\n',
    ),
  }
}

/** The signatures of every signed link the action fetched from the simulator's storage. */
export function signaturesFetched(sim: Simulator): string[] {
  return sim.requests
    .filter((request) => request.route === 'storage')
    .map((request) => request.query['X-Amz-Signature'] ?? '')
    .filter((signature) => signature !== '')
}
