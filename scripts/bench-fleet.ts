// `npm run bench:fleet [-- --legs 10,20,30,40 --runs N --serial]`: a fleet drill on one token. Each leg is
// its own dist/index.js process, as on a runner of its own, all against one simulator whose
// Laravel-like limiter allows 60 requests a minute for the token; the legs start within 3 s and
// their restores take 90 s to 2 min. Prints, per fleet size, the requests, the 429s, the restores
// created per leg (exactly one each) and the lateness of each leg: its wall time less its
// restore's own duration. Rewrites the fleet section of BENCHMARKS.md. Not a test: the figures
// take minutes of wall time and depend on the machine. Scenarios run at once, each on a
// simulator of its own, unless --serial; --runs repeats them, for how much the figures vary.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { format } from 'prettier'
import { startSimulator } from '../simulator/index.js'
import { median } from './lib/polling.js'
import { runStep } from './lib/runner.js'
import { latestOfMainJob } from './lib/scenarios.js'

const ROOT = new URL('../', import.meta.url).pathname
const BENCHMARKS = join(ROOT, 'BENCHMARKS.md')
const BEGIN = '<!-- fleet: written by npm run bench:fleet -->'
const END = '<!-- /fleet -->'
const RATE_LIMIT = { limit: 60, windowMs: 60_000 }
const START_SPREAD_MS = 3_000
const RESTORE_MS = { min: 90_000, max: 120_000 }
// The targets: at most this share of requests answered 429, and median lateness.
const TARGETS: Readonly<Record<number, { share429: number; medianMs: number }>> = {
  30: { share429: 0.1, medianMs: 30_000 },
  40: { share429: 0.1, medianMs: 40_000 },
}

const { values } = parseArgs({
  options: {
    legs: { type: 'string', default: '10,20,30,40' },
    runs: { type: 'string', default: '1' },
    serial: { type: 'boolean' },
  },
})
const SIZES = values.legs.split(',').map(Number)
if (!SIZES.every((n) => Number.isSafeInteger(n) && n > 0)) throw new Error('--legs: counts')
const RUNS = Number(values.runs)
if (!Number.isSafeInteger(RUNS) || RUNS < 1) throw new Error('--runs: a count')
if (!existsSync(join(ROOT, 'dist/index.js'))) throw new Error('run npm run bundle first')

interface Fleet {
  legs: number
  /** Which of the runs, from 1. */
  run: number
  requests: number
  limited: number
  /** 429s by request: the list of backups, the restore POST, the status checks. */
  limitedBy: { list: number; post: number; status: number }
  succeeded: number
  /** Restores created per leg, each leg's count. */
  restoresPerLeg: number[]
  restores: number
  /** Restores started in the limiter's first window: the legs that need not wait for the next. */
  firstWindow: number
  latenessMs: number[]
  wallMs: number
}

