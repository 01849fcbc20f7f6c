// `npm run bench`: start-up, bundle size, polling economy and one real drill, as a table on
// stdout and in BENCHMARKS.md. Figures belong here, never in timed tests.
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { cpus, tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { performance } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import { format } from 'prettier'
import { startSimulator } from '../simulator/index.js'
import { builtFiles, ENTRIES, startPath } from './lib/dist-layout.js'
import { adaptivePoller, fixedPoller, median, pollFigures } from './lib/polling.js'
import { actionEntry } from './lib/action-yml.js'
import { runStep } from './lib/runner.js'
import { latestOfMainJob } from './lib/scenarios.js'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const BENCHMARKS = join(ROOT, 'BENCHMARKS.md')

/** The section that `npm run bench:<name>` writes between its markers, or nothing. */
function ownSection(name: string): string {
  const text = existsSync(BENCHMARKS) ? readFileSync(BENCHMARKS, 'utf8') : ''
  const start = text.indexOf(`<!-- ${name}:`)
  const end = text.indexOf(`<!-- /${name} -->`)
  return start === -1 || end < start
    ? ''
    : `\n${text.slice(start, end + `<!-- /${name} -->`.length)}\n`
}
const ENTRY = actionEntry(ROOT)
const RUNS = 25
// Start-up budgets against `node -e 0`, per Node major: 24 is what action.yml's runs.using
// names; 20 is kept in view because it loads ES modules more slowly.
const TARGET_RATIO: Readonly<Record<string, number>> = { 'Node 24': 2.0, 'Node 20': 2.5 }

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

interface BundleSizes {
  /** Per entry: the files Node reads before the action's first line, and their bytes. */
  starts: Array<{ entry: string; files: number; bytes: number; packages: string[] }>
  /** Everything else in dist/: chunks loaded by `import()` once the inputs are valid. */
  lazy: { files: number; bytes: number }
}

function bundleSizes(): BundleSizes {
  const dist = join(ROOT, 'dist')
  const starts = Object.keys(ENTRIES).map((entry) => {
    const path = startPath(dist, entry)
    return { entry, files: path.files.length, bytes: path.bytes, packages: path.packages }
  })
  const onStart = new Set(Object.keys(ENTRIES).flatMap((entry) => startPath(dist, entry).files))
  const lazy = builtFiles(dist).filter((file) => !onStart.has(relative(dist, file)))
  return {
    starts,
    lazy: { files: lazy.length, bytes: lazy.reduce((sum, file) => sum + statSync(file).size, 0) },
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
      action: ROOT,
      inputs: latestOfMainJob(sim.url),
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

  const ratio = (s: Startup): number => s.failFastMs / s.baseMs
  const verdict = (s: Startup): string => {
    const target = TARGET_RATIO[s.node.label]
    if (target === undefined) return `${s.node.label} ratio ${ratio(s).toFixed(2)}×: no target.`
    const met = ratio(s) <= target ? 'met' : 'missed'
    return `${s.node.label} ratio ${ratio(s).toFixed(2)}×: target ${target.toFixed(1)}×, ${met}.`
  }
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
      `median of ${RUNS} runs each, interleaved. Targets: at most ` +
      `${Object.entries(TARGET_RATIO)
        .map(([label, target]) => `${target.toFixed(1)}× on ${label}`)
        .join(' and ')}.`,
    '',
    '| node | `node -e 0` | fail-fast run | ratio |',
    '| --- | --- | --- | --- |',
    ...starts.map(
      (s) =>
        `| ${s.node.label} | ${ms(s.baseMs)} | ${ms(s.failFastMs)} | ${ratio(s).toFixed(2)}× |`,
    ),
    '',
    ...starts.map(verdict).flatMap((line) => [line, '']),
    'The fail-fast path reads `dist/index.js` and the chunks it imports statically: the ' +
      "action's own code and `@actions/core`. The API client (axios and the proxy agents), " +
      'alerting (Octokit) and download mode are chunks loaded by `import()` once the inputs ' +
      'are valid. `npm run bundle` marks the `@actions` packages free of side effects, so ' +
      "`@actions/core`'s OIDC client (`getIDToken`, never called here) is left out, and with " +
      'it `@actions/http-client` and undici.',
    '',
    '## Bundle',
    '',
    '| what | files | size |',
    '| --- | --- | --- |',
    ...size.starts.map(
      (s) =>
        `| \`dist/${s.entry}.js\` and its static imports (loaded at start: ` +
        `${s.packages.map((name) => `\`${name}\``).join(', ') || 'no packages'}) | ` +
        `${s.files} | ${kib(s.bytes)} |`,
    ),
    `| chunks loaded by \`import()\` once the inputs are valid | ${size.lazy.files} | ` +
      `${kib(size.lazy.bytes)} |`,
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
  console.log(markdown)
  // `npm run bench:download` and `bench:fleet` own sections: kept as they were, after these.
  writeFileSync(BENCHMARKS, `${markdown}${ownSection('download')}${ownSection('fleet')}`)
  if (drills.some((d) => d.outcome !== 'succeeded')) process.exitCode = 1
}

await main()
