// `npm run demo`: a restore drill against the local simulator, with dist/index.js run the way
// the GitHub runner runs it. No account, no network. Exits 0 only when the action behaved as
// the scenario expects, so it doubles as a smoke check of the committed bundle.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { isDeepStrictEqual, parseArgs } from 'node:util'
import { startFakeGitHub, startSimulator } from '../simulator/index.js'
import { LogRenderer } from './lib/log.js'
import { renderMarkdown } from './lib/markdown.js'
import { type Check, renderChecks, renderOutputs } from './lib/report.js'
import { WORKFLOW_TOKEN, actionEntry, readActionYml } from './lib/action-yml.js'
import { runStep, type StepResult } from './lib/runner.js'
import { RESULT_NAME, SCENARIOS, type Scenario, drillInputs } from './lib/scenarios.js'
import { colourWanted, makeStyle } from './lib/style.js'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const style = makeStyle(colourWanted(process.stdout, process.env))
const print = (...lines: string[]): void => lines.forEach((line) => console.log(line))
const section = (title: string): void => print('', style.bold(style.cyan(`▶ ${title}`)))

function usage(): string {
  const flags = SCENARIOS.map((s) => [
    s.flag ? `--${s.flag}${s.takes ? ` ${s.takes.meta}` : ''}` : '(no flag)',
    s.help,
  ])
  flags.push(['--help', 'show this help'])
  const width = Math.max(...flags.map(([flag = '']) => flag.length))
  return [
    'usage: npm run demo [-- --fail | --timeout | --dry-run | --no-wait | --random | --before <time> | --download]',
    '       npm run demo -- --history   (a few drills with history_branch; writes docs/history.png)',
    '       npm run demo -- --fleet     (the jobs, one drill per job, the fleet report)',
    '',
    'Runs dist/index.js as the GitHub runner would, against a local SnapShooter simulator,',
    'and shows its log, outputs and job summary. One scenario per run:',
    '',
    ...flags.map(([flag = '', help]) => `  ${flag.padEnd(width)}  ${help}`),
    '',
    'Exits 0 when the action behaved as the scenario expects, else 1.',
  ].join('\n')
}

function pickScenario(args: string[]): { scenario: Scenario; value: string | null } {
  const fail = (message: string): never => {
    console.error(`${message}\n\n${usage()}`)
    process.exit(2)
  }
  const options = Object.fromEntries([
    ...SCENARIOS.flatMap((s) =>
      s.flag ? [[s.flag, { type: s.takes ? ('string' as const) : ('boolean' as const) }]] : [],
    ),
    ['help', { type: 'boolean' as const, short: 'h' }],
  ])
  let values: Record<string, unknown> = {}
  try {
    values = parseArgs({ args, options, strict: true }).values
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error))
  }
  if (values.help === true) {
    print(usage())
    process.exit(0)
  }
  const picked = SCENARIOS.filter((s) => s.flag !== null && values[s.flag] !== undefined)
  if (picked.length > 1)
    fail(`One scenario per run: pick one of ${picked.map((s) => `--${s.flag}`).join(', ')}.`)
  const scenario =
    picked[0] ?? SCENARIOS.find((s) => s.flag === null) ?? fail('no default scenario')
  const value = scenario.flag === null ? undefined : values[scenario.flag]
  return { scenario, value: typeof value === 'string' ? value : null }
}

function checksFor(scenario: Scenario, step: StepResult, restoresCreated: number): Check[] {
  const { expect } = scenario
  const { outputs, code, signal } = step
  const exitOk = expect.exitCode === 'zero' ? code === 0 : code !== null && code !== 0
  const resultFile = outputs.result_file ?? ''
  let fileMatches = false
  try {
    const written: unknown = JSON.parse(readFileSync(resultFile, 'utf8'))
    fileMatches = isDeepStrictEqual(written, JSON.parse(outputs.result ?? ''))
  } catch {
    // An unreadable file, or a missing or broken result output: the check below says so.
  }
  return [
    {
      ok: outputs.outcome === expect.outcome,
      text: `outcome ${outputs.outcome || '(not set)'}; this scenario expects ${expect.outcome}`,
    },
    {
      ok: exitOk,
      text: `exit code ${code ?? `none (killed by ${signal})`}; expected ${expect.exitCode === 'zero' ? '0' : 'non-zero'}`,
    },
    { ok: (step.summary ?? '').trim() !== '', text: 'a job summary was written' },
    {
      ok: fileMatches,
      text: resultFile
        ? 'the result file was written, and it matches the result output'
        : 'the result file was written (the result_file output is empty)',
    },
    {
      ok: restoresCreated === expect.restoresCreated,
      text: `the simulator created ${restoresCreated} restore(s); expected ${expect.restoresCreated}`,
    },
  ]
}

