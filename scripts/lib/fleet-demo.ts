// `npm run demo -- --fleet`: the whole fleet flow of examples/fleet-drill.yml, each step through
// its dist entry as the runner runs it, against the simulator and a fake GitHub: the `jobs`
// sub-action lists the fleet's jobs as a matrix, one drill per matrix entry runs (all at once,
// sharing one token), and the `report` sub-action tallies the legs' result files and records
// them in the drill history in one commit. One leg's restore is refused, so the report has a
// failure to name.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DEMO_TOKEN, startFakeGitHub, startSimulator } from '../../simulator/index.js'
import { FLEET } from '../../simulator/seed.js'
import { WORKFLOW_TOKEN } from './action-yml.js'
import { renderMarkdown } from './markdown.js'
import { renderChecks, type Check } from './report.js'
import { runStep, type StepResult } from './runner.js'
import type { Style } from './style.js'

const REPO = 'acme/backups'
const BRANCH = 'restore-drills'

export interface FleetDemoOptions {
  root: string
  style: Style
  print: (...lines: string[]) => void
}

type Entry = { job_id: string; job_name: string }

/** Returns the exit code: 0 when every step behaved as the fleet flow expects. */
export async function fleetDemo({ root, style, print }: FleetDemoOptions): Promise<number> {
  const workDir = mkdtempSync(join(tmpdir(), 'snapshooter-fleet-demo-'))
  const sim = await startSimulator({ host: '127.0.0.1', port: 0, restoreDurationMs: 2000 })
  const github = await startFakeGitHub(WORKFLOW_TOKEN)
  const section = (title: string): void => print('', style.bold(style.cyan(`▶ ${title}`)))
  const step = (action: string, name: string, inputs: Record<string, string>) => {
    mkdirSync(join(workDir, name), { recursive: true })
    return runStep({
      action: join(root, action),
      inputs,
      workDir: join(workDir, name),
      killAfterMs: 2 * 60_000,
      env: { GITHUB_API_URL: github.url },
    })
  }
  try {
    print(
      style.bold('SnapShooter Restore demo: a fleet drill (examples/fleet-drill.yml)'),
      `  simulator  ${sim.url}    fake GitHub  ${github.url}`,
    )
    section('jobs: the matrix (node dist/jobs.js)')
    const names = FLEET.map((job) => job.name)
    const jobs = await step('jobs', 'jobs', {
      api_url: sim.url,
      api_token: DEMO_TOKEN,
      include: names.join(', '),
    })
    const matrix = JSON.parse(jobs.outputs.matrix || '{"include":[]}') as { include: Entry[] }
    print(`  exit ${jobs.code}, count ${jobs.outputs.count ?? '(not set)'}`)
    for (const entry of matrix.include) print(`  ${entry.job_name}  ${style.dim(entry.job_id)}`)

    section(`drill: ${matrix.include.length} legs at once (node dist/index.js)`)
    const refused = FLEET.find((job) => job.name === 'uploads')
    // The server refuses uploads' restore: a leg that fails, for the report to name.
    if (refused)
      sim.inject({ route: 'createRestore', match: refused.backupId, kind: 'status', status: 422 })
    const legs = await Promise.all(
      matrix.include.map((entry) =>
        step('.', `leg-${entry.job_id}`, {
          api_url: sim.url,
          api_token: DEMO_TOKEN,
          backup_id: 'latest',
          job_id: entry.job_id,
          drill_name: entry.job_name,
          poll_interval: '500ms',
          timeout: '1m',
          max_backup_age: '26h',
          max_restore_duration: '10m',
          result_file: `results/${entry.job_id}.json`,
        }),
      ),
    )
    legs.forEach((leg, index) =>
      print(`  ${matrix.include[index]?.job_name}: ${leg.outputs.outcome} (exit ${leg.code})`),
    )

    section('report: the fleet (node dist/report.js)')
    // What actions/download-artifact with merge-multiple leaves: every leg's file in one folder.
    const results = join(workDir, 'report', 'results')
    mkdirSync(results, { recursive: true })
    for (const [index, leg] of legs.entries()) {
      const file = join(leg.workDir, `results/${matrix.include[index]?.job_id}.json`)
      if (existsSync(file))
        copyFileSync(file, join(results, `${matrix.include[index]?.job_id}.json`))
    }
    const report = await step('report', 'report', {
      results: 'results/*.json',
      expected: jobs.outputs.matrix ?? '',
      history_branch: BRANCH,
    })
    for (const line of report.errors) print(style.red(`  error: ${line}`))
    for (const line of report.warnings) print(style.yellow(`  warning: ${line}`))
    print('', ...renderMarkdown(report.summary, style))

    section('Did the fleet flow behave as expected?')
    const checks = fleetChecks(matrix.include.length, legs, report, github.git.log(REPO, BRANCH))
    print(...renderChecks(checks, style))
    print(style.dim(`  The steps' files are kept in ${workDir}`), '')
    if (checks.every((check) => check.ok)) {
      print(`${style.green('Demo OK.')} Look at the report's table and its history line.`)
      return 0
    }
    print(style.red('Demo FAILED: the fleet flow did not behave as expected; see the ✘ lines.'))
    return 1
  } finally {
    await sim.close()
    await github.close()
  }
}

function fleetChecks(
  legs: number,
  runs: StepResult[],
  report: StepResult,
  commits: unknown[],
): Check[] {
  const outcomes = runs.map((run) => run.outputs.outcome)
  const failed = outcomes.filter((outcome) => outcome !== 'succeeded').length
  return [
    { ok: legs === FLEET.length, text: `the matrix lists ${legs} jobs; ${FLEET.length} expected` },
    { ok: failed === 1, text: `${failed} leg(s) failed; the refused one, 1, expected` },
    {
      ok: report.outputs.total === String(legs) && report.outputs.failed === '1',
      text: `the report counts ${report.outputs.total ?? '?'} drills, ${report.outputs.failed ?? '?'} failed`,
    },
    {
      ok: report.code === 1 && report.errors.length === 1,
      text: `the report failed the step on one error line (exit ${report.code})`,
    },
    {
      ok: commits.length === 1 && (report.outputs.history_url ?? '') !== '',
      text: `the history branch has ${commits.length} commit(s) for the fleet; 1 expected`,
    },
  ]
}