async function fleet(legs: number, run: number): Promise<Fleet> {
  const durations = new Map<string, number>()
  const sim = await startSimulator({ rateLimit: RATE_LIMIT, restoreDurationMs: RESTORE_MS.min })
  // Each restore gets a length of its own as it is created: the simulator derives its status
  // from the clock on every read, so the change holds from the first answer on.
  sim.configure({
    onRequest: (request) => {
      if (request.route !== 'createRestore' || request.status !== 201) return
      for (const restore of sim.restores) {
        if (durations.has(restore.id)) continue
        restore.durationMs = RESTORE_MS.min + Math.random() * (RESTORE_MS.max - RESTORE_MS.min)
        restore.pendingMs = Math.min(restore.pendingMs, restore.durationMs / 4)
        durations.set(restore.id, restore.durationMs)
      }
    },
  })
  const dir = mkdtempSync(join(tmpdir(), 'snapshooter-fleet-'))
  const started = Date.now()
  try {
    const runs = await Promise.all(
      Array.from({ length: legs }, async () => {
        await new Promise((resolve) => setTimeout(resolve, Math.random() * START_SPREAD_MS))
        return runStep({
          action: ROOT,
          inputs: latestOfMainJob(sim.url),
          workDir: mkdtempSync(join(dir, 'leg-')),
          killAfterMs: 15 * 60_000,
        })
      }),
    )
    const lateness = runs.flatMap((run) => {
      const duration = durations.get(run.outputs.restore_id ?? '')
      return duration === undefined ? [] : [run.elapsedMs - duration]
    })
    const perLeg = runs.map(
      (run) => sim.restores.filter((r) => r.id === run.outputs.restore_id).length,
    )
    return {
      legs,
      run,
      requests: sim.requests.length,
      limited: sim.requests.filter((r) => r.status === 429).length,
      limitedBy: {
        list: sim.requests.filter((r) => r.status === 429 && r.route === 'listBackups').length,
        post: sim.requests.filter((r) => r.status === 429 && r.route === 'createRestore').length,
        status: sim.requests.filter((r) => r.status === 429 && r.route === 'getRestore').length,
      },
      succeeded: runs.filter((run) => run.outputs.outcome === 'succeeded').length,
      restoresPerLeg: perLeg,
      restores: sim.restores.length,
      firstWindow: sim.restores.filter(
        (r) => r.createdAt < (sim.requests[0]?.at ?? 0) + RATE_LIMIT.windowMs,
      ).length,
      latenessMs: lateness,
      wallMs: Date.now() - started,
    }
  } finally {
    await sim.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`
const percent = (part: number, whole: number): string =>
  `${whole === 0 ? 0 : ((100 * part) / whole).toFixed(1)} %`

function verdict(f: Fleet): string {
  const target = TARGETS[f.legs]
  const oneEach = f.restores === f.legs && f.restoresPerLeg.every((n) => n === 1)
  const base = f.succeeded === f.legs && oneEach
  if (target === undefined) return base ? 'all succeeded, one restore each' : 'missed'
  const met =
    base && f.limited <= target.share429 * f.requests && median(f.latenessMs) <= target.medianMs
  return `${met ? 'met' : 'missed'} (≤ ${target.share429 * 100} % 429, median ≤ ${seconds(target.medianMs)})`
}

function section(fleets: Fleet[]): string[] {
  return [
    BEGIN,
    '',
    '## Fleet drills on one token',
    '',
    `Made by \`npm run bench:fleet\` (scripts/bench-fleet.ts), ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC` +
      `, ${cpus().length} cores${values.serial === true ? ', one fleet at a time' : ', the fleets at once, each on its own simulator'}. ` +
      'Each leg is a `dist/index.js` process (default `poll_interval` 15s); the legs start ' +
      `within ${START_SPREAD_MS / 1000} s and share one token limited to ${RATE_LIMIT.limit} ` +
      "requests a minute by the simulator's Laravel-like limiter; each restore takes 90 s to " +
      "2 min. Lateness: a leg's wall time less its restore's own duration. First window: the " +
      'restores started in the first minute; the lookups and the POSTs of 40 legs need more than ' +
      'it holds, so the others start a minute late, and the median is decided by whether ' +
      'more than half started in it.' +
      (RUNS > 1
        ? ` Each fleet ran ${RUNS} times, one run after the other: every run is shown.`
        : ''),
    '',
    ...tally(fleets),
    '| legs | run | requests | 429 | restores per leg | first window | succeeded | median lateness | worst lateness | targets |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...[...fleets]
      .sort((a, b) => a.legs - b.legs || a.run - b.run)
      .map((f) => {
        const per = [...new Set(f.restoresPerLeg)].sort().join(' or ')
        const late = f.latenessMs
        return (
          `| ${f.legs} | ${f.run} of ${RUNS} | ${f.requests} | ${f.limited} (${percent(f.limited, f.requests)}): ` +
          `${f.limitedBy.list} list, ${f.limitedBy.post} POST, ${f.limitedBy.status} status | ${per} ` +
          `(${f.restores} in all) | ${f.firstWindow} | ${f.succeeded} of ${f.legs} | ` +
          `${late.length === 0 ? '-' : seconds(median(late))} | ` +
          `${late.length === 0 ? '-' : seconds(Math.max(...late))} | ${verdict(f)} |`
        )
      }),
    '',
    END,
  ]
}

/** With several runs, a line per fleet size with a target: in how many runs it was met. */
function tally(fleets: Fleet[]): string[] {
  if (RUNS === 1) return []
  const lines = SIZES.filter((n) => TARGETS[n] !== undefined).map((n) => {
    const runs = fleets.filter((f) => f.legs === n)
    const met = runs.filter((f) => verdict(f).startsWith('met')).length
    const medians = runs.map((f) => seconds(median(f.latenessMs))).join(', ')
    const shares = runs.map((f) => percent(f.limited, f.requests)).join(', ')
    return `- ${n} legs: targets met in ${met} of ${runs.length} runs (median lateness ${medians}; 429s ${shares}).`
  })
  return [...lines, '']
}

async function main(): Promise<void> {
  const fleets: Fleet[] = []
  for (let run = 1; run <= RUNS; run++) {
    if (values.serial === true) for (const n of SIZES) fleets.push(await fleet(n, run))
    else fleets.push(...(await Promise.all(SIZES.map((n) => fleet(n, run)))))
  }
  const text = await format(section(fleets).join('\n'), { parser: 'markdown' })
  console.log(text)
  const old = existsSync(BENCHMARKS) ? readFileSync(BENCHMARKS, 'utf8') : ''
  const start = old.indexOf(BEGIN)
  const end = old.indexOf(END)
  const kept =
    start === -1 || end < start
      ? `${old.trimEnd()}\n\n`
      : old.slice(0, start) + old.slice(end + END.length).trimStart()
  writeFileSync(
    BENCHMARKS,
    start === -1 || end < start ? `${kept}${text}` : `${kept.trimEnd()}\n\n${text}`,
  )
  if (fleets.some((f) => verdict(f).startsWith('missed'))) process.exitCode = 1
}

await main()
