// `npm run bench:download [-- --mib N --rounds R --memory 16,32,64,256,2048]`: how fast download mode verifies a .gz, and
// at what memory. Each measurement runs in a process of its own (scripts/lib/bench-download-
// worker.ts, bundled so that it runs on plain node): Node's own gunzip of the file (the
// yardstick), the tap as it was, the tap now for integrity, and the tap now with its content
// check, on a big .sql.gz and a .tar.gz, one file and eight at once; then the peak memory from
// 16 MiB to 2 GiB; then dist/index.js end to end. Prints the figures and rewrites the download
// section of BENCHMARKS.md. Not a test: the figures depend on the machine, and on what else it
// runs, so the variants run one after the other within each round and compare as ratios.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { cpus, tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { build } from 'esbuild'
import { format } from 'prettier'
import { readActionYml } from './lib/action-yml.js'
import { runAction } from './lib/bench-download-action.js'
import { writeSqlGz, writeTarGz } from './lib/bench-download-files.js'
import { COLLECT_EVERY_BYTES } from '../src/download/collect.js'

const ROOT = new URL('../', import.meta.url).pathname
const ENTRY = join(ROOT, readActionYml(ROOT).runs.main)
const MIB = 1024 * 1024
const VARIANTS = ['gunzip', 'before', 'integrity', 'content'] as const
type Variant = (typeof VARIANTS)[number]
const BEGIN = '<!-- download: written by npm run bench:download -->'
const END = '<!-- /download -->'

const { values } = parseArgs({
  options: {
    mib: { type: 'string', default: '1024' },
    rounds: { type: 'string', default: '5' },
    memory: { type: 'string', default: '16,32,64,256,2048' },
  },
})
const MEMORY_MIB = values.memory.split(',').map(Number)
const mib = Number(values.mib)
const rounds = Number(values.rounds)
if (!Number.isSafeInteger(mib) || mib < 8) throw new Error('--mib needs a whole number, 8 or more')
if (!Number.isSafeInteger(rounds) || rounds < 1) throw new Error('--rounds needs a whole number')
if (!existsSync(ENTRY)) throw new Error(`${ENTRY} is missing: run npm run bundle first`)
// zlib and the hash are not as fast on every Node: the figures that count are the action's own.
const ACTION_NODE = readFileSync(join(ROOT, '.node-version'), 'utf8').trim()
const onActionNode = process.versions.node.split('.')[0] === ACTION_NODE
if (!onActionNode) {
  console.error(
    `bench:download: this is Node ${process.version}, but the action runs on Node ${ACTION_NODE}. ` +
      `Put Node ${ACTION_NODE} first on PATH (as .ci/run does) for the figures that count.`,
  )
}

interface Run {
  ms: number
  cpuMs: number
  peakRssKib: number | null
  detail: string
}

const dir = mkdtempSync(join(tmpdir(), 'snapshooter-bench-download-'))
const worker = join(dir, 'worker.mjs')

function measure(variant: Variant, paths: string[]): Run {
  const out = execFileSync(process.execPath, [worker, variant, ...paths], { encoding: 'utf8' })
  const run = JSON.parse(out) as Run & { checks: { passed: boolean | null; detail: string }[] }
  const failed = run.checks.find((check) => check.passed !== true)
  if (failed !== undefined) throw new Error(`${variant}: ${failed.detail}`)
  return { ...run, detail: run.checks[0]?.detail ?? '' }
}

/** The runs of round `i`, one per variant. */
const roundOf = (runs: Record<Variant, Run[]>, i: number): Record<Variant, Run> =>
  Object.fromEntries(VARIANTS.map((v) => [v, runs[v][i] as Run])) as Record<Variant, Run>
const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[values.length >> 1] ?? 0
const mbps = (bytes: number, ms: number): string => (bytes / 1e6 / (ms / 1000)).toFixed(0)
const pct = (ratio: number): string => `${Math.round(ratio * 100)} %`

