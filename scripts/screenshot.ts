// `npm run screenshot`: docs/summary.png, the job summary of the demo's restore drill as GitHub
// shows it. Runs dist/index.js against the simulator, renders its GITHUB_STEP_SUMMARY as GitHub
// does (GitHub-flavoured Markdown, GitHub's sanitising, github-markdown-css: the same path as
// __tests__/summary-render.test.ts), and photographs the page with headless Chromium (Debian's
// package: `apt-get install chromium`; CHROMIUM names another binary).
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { startSimulator } from '../simulator/index.js'
import { photograph } from './lib/chromium.js'
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

const failed = photograph(page, values.out, { width: values.width, height: values.height })
if (failed !== null) {
  console.error(failed)
  process.exitCode = 1
} else {
  console.log(`Wrote ${values.out} (page: ${page})`)
}
