// `npm run bench`: start-up, bundle size, polling economy and one real drill, as a table on
// stdout and in BENCHMARKS.md. Figures belong here, never in timed tests.
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { cpus, tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import { format } from 'prettier'
import { DEMO_TOKEN, SEED, startSimulator } from '../simulator/index.js'
import { adaptivePoller, fixedPoller, median, pollFigures } from './lib/polling.js'
import { readActionYml, runStep } from './lib/runner.js'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const ENTRY = join(ROOT, 'dist/index.js')
const RUNS = 25
const TARGET_RATIO = 3

interface NodeBinary {
  label: string
  path: string
  version: string
}

function nodes(): NodeBinary[] {
  // Node 24 is what action.yml's runs.using names; npx fetches it once and caches it.
  const node24 = execFileSync('npx', ['-y', '-p', 'node@24', 'node', '-p', 'process.execPath'], {
    encoding: 'utf8',
  }).trim()
  return [process.execPath, node24].map((path) => {
    const version = execFileSync(path, ['--version'], { encoding: 'utf8' }).trim()
    return { label: `Node ${version.slice(1).split('.')[0]}`, path, version }
  })
}

function timeMs(node: string, args: string[], env: NodeJS.ProcessEnv, cwd: string): number {
  const start = performance.now()
  const result = spawnSync(node, args, { env, cwd, stdio: 'ignore' })
  const elapsed = performance.now() - start
  if (result.error) throw result.error
  return elapsed
}

interface Startup {
  node: NodeBinary
  baseMs: number
  failFastMs: number
  exitCode: number | null
}

/** The fail-fast path (no inputs at all) against `node -e 0`, interleaved so drift hits both. */
function startup(node: NodeBinary): Startup {
  const dir = mkdtempSync(join(tmpdir(), 'snapshooter-bench-'))
  const outputFile = join(dir, 'github_output')
  writeFileSync(outputFile, '')
  const env = { PATH: process.env.PATH ?? '', GITHUB_OUTPUT: outputFile }
  const exitCode = spawnSync(node.path, [ENTRY], { env, cwd: dir, stdio: 'ignore' }).status
  const base: number[] = []
  const failFast: number[] = []
  for (let i = 0; i < RUNS; i++) {
    base.push(timeMs(node.path, ['-e', '0'], env, dir))
    failFast.push(timeMs(node.path, [ENTRY], env, dir))
  }
  rmSync(dir, { recursive: true, force: true })
  return { node, baseMs: median(base), failFastMs: median(failFast), exitCode }
}

function bundleSizes(): { entry: number; chunks: number; chunkCount: number } {
  const dist = join(ROOT, 'dist')
  const chunks = readdirSync(dist).filter((name) => /^\d+\.index\.js$/.test(name))
  const size = (name: string): number => statSync(join(dist, name)).size
  return {
    entry: size('index.js'),
    chunks: chunks.reduce((sum, name) => sum + size(name), 0),
    chunkCount: chunks.length,
  }
}

interface Drill {
  node: NodeBinary
  wallMs: number
  outcome: string
  statusRequests: number
}

/** One real drill through dist/index.js: a 2 s restore, from spawn to exit. */
async function drill(node: NodeBinary): Promise<Drill> {
  const sim = await startSimulator({ restoreDurationMs: 2000 })
  const workDir = mkdtempSync(join(tmpdir(), 'snapshooter-bench-'))
  try {
    const start = performance.now()
    const step = await runStep({
      node: node.path,
      entry: ENTRY,
      yml: readActionYml(ROOT),
      inputs: {
        api_token: DEMO_TOKEN,
        api_url: sim.url,
        backup_id: 'latest',
        job_id: SEED.jobs.main,
      },
      workDir,
      onLine: () => {},
      killAfterMs: 60_000,
    })
    const wallMs = performance.now() - start
    return {
      node,
      wallMs,
      outcome: step.outputs.outcome ?? '(none)',
      statusRequests: sim.count('getRestore'),
    }
  } finally {
    await sim.close()
    rmSync(workDir, { recursive: true, force: true })
  }
}

const ms = (value: number): string => `${Math.round(value)} ms`
const seconds = (value: number): string => `${(value / 1000).toFixed(1)} s`
const kib = (bytes: number): string => `${(bytes / 1024).toFixed(0)} KiB`

async function pollingTable(): Promise<string[]> {
  const pollers = [adaptivePoller(15_000), fixedPoller(5_000), fixedPoller(30_000)]
  const restores: Array<[string, number]> = [
    ['10 s', 10_000],
    ['1 min', 60_000],
    ['10 min', 600_000],
    ['1 h', 3_600_000],
  ]
  const rows = [
    `| restore | ${pollers.map((p) => `${p.name}: requests, worst delay`).join(' | ')} |`,
    `| --- | ${pollers.map(() => '---').join(' | ')} |`,
  ]
  for (const [label, nominal] of restores) {
    const cells: string[] = []
    for (const poller of pollers) {
      const figures = await pollFigures(poller, nominal)
      cells.push(`${figures.requests}, ${seconds(figures.worstDelayMs)}`)
    }
    rows.push(`| ${label} | ${cells.join(' | ')} |`)
  }
  return rows
}

async function main(): Promise<void> {
  const binaries = nodes()
  const starts = binaries.map(startup)
  for (const s of starts) {
    if (s.exitCode !== 1) throw new Error(`${s.node.label}: the fail-fast run exited ${s.exitCode}`)
  }
  const size = bundleSizes()
  const polling = await pollingTable()
  const drills: Drill[] = []
  for (const node of binaries) drills.push(await drill(node))

  const node24 = starts.find((s) => s.node.label === 'Node 24')
  const lines = [
    '# Benchmarks',
    '',
    'Made by `npm run bench` (scripts/bench.ts), which rewrites this file. ' +
      `Last run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ` +
      `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, ` +
      `${binaries.map((b) => `${b.label} (${b.version})`).join(' and ')}.`,
    '',
    '## Start-up: the fail-fast path',
    '',
    `\`node dist/index.js\` with no inputs (it fails at validation, exit 1) against \`node -e 0\`, ` +
      `median of ${RUNS} runs each, interleaved. Target: at most ${TARGET_RATIO}× on Node 24.`,
    '',
    '| node | `node -e 0` | fail-fast run | ratio |',
    '| --- | --- | --- | --- |',
    ...starts.map(
      (s) =>
        `| ${s.node.label} | ${ms(s.baseMs)} | ${ms(s.failFastMs)} | ${(s.failFastMs / s.baseMs).toFixed(2)}× |`,
    ),
    '',
    node24 === undefined
      ? ''
      : `Node 24 ratio ${(node24.failFastMs / node24.baseMs).toFixed(2)}×: target ${node24.failFastMs / node24.baseMs <= TARGET_RATIO ? 'met' : 'missed'}.`,
    '',
    'The fail-fast path reads `dist/index.js` only: the API client (axios), alerting ' +
      '(`@actions/github`) and download mode are chunks loaded once the inputs are valid. ' +
      'Most of what remains is `@actions/core` itself, which imports `@actions/http-client` ' +
      'and undici at start for `getIDToken`, a function this action never calls.',
    '',
    '## Bundle',
    '',
    '| file | size |',
    '| --- | --- |',
    `| \`dist/index.js\` (loaded at start) | ${kib(size.entry)} |`,
    `| ${size.chunkCount} chunk(s) loaded once the inputs are valid | ${kib(size.chunks)} |`,
    '',
    '## Polling economy',
    '',
    'Status requests (median) and the worst delay between completion and detection, on a fake ' +
      'clock: the wait loop of src/restore/wait.ts against pollers that check every 5 s or 30 s. ' +
      'Each restore length is run 101 times, spread over ±10 %, so completion falls at every ' +
      'phase of every schedule.',
    '',
    ...polling,
    '',
    '## One real drill',
    '',
    '`dist/index.js` against the simulator, as the runner runs it (default `poll_interval` ' +
      '15s): a restore that takes 2 s, from spawn to exit.',
    '',
    '| node | wall time | outcome | status requests |',
    '| --- | --- | --- | --- |',
    ...drills.map(
      (d) => `| ${d.node.label} | ${seconds(d.wallMs)} | ${d.outcome} | ${d.statusRequests} |`,
    ),
    '',
  ]
  const markdown = await format(lines.join('\n'), { parser: 'markdown', proseWrap: 'preserve' })
  writeFileSync(join(ROOT, 'BENCHMARKS.md'), markdown)
  console.log(markdown)
  if (drills.some((d) => d.outcome !== 'succeeded')) process.exitCode = 1
}

await main()