async function main(): Promise<number> {
  if (process.argv.includes('--history')) {
    const { historyDemo } = await import('./lib/history-demo.js')
    return historyDemo({ root: ROOT, out: join(ROOT, 'docs/history.png'), print })
  }
  if (process.argv.includes('--fleet')) {
    const { fleetDemo } = await import('./lib/fleet-demo.js')
    return fleetDemo({ root: ROOT, style, print })
  }
  const { scenario, value } = pickScenario(process.argv.slice(2))
  const yml = readActionYml(ROOT)
  const entry = actionEntry(ROOT)
  if (!existsSync(entry)) {
    console.error(`${relative(ROOT, entry)} is missing: run \`npm run bundle\` first.`)
    return 1
  }
  const workDir = mkdtempSync(join(tmpdir(), 'snapshooter-demo-'))
  const sim = await startSimulator({ host: '127.0.0.1', port: 0, ...scenario.sim })
  const github = scenario.github ? await startFakeGitHub(WORKFLOW_TOKEN) : null
  const cancel = new AbortController()
  const stop = new AbortController()
  let interruptedAt: number | null = null
  // The action cancels in order on SIGINT and still leaves its evidence; a second Ctrl-C kills
  // it. A terminal's Ctrl-C may reach this process twice (npm and tsx relay it), hence the
  // grace second before a repeat counts.
  const onInterrupt = (): void => {
    if (interruptedAt !== null) {
      if (Date.now() - interruptedAt > 1000) stop.abort()
      return
    }
    interruptedAt = Date.now()
    cancel.abort()
    print(style.yellow('(interrupted: the action is cancelling; Ctrl-C again to kill it)'))
  }
  process.on('SIGINT', onInterrupt)
  try {
    const inputs = { ...drillInputs(sim.url, join(workDir, RESULT_NAME)), ...scenario.inputs }
    if (scenario.takes && value !== null) inputs[scenario.takes.input] = value
    const duration = `${(scenario.sim.restoreDurationMs ?? 0) / 1000}s`
    const ends = scenario.sim.restoreFinalStatus ?? 'completed'
    print(
      style.bold(`SnapShooter Restore demo: ${scenario.name}`),
      `  simulator  ${sim.url}  (a restore takes ${duration}, then ends '${ends}')`,
      `  step       node ${process.version} ${relative(ROOT, entry)}, in ${workDir}`,
      '  with:',
      ...Object.entries(inputs).map(([name, value]) =>
        name === 'api_token'
          ? `    ${name}: ***  ${style.dim("(the simulator's demo token)")}`
          : `    ${name}: ${value}`,
      ),
    )
    const unexpected = Object.keys(inputs).filter((name) => !(name in yml.inputs))
    if (unexpected.length > 0)
      print(
        style.yellow(`Warning: Unexpected input(s) ${unexpected.map((n) => `'${n}'`).join(', ')}`),
      )

    section(`Log of the step (node ${relative(ROOT, entry)})`)
    const log = new LogRenderer(style, (text) => print(text))
    const step = await runStep({
      action: ROOT,
      inputs,
      workDir,
      onLine: (line) => log.line(line),
      killAfterMs: 5 * 60_000,
      // A cancel is the runner's SIGINT, which the action answers in order; a stop kills it.
      signals: [
        { name: 'SIGINT', on: cancel.signal },
        { name: 'SIGKILL', on: stop.signal },
      ],
      env: github ? { GITHUB_API_URL: github.url } : {},
    })

    section('Outputs (GITHUB_OUTPUT)')
    print(...renderOutputs(step.outputs, Object.keys(yml.outputs), style, (t) => log.mask(t)))

    section('Job summary (GITHUB_STEP_SUMMARY)')
    const summary = step.summary?.trim() ? renderMarkdown(log.mask(step.summary), style) : []
    print(...(summary.length > 0 ? summary : [style.dim('(the action wrote no job summary)')]))

    print('', `Exit code: ${step.code ?? `none (killed by ${step.signal})`}`)
    if (interruptedAt !== null) {
      print(
        '',
        `${style.yellow('Interrupted.')} Look at outcome ${step.outputs.outcome || '(not set)'}: the evidence a cancelled step leaves.`,
      )
      return 130
    }
    if (github) {
      section(`Issues on the fake GitHub API (${github.url})`)
      for (const issue of github.issues) {
        print(
          `  #${issue.number} ${style.bold(issue.title)}  [${issue.labels.join(', ')}] ${issue.state}`,
        )
        print(
          ...issue.body
            .split('\n')
            .slice(0, 4)
            .map((line) => style.dim(`    ${line}`)),
        )
      }
    }

    section('Did the action behave as this scenario expects?')
    const checks = checksFor(scenario, step, sim.restores.length)
    if (scenario.github && github) {
      const opened = github.issues.length
      checks.push({
        ok: opened === scenario.github.issuesOpened,
        text: `the drill opened ${opened} issue(s) on the fake GitHub API; expected ${scenario.github.issuesOpened}`,
      })
    }
    print(...renderChecks(checks, style))
    const files = [basename(step.outputFile), basename(step.summaryFile), RESULT_NAME]
    print(style.dim(`  The step's files are kept in ${workDir}: ${files.join(', ')}`), '')
    if (checks.every((check) => check.ok)) {
      print(`${style.green('Demo OK.')} Look at ${scenario.lookAt}.`)
      return 0
    }
    print(
      style.red('Demo FAILED: the action did not behave as expected; look at the ✘ lines above.'),
    )
    return 1
  } finally {
    process.off('SIGINT', onInterrupt)
    await sim.close()
    await github?.close()
  }
}

process.exitCode = await main().catch((error: unknown) => {
  // The demo's own failure (a spawn error, say), told apart from the action misbehaving.
  console.error(`The demo itself failed: ${error instanceof Error ? error.message : String(error)}`)
  return 1
})
