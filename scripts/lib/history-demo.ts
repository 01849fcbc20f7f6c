// `npm run demo -- --history`: a few restore drills with `history_branch`, dist/index.js run as
// the runner runs it against the simulator and a fake GitHub, then the dashboard they leave in
// the branch, rendered as GitHub shows a README and photographed (docs/history.png) with
// headless Chromium. The branch starts with a month of earlier drills, made from the first
// drill's own result, so that the chart has a history to show.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { SEED, startFakeGitHub, startSimulator } from '../../simulator/index.js'
import { planWrite } from '../../src/history/plan.js'
import { makeRecord, type DrillRecord } from '../../src/history/record.js'
import { WORKFLOW_TOKEN } from './action-yml.js'
import { photograph } from './chromium.js'
import { runStep, type StepResult } from './runner.js'
import { RESULT_NAME, drillInputs } from './scenarios.js'
import { summaryPage } from './summary-page.js'

const REPO = 'acme/backups'
const BRANCH = 'drill-history'
const DAY = 86_400_000
const TARGET = `job ${SEED.jobs.main}`
// The drills' `max_restore_duration`: the simulator's restores of 2.8 s take over 80 % of it.
const RTO = '3400ms'
// The month before, as the seconds of the simulator's restores: slowly longer, under the limit.
const EARLIER = [
  ['succeeded', 2.0],
  ['succeeded', 2.1],
  ['failed', null],
  ['succeeded', 2.2],
  ['succeeded', 2.25],
  ['timed_out', null],
  ['succeeded', 2.35],
  ['succeeded', 2.45],
  ['succeeded', 2.5],
  ['succeeded', 2.6],
  ['succeeded', 2.65],
  ['succeeded', 2.7],
] as const

export interface HistoryDemoOptions {
  root: string
  /** Where the picture goes. */
  out: string
  print: (...lines: string[]) => void
}

/** Returns the exit code: 0 when every drill was recorded and the picture taken. */
export async function historyDemo({ root, out, print }: HistoryDemoOptions): Promise<number> {
  const workDir = mkdtempSync(join(tmpdir(), 'snapshooter-history-demo-'))
  const sim = await startSimulator({
    host: '127.0.0.1',
    port: 0,
    restoreDurationMs: 3000,
    pendingMs: 200,
  })
  const github = await startFakeGitHub(WORKFLOW_TOKEN)
  try {
    const step = (name: string, inputs: Record<string, string>): Promise<StepResult> => {
      mkdirSync(join(workDir, name))
      return runStep({
        action: root,
        inputs: {
          ...drillInputs(sim.url, join(workDir, name, RESULT_NAME)),
          poll_interval: '500ms',
          max_restore_duration: RTO,
          ...inputs,
        },
        workDir: join(workDir, name),
        onLine: () => undefined,
        killAfterMs: 2 * 60_000,
        env: { GITHUB_API_URL: github.url },
      })
    }
    const first = await step('first', {})
    seed(github.git, JSON.parse(readFileSync(first.outputs.result_file ?? '', 'utf8')))
    print(`Seeded ${BRANCH} with ${EARLIER.length} drills of the month before.`)

    let last: StepResult = first
    for (const [index, ends] of (['completed', 'failed', 'completed'] as const).entries()) {
      sim.configure({ restoreFinalStatus: ends })
      last = await step(`drill-${index + 1}`, { history_branch: BRANCH })
      print(
        `Drill ${index + 1}: ${last.outputs.outcome}, history_url ${last.outputs.history_url || '(not set)'}`,
      )
      if (!last.outputs.history_url) return fail(print, last)
    }
    print('', 'The job summary of the last drill ends with:', '')
    const summary = last.summary ?? ''
    print(summary.slice(summary.indexOf('### Drill history')))

    const branch = join(workDir, 'branch')
    for (const [path, text] of Object.entries(github.git.files(REPO, BRANCH))) {
      mkdirSync(dirname(join(branch, path)), { recursive: true })
      writeFileSync(join(branch, path), text)
    }
    writeFileSync(
      join(workDir, 'summary.html'),
      summaryPage(summary, 'Restore drill summary', 'restore drill · schedule'),
    )
    const page = join(branch, 'dashboard.html')
    const readme = readFileSync(join(branch, 'README.md'), 'utf8')
    writeFileSync(page, summaryPage(readme, `${REPO} · ${BRANCH}`, 'README.md'))
    const failed = photograph(page, out, { width: 900, height: 860 })
    if (failed !== null) {
      print(failed)
      return 1
    }
    print('', `Wrote ${out} (the branch is in ${branch}, the last summary in ${workDir})`)
    return 0
  } finally {
    await sim.close()
    await github.close()
  }
}

/** The month before: the first drill's result, as each earlier drill would have left it. */
function seed(
  git: {
    commitElsewhere(repository: string, branch: string, files: Record<string, string>): string
  },
  result: Record<string, unknown> & { restore: object; run: object; checks: object[] },
): void {
  const now = Date.now()
  const records = EARLIER.flatMap(([outcome, seconds], index): DrillRecord[] => {
    const earlier = {
      ...result,
      outcome,
      status: outcome === 'succeeded' ? 'completed' : outcome === 'failed' ? 'failed' : 'running',
      restore: { ...result.restore, id: null, duration_seconds: seconds },
      checks: result.checks.map((check) => ({
        ...check,
        ...('limit_seconds' in check && check.limit_seconds === 3.4
          ? { actual_seconds: seconds, passed: seconds === null ? null : true }
          : {}),
      })),
      run: { ...result.run, run_id: String(1000 + index) },
    }
    const record = makeRecord(earlier, TARGET, now - (EARLIER.length - index) * 2.5 * DAY)
    return record ? [record] : []
  })
  const plan = planWrite(new Map(), records, { historySize: 500, now, runUrl: null })
  git.commitElsewhere(REPO, BRANCH, Object.fromEntries(plan.files))
}

function fail(print: (...lines: string[]) => void, step: StepResult): number {
  print('The drill was not recorded:', step.stdout.slice(-2000))
  return 1
}
