// The fleet report's arithmetic and matching on plain values: which result stands for which
// drill, the missing jobs, unreadable files, every outcome, and what fails the step.
import { describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import {
  closeSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join, posix, win32 } from 'node:path'
import { findResults, isInside } from '../src/fleet/report-files.js'
import { parseGlob, type Glob } from '../src/inputs/glob.js'
import { parseExpected, parseReportSettings } from '../src/inputs/report.js'
import { parseDrillName } from '../src/inputs/fleet.js'
import { readLeg, type Read } from '../src/fleet/report-entry.js'
import { failsTheStep, fleetRows, tally, verdictLine } from '../src/fleet/report-tally.js'
import { reportForOutput } from '../src/fleet/report-run.js'
import { renderFleetSummary } from '../src/fleet/report-summary.js'

const JOB_A = '6f7c5f07-bd49-4b2a-9a8e-0a6a3c1d2e01'
const JOB_B = '6f7c5f07-bd49-4b2a-9a8e-0a6a3c1d2e02'
const SERVER = 'https://github.com'

function result(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    version: 1,
    outcome: 'succeeded',
    backup: { id: 'b1', job_id: JOB_A, completed_at: null, age_seconds: 3600 },
    restore: { id: 'r1', duration_seconds: 90 },
    checks: [
      { name: 'max_backup_age', limit_seconds: 86400, actual_seconds: 3600, passed: true },
      { name: 'max_restore_duration', limit_seconds: 60, actual_seconds: 90, passed: false },
    ],
    error: null,
    run: { repository: 'acme/backups', run_id: '4242', run_attempt: '1' },
    ...over,
  }
}
const read = (file: string, value: unknown): Read => readLeg(file, JSON.stringify(value), SERVER)

