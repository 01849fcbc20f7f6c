// `npm run screenshot`: docs/summary.png, the job summary of the demo's restore drill as GitHub
// shows it. Runs dist/index.js against the simulator, renders its GITHUB_STEP_SUMMARY as GitHub
// does (GitHub-flavoured Markdown, GitHub's sanitising, github-markdown-css: the same path as
// __tests__/summary-render.test.ts), and photographs the page with headless Chromium (Debian's
// package: `apt-get install chromium`; CHROMIUM names another binary).
import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { startSimulator } from '../simulator/index.js'
import { runStep } from './lib/runner.js'
import { RESULT_NAME, SCENARIOS, drillInputs } from './lib/scenarios.js'
import { gfmPage } from './lib/gfm-page.js'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const { values } = parseArgs({
  options: {
    out: { type: 'string', default: join(ROOT, 'docs/summary.png') },
    width: { type: 'string', default: '900' },
    height: { type: 'string', default: '880' },
  },
})

async function demoSummary(workDir: string): Promise<string> {
  const scenario = SCENARIOS.find((s) => s.flag === null) ?? SCENARIOS[0]
  if (scenario === undefined) throw new Error('no demo scenario')
  const sim = await startSimulator({ host: '127.0.0.1', port: 0, ...scenario.sim })
  try {
    const step = await runStep({
      action: ROOT,
      inputs: { ...drillInputs(sim.url, join(workDir, RESULT_NAME)), ...scenario.inputs },
      workDir,
      onLine: () => undefined,
      killAfterMs: 2 * 60_000,
    })
    if (step.outputs.outcome !== scenario.expect.outcome || !step.summary?.trim())
      throw new Error(`the drill ended ${step.outputs.outcome || 'without an outcome'}`)
    return step.summary
  } finally {
    await sim.close()
  }
}

const workDir = mkdtempSync(join(tmpdir(), 'snapshooter-screenshot-'))
const page = join(workDir, 'summary.html')
const markdown = await demoSummary(workDir)
writeFileSync(page, gfmPage(markdown, 'Restore drill summary', 'restore drill · schedule'))

// A fresh profile and no background traffic: the page is a local file and needs nothing else.
const chromium = process.env.CHROMIUM ?? 'chromium'
const shot = spawnSync(
  chromium,
  [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--hide-scrollbars',
    `--user-data-dir=${join(workDir, 'profile')}`,
    `--window-size=${values.width},${values.height}`,
    `--screenshot=${values.out}`,
    `file://${page}`,
  ],
  { encoding: 'utf8', timeout: 60_000 },
)
if (shot.error !== undefined || shot.status !== 0) {
  console.error(`${chromium} failed: ${shot.error?.message ?? shot.stderr}`)
  console.error('Install it with `apt-get install chromium`, or name it in CHROMIUM.')
  process.exitCode = 1
} else {
  console.log(`Wrote ${values.out} (page: ${page})`)
}