interface Case {
  label: string
  kind: string
  paths: string[]
}

try {
  await build({
    entryPoints: [join(ROOT, 'scripts/lib/bench-download-worker.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: worker,
    logLevel: 'warning',
  })
  const file = (name: string, size: number, write: (path: string, size: number) => void) => {
    const path = join(dir, name)
    write(path, size)
    return path
  }
  const eighth = Math.max(1, Math.round(mib / 8))
  const sql = file('dump.sql.gz', mib * MIB, writeSqlGz)
  const tar = file('site.tar.gz', mib * MIB, writeTarGz)
  const sqlPart = file('part.sql.gz', eighth * MIB, writeSqlGz)
  const tarPart = file('part.tar.gz', eighth * MIB, writeTarGz)
  const cases: Case[] = [
    { label: `1 × ${mib} MiB`, kind: '.sql.gz', paths: [sql] },
    { label: `1 × ${mib} MiB`, kind: '.tar.gz', paths: [tar] },
    { label: `8 × ${eighth} MiB`, kind: '.sql.gz', paths: Array(8).fill(sqlPart) },
    { label: `8 × ${eighth} MiB`, kind: '.tar.gz', paths: Array(8).fill(tarPart) },
  ]

  const rows: string[] = []
  const details: string[] = []
  for (const each of cases) {
    const bytes = each.paths.reduce((sum, path) => sum + statSync(path).size, 0)
    const runs: Record<Variant, Run[]> = { gunzip: [], before: [], integrity: [], content: [] }
    for (let round = 0; round < rounds; round++) {
      const line: string[] = []
      for (const variant of VARIANTS) {
        const run = measure(variant, each.paths)
        runs[variant].push(run)
        line.push(`${variant} ${mbps(bytes, run.ms)} MB/s`)
      }
      console.error(`${each.label} ${each.kind}, round ${round + 1}: ${line.join(', ')}`)
    }
    // What else the machine runs only ever adds time: the best round of each variant is the
    // nearest to what its code costs. The median of the ratios within each round is the other
    // reading; on a busy machine the two differ, and both are shown.
    const best = (variant: Variant, of: 'ms' | 'cpuMs' = 'ms'): number =>
      Math.min(...runs[variant].map((run) => run[of]))
    const inRounds = (f: (round: Record<Variant, Run>) => number): number =>
      median(runs.gunzip.map((_, i) => f(roundOf(runs, i))))
    const ratio = [
      best('gunzip') / best('integrity'),
      inRounds((r) => r.gunzip.ms / r.integrity.ms),
    ]
    const cost = [
      best('content') / best('integrity') - 1,
      inRounds((r) => r.content.ms / r.integrity.ms - 1),
    ]
    const cpuCost = [
      best('content', 'cpuMs') / best('integrity', 'cpuMs') - 1,
      inRounds((r) => r.content.cpuMs / r.integrity.cpuMs - 1),
    ]
    const pair = (values: number[], ok: (value: number) => boolean): string =>
      values.map((value) => `${pct(value)}${ok(value) ? '' : ' ✗'}`).join(' · ')
    const fast = (value: number): boolean => value >= 0.8
    const cheap = (value: number): boolean => value <= 0.1
    const cells = VARIANTS.map((variant) => mbps(bytes, best(variant)))
    rows.push(
      `| ${each.label} | \`${each.kind}\` | ${cells.join(' | ')} | ${pair(ratio, fast)} | ${pair(cost, cheap)} | ${pair(cpuCost, cheap)} |`,
    )
    details.push(`${each.label} \`${each.kind}\`: ${runs.content[0]?.detail ?? ''}`)
  }

  const memory: string[] = []
  for (const size of MEMORY_MIB) {
    const path = file(`memory-${size}.sql.gz`, size * MIB, writeSqlGz)
    // When the collector runs moves a peak by a few MiB: the median of three runs.
    const peak = (variant: Variant): number =>
      median([0, 1, 2].map(() => measure(variant, [path]).peakRssKib ?? 0)) / 1024
    const [before, integrity, content] = [peak('before'), peak('integrity'), peak('content')]
    const worst = Math.max(integrity, content) / before
    const flat = worst <= 1.1 ? 'met' : 'missed'
    const actual = (statSync(path).size / MIB).toFixed(1)
    memory.push(
      `| ${actual} MiB | ${before.toFixed(0)} MiB | ${integrity.toFixed(0)} MiB | ${content.toFixed(0)} MiB | ${worst.toFixed(2)}× (target 1.10×, ${flat}) |`,
    )
    rmSync(path)
  }

  const action = await runAction(ROOT, ENTRY, mib * MIB)
  const section = [
    BEGIN,
    '',
    '## Download: verifying what arrives',
    '',
    `Made by \`npm run bench:download\` (scripts/bench-download.ts), which rewrites this section. ` +
      `Last run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ` +
      `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, Node ${process.version}` +
      `${onActionNode ? ', the Node the action runs on' : ` (the action runs on Node ${ACTION_NODE})`}.`,
    '',
    `Compressed MB per second, the best of ${rounds} rounds. Each round runs the variants one ` +
      'after the other, each in a process of its own that reads the files from the page cache ' +
      'and hands them on in 64 KiB chunks (as a socket delivers them), and writes nothing. The ' +
      'machine is shared: what else it runs only ever adds time, so the best round is the figure ' +
      'nearest to what the code costs; the CPU time (of all the threads of the process, those of ' +
      'zlib among them) is what the content checks cost whatever else runs. ' +
      'The files are a mysqldump of 14 tables and a tar of text, noise and zeros, both about 3:1; ' +
      'eight files at once are eight streams in one process, twice what download mode runs at once.',
    '',
    '| files | type | Node gunzip (256 KiB chunks) | tap before | tap: integrity | tap: integrity + content | tap / gunzip | content: more time | content: more CPU |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
    'Each pair is the best rounds against each other · the median of the rounds; ✗ marks a figure that misses its target: the tap at 80 % of gunzip or more, the content checks at 10 % or less on top. What the content checks saw:',
    '',
    ...details.map((line) => `- ${line}`),
    '',
    'Peak resident memory (VmHWM, the median of three runs) of the process verifying one `.sql.gz`. ' +
      `The tap asks for a minor collection (a scavenge of young objects) after every ${COLLECT_EVERY_BYTES / MIB} MiB gunzipped, which takes ` +
      "back zlib's chunks as they die, where the collector alone lets some 64 MB of them pile up first.",
    '',
    '| file | tap before | tap: integrity | tap: integrity + SQL check | worst / before |',
    '| --- | --- | --- | --- | --- |',
    ...memory,
    '',
    `End to end: \`dist/index.js\` downloads big.bin (${action.bytes / MIB} MiB, not gzipped) from the simulator at ${(action.bytes / 1e6 / action.downloadS).toFixed(0)} MB/s (${action.wholeS.toFixed(1)} s for the whole step), peak RSS ${action.peakRssKib === null ? 'unknown' : `${(action.peakRssKib / 1024).toFixed(0)} MiB`}.`,
    '',
    END,
  ].join('\n')
  const path = join(ROOT, 'BENCHMARKS.md')
  const current = readFileSync(path, 'utf8')
  const start = current.indexOf(BEGIN)
  const end = current.indexOf(END)
  const kept =
    start === -1 || end === -1
      ? `${current.trimEnd()}\n\n${section}\n`
      : `${current.slice(0, start)}${section}${current.slice(end + END.length)}`
  const markdown = await format(kept, { parser: 'markdown', proseWrap: 'preserve' })
  writeFileSync(path, markdown)
  console.log(section)
} finally {
  rmSync(dir, { recursive: true, force: true })
}