describe('reading a result file', () => {
  it('makes the names in a result file one line that starts no workflow command', () => {
    const forged = read('f.json', result({ drill: { name: '::error::x ##[warning]y\u202ez' } }))
    expect(forged).toMatchObject({ leg: { name: ': :error: :x # #[warning]y z' } })
  })

  it('takes the drill name, checks and run link from a good result', () => {
    const leg = read('a.json', result({ drill: { name: 'prod-db' } }))
    expect(leg).toMatchObject({
      leg: {
        name: 'prod-db',
        jobId: JOB_A,
        outcome: 'succeeded',
        rpo: { limitSeconds: 86400, passed: true },
        rto: { limitSeconds: 60, passed: false },
        run: { url: 'https://github.com/acme/backups/actions/runs/4242/attempts/1' },
      },
    })
  })

  it.each([
    ['not JSON', '{', 'is not JSON'],
    ['another version', JSON.stringify(result({ version: 2 })), 'is not a version 1 result'],
    ['an unknown outcome', JSON.stringify(result({ outcome: 'great' })), 'has no known outcome'],
    ['no run', JSON.stringify(result({ run: null })), 'lacks backup, restore, checks or run'],
    ['an array', '[]', 'is not a JSON object'],
  ])('refuses %s, naming the file', (_, text, problem) => {
    expect(readLeg('x.json', text, SERVER)).toEqual({ file: 'x.json', problem })
  })

  it('builds no link from a hostile repository or run id, and keeps text on one short line', () => {
    const hostile = result({
      drill: { name: `evil\n::error::x${'y'.repeat(500)}` },
      run: { repository: 'a/b)[x](https://evil', run_id: '1' },
    })
    const { leg } = read('h.json', hostile) as { leg: { name: string; run: { url: null } } }
    expect(leg.run.url).toBeNull()
    expect(leg.name).not.toContain('\n')
    expect(leg.name.length).toBeLessThanOrEqual(200)
  })

  it('refuses a result nested too deep to be written again, but not brackets in its text', () => {
    const nested = `${'['.repeat(20_000)}${']'.repeat(20_000)}`
    const deep = JSON.stringify(result()).replace(/^\{/, `{"extra":${nested},`)
    // What the history would do with it: write it again, which JSON.stringify cannot.
    expect(() => JSON.stringify(JSON.parse(deep))).toThrow(RangeError)
    expect(readLeg('deep.json', deep, SERVER)).toEqual({
      file: 'deep.json',
      problem: 'nests deeper than 64 levels, as no result does',
    })
    const quoted = result({ error: { message: `${'[{'.repeat(100)} \\" ${'['.repeat(100)}` } })
    expect(read('q.json', quoted)).toHaveProperty('leg')
  })

  it('shows a negative or endless figure from a result file as unknown', () => {
    const forged = result({
      backup: { id: 'b1', job_id: JOB_A, age_seconds: -3600 },
      restore: { id: 'r1', duration_seconds: 1e308 },
      checks: [{ name: 'max_restore_duration', limit_seconds: 1e308, passed: true }],
    })
    const leg = read('n.json', forged)
    expect(leg).toMatchObject({ leg: { backupAgeSeconds: null, durationSeconds: null, rto: null } })
    const rows = fleetRows([leg], null)
    const markdown = renderFleetSummary(tally(rows), rows, { fails: false, skippedFiles: 0 })
    expect(markdown).not.toMatch(/Infinity|0ms/)
    expect(markdown).toContain(`| job ${JOB_A} | – | – | ✅ succeeded |`)
  })

  it('keeps of a large result only the files its history record keeps', () => {
    const files = Array.from({ length: 5000 }, (_, i) => ({ id: `f${i}`, name: `f${i}`, size: 1 }))
    const big = result({ files, download: { files, files_omitted: 0 } })
    const { leg } = read('big.json', big) as { leg: { result: Record<string, unknown> } }
    expect(leg.result).toMatchObject({ files_omitted: 4900, download: { files_omitted: 4900 } })
    expect(leg.result.files).toHaveLength(100)
    expect((leg.result.download as { files: unknown[] }).files).toHaveLength(100)
  })

  it("links the run on the report's own GitHub, whatever server a result file names", () => {
    const forged = result({
      run: { server_url: 'https://evil.example', repository: 'acme/backups', run_id: '7' },
    })
    const { leg } = read('f.json', forged) as { leg: { run: { url: string } } }
    expect(leg.run.url).toBe(`${SERVER}/acme/backups/actions/runs/7`)
  })
})

describe('the fleet tally', () => {
  it('counts every outcome: failed takes timed_out, cancelled and unreadable files', () => {
    const outcomes = ['succeeded', 'failed', 'timed_out', 'cancelled', 'dry_run', 'not_waited']
    const reads = outcomes.map((outcome, i) =>
      read(`${i}.json`, result({ outcome, drill: { name: `d${i}` } })),
    )
    const rows = fleetRows([...reads, { file: 'bad.json', problem: 'is not JSON' }], null)
    expect(tally(rows)).toEqual({ total: 7, succeeded: 1, failed: 4, missing: 0, unverified: 2 })
    expect(rows.at(-1)).toMatchObject({ name: 'bad.json', outcome: 'invalid' })
  })

  it('names an expected job without a result as missing, by its matrix name', () => {
    const rows = fleetRows(
      [read('a.json', result())],
      [
        { jobId: JOB_A, jobName: 'prod-db' },
        { jobId: JOB_B, jobName: 'web' },
      ],
    )
    expect(rows.map((row) => [row.name, row.outcome])).toEqual([
      [`job ${JOB_A}`, 'succeeded'],
      ['web', 'missing'],
    ])
    expect(tally(rows).missing).toBe(1)
  })

  it('lets a leg that failed before resolving its job answer for it by name', () => {
    const early = result({ outcome: 'failed', drill: { name: 'web' }, backup: {} })
    const rows = fleetRows([read('w.json', early)], [{ jobId: JOB_B, jobName: 'web' }])
    expect(rows.map((row) => row.outcome)).toEqual(['failed'])
  })

  it('lets no success hide a failure of the same name from the same attempt', () => {
    const ok = result({ drill: { name: 'prod-db' } })
    const bad = result({ outcome: 'failed', drill: { name: 'prod-db' } })
    for (const order of [
      [bad, ok],
      [ok, bad],
    ]) {
      const rows = fleetRows(
        order.map((value, i) => read(`${i}.json`, value)),
        null,
      )
      expect(rows.map((row) => row.outcome)).toEqual(['failed'])
      expect(failsTheStep(tally(rows), 'failed')).toBe(true)
    }
  })

  it('matches an expected job_name as its leg names itself, even with :: or past 200 characters', () => {
    const long = `db ${'x'.repeat(300)}`
    for (const jobName of ['prod::db', long]) {
      const matrix = JSON.stringify({ include: [{ job_id: JOB_B, job_name: jobName }] })
      const expected = parseExpected(matrix)
      if (typeof expected === 'string' || expected === null) throw new Error(String(expected))
      const leg = result({
        outcome: 'failed',
        drill: { name: parseDrillName(jobName) },
        backup: {},
      })
      const rows = fleetRows([read('w.json', leg)], expected)
      expect(rows.map((row) => row.outcome)).toEqual(['failed'])
      expect(rows[0]?.name.length).toBeLessThanOrEqual(200)
    }
  })

  it('shows each limit as the leg wrote it, and its figures as the drill summary does', () => {
    const written = result({
      backup: { id: 'b1', job_id: JOB_A, completed_at: null, age_seconds: 7106 },
      checks: [
        { name: 'max_backup_age', limit_seconds: 93_600, limit: '26h', passed: true },
        { name: 'max_restore_duration', limit_seconds: 60, limit: '<b>1m</b>', passed: false },
      ],
    })
    const rows = fleetRows([read('w.json', written)], null)
    expect(rows[0]).toMatchObject({ rpo_limit: '26h', rto_limit: null })
    const markdown = renderFleetSummary(tally(rows), rows, { fails: true, skippedFiles: 0 })
    // A limit that does not read as a duration is shown from its seconds, never as markup.
    expect(markdown).toContain('| 1h 58m 26s / 26h ✅ | 1m 30s / 1m ❌ |')
  })

  it('gives no green tick to a fleet of dry runs, which proved no restore', () => {
    const rows = fleetRows([read('d.json', result({ outcome: 'dry_run' }))], null)
    expect(failsTheStep(tally(rows), 'failed')).toBe(false)
    const markdown = renderFleetSummary(tally(rows), rows, { fails: false, skippedFiles: 0 })
    expect(markdown).toMatch(/^## ⚠️ Fleet restore drill: 0 of 1 succeeded\n\n.*1 not verified/)
  })

  it('keeps the newest attempt of a re-run drill, whatever the order found', () => {
    const second = result({ run: { repository: 'acme/backups', run_id: '4242', run_attempt: '2' } })
    const first = result({ outcome: 'failed' })
    for (const order of [
      [first, second],
      [second, first],
    ]) {
      const rows = fleetRows(
        order.map((value, i) => read(`${i}.json`, value)),
        [{ jobId: JOB_A, jobName: null }],
      )
      expect(rows).toHaveLength(1)
      expect(rows[0]).toMatchObject({ outcome: 'succeeded', superseded: 1 })
    }
  })

  it('fails the step under fail_on failed only, and names the drills that did not pass', () => {
    const rows = fleetRows(
      [read('a.json', result({ outcome: 'timed_out', drill: { name: 'prod-db' } }))],
      [{ jobId: JOB_B, jobName: 'web' }],
    )
    const counts = tally(rows)
    expect(failsTheStep(counts, 'failed')).toBe(true)
    expect(failsTheStep(counts, 'never')).toBe(false)
    expect(failsTheStep(tally(fleetRows([read('a.json', result())], null)), 'failed')).toBe(false)
    const line = verdictLine(counts, rows)
    expect(line).toContain('prod-db (timed_out), web (missing)')
    expect(line).not.toContain('\n')
  })
})

describe('the report output and summary', () => {
  const many = Array.from({ length: 600 }, (_, i) =>
    read(`${i}.json`, result({ drill: { name: `drill-${i}-${'x'.repeat(190)}` } })),
  )
  const rows = fleetRows(many, null)

  it('keeps the report output under its limit and counts what it left out', () => {
    const report = JSON.parse(reportForOutput(tally(rows), rows, 0, 50_000)) as {
      drills: unknown[]
      drills_omitted: number
    }
    expect(report.drills.length).toBeGreaterThan(0)
    expect(report.drills.length + report.drills_omitted).toBe(600)
  })

  it('shows at most 256 drill rows and says how many more there are', () => {
    const markdown = renderFleetSummary(tally(rows), rows, { fails: false, skippedFiles: 0 })
    expect(markdown.split('\n').filter((line) => line.startsWith('| drill-'))).toHaveLength(256)
    expect(markdown).toContain('344 more drills are not shown here')
  })

  it('escapes text from a result file and links the run', () => {
    const one = fleetRows([read('a.json', result({ drill: { name: '<img src=x> | *x*' } }))], null)
    const markdown = renderFleetSummary(tally(one), one, { fails: false, skippedFiles: 0 })
    expect(markdown).toContain('&lt;img src=x&gt; &#124; &#42;x&#42;')
    expect(markdown).toContain(
      '[run](https://github.com/acme/backups/actions/runs/4242/attempts/1)',
    )
    expect(markdown).toContain('1h / 1d ✅')
  })
})

describe('the report inputs', () => {
  const inputs =
    (values: Record<string, string>) =>
    (name: string): string =>
      values[name] ?? ''

  it('takes the jobs matrix or an array of ids as expected', () => {
    const matrix = JSON.stringify({ include: [{ job_id: JOB_A, job_name: 'prod-db' }] })
    expect(parseReportSettings(inputs({ results: 'r/*.json', expected: matrix })).expected).toEqual(
      [{ jobId: JOB_A, jobName: 'prod-db' }],
    )
    expect(
      parseReportSettings(inputs({ results: 'r/*.json', expected: JSON.stringify([JOB_B]) }))
        .expected,
    ).toEqual([{ jobId: JOB_B, jobName: null }])
  })

  it('reports every bad input together, each by name', () => {
    expect(() =>
      parseReportSettings(inputs({ results: '../x/*.json', expected: '{', fail_on: 'sometimes' })),
    ).toThrow(
      /results must be a pattern inside the workspace.*expected is not JSON.*fail_on must be failed or never/,
    )
  })

  it("reads history_branch, history_size and github_token by the drill history's rules", () => {
    const history = { results: 'r/*.json', history_branch: 'restore-drills', github_token: 't' }
    expect(parseReportSettings(inputs(history)).history).toEqual({
      branch: 'restore-drills',
      size: 500,
      githubToken: 't',
    })
    expect(parseReportSettings(inputs({ results: 'r/*.json' })).history).toBeNull()
    expect(() =>
      parseReportSettings(
        inputs({ results: 'r/*.json', history_branch: 'a..b', history_size: '0', fail_on: 'x' }),
      ),
    ).toThrow(/fail_on must be failed or never.*history_size.*history_branch.*github_token/)
  })
})

describe('a result file inside the workspace', () => {
  it.each([
    [posix, '/ws', '/ws/results/a.json', true],
    [posix, '/ws', '/ws', true],
    [posix, '/ws', '/ws-other/a.json', false],
    [posix, '/ws', '/etc/passwd', false],
    [win32, 'C:\\ws', 'C:\\ws\\results\\a.json', true],
    [win32, 'C:\\ws', 'C:\\other\\a.json', false],
    // Another drive: `relative` answers an absolute path, never one starting with `..`.
    [win32, 'C:\\ws', 'D:\\ws\\a.json', false],
    [win32, 'C:\\ws', '\\\\server\\share\\a.json', false],
  ])('case %#: a path of its own flavour, in or out', (path, root, target, inside) => {
    expect(isInside(root, target, path)).toBe(inside)
  })
})

describe('finding the result files', () => {
  const glob = parseGlob('results/**/*.json') as { glob: Glob }

  it('walks from the literal folder and stops on a cancel instead of reading on', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fleet-files-'))
    mkdirSync(join(dir, 'results/x'), { recursive: true })
    writeFileSync(join(dir, 'results/a.json'), JSON.stringify(result()))
    writeFileSync(join(dir, 'results/x/b.json'), '{')
    writeFileSync(join(dir, 'other.json'), '{')
    try {
      const found = await findResults(dir, 'results/**/*.json', glob.glob, SERVER)
      expect(found.reads.map((read) => ('leg' in read ? read.leg.file : read.file))).toEqual([
        'results/a.json',
        'results/x/b.json',
      ])
      const cancelled = new AbortController()
      cancelled.abort()
      await expect(
        findResults(dir, 'results/**/*.json', glob.glob, SERVER, cancelled.signal),
      ).rejects.toThrow()
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('refuses a link to a named pipe without waiting for a writer', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fleet-fifo-'))
    mkdirSync(join(dir, 'results'))
    execFileSync('mkfifo', [join(dir, 'pipe')])
    symlinkSync(join(dir, 'pipe'), join(dir, 'results/a.json'))
    let timer: NodeJS.Timeout | undefined
    try {
      const found = findResults(dir, 'results/**/*.json', glob.glob, SERVER)
      const late = new Promise<'hung'>((resolve) => (timer = setTimeout(resolve, 2000, 'hung')))
      const first = await Promise.race([found, late])
      if (first === 'hung') {
        // Let the blocked open go, so that no thread is left waiting on the pipe.
        closeSync(openSync(join(dir, 'pipe'), 'w'))
        await found
      }
      expect(first).toEqual({
        reads: [{ file: 'results/a.json', problem: 'is not a regular file' }],
        skipped: 0,
      })
    } finally {
      clearTimeout(timer)
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
