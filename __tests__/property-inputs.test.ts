// Properties of input parsing: whatever a workflow passes, the parser answers with Settings or
// one InputError, and a run with a bad input sends nothing.
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { DEMO_TOKEN, SEED } from '../simulator/index.js'
import { Input, type InputName } from '../src/inputs/names.js'
import { formatDuration, parseDuration } from '../src/duration.js'
import { InputError, parseSettings } from '../src/inputs/parse.js'
import { actionDefaults } from './helpers/action-yml.js'
import { leaks } from './helpers/leaks.js'
import { runInProcess, useLab } from './helpers/in-process.js'

const NAMES = Object.values(Input)
const unit = fc.constantFrom('', 'ms', 's', 'm', 'h', 'd')

// Plausible values, so that the properties also reach the success path and the checks
// between inputs, not only the first refusal.
const durationText = fc.oneof(
  fc.integer({ min: 0, max: 8 * 3_600_000 }).map(formatDuration),
  fc.integer({ min: 0, max: 30_000 }).map(String),
)
const plausible: Record<InputName, fc.Arbitrary<string>> = {
  api_token: fc.oneof(fc.constant(DEMO_TOKEN), fc.string({ minLength: 1 })),
  backup_id: fc.oneof(fc.constant('latest'), fc.constant(SEED.backups.latest), fc.uuid()),
  job_id: fc.oneof(fc.constant(''), fc.constant(SEED.jobs.main), fc.uuid()),
  files: fc.oneof(fc.constant(''), fc.constant('*.sql.gz'), fc.array(fc.uuid()).map(String)),
  compute_type: fc.constantFrom('', 'server', 'ss_agent', 'vm'),
  server_id: fc.oneof(fc.constant(''), fc.integer({ min: -5, max: 10_000 }).map(String)),
  wait: fc.constantFrom('true', 'false', 'True', 'FALSE', 'yes', ''),
  timeout: durationText,
  poll_interval: durationText,
  on_timeout: fc.constantFrom('fail', 'warn', 'ignore'),
  max_backup_age: fc.oneof(fc.constant(''), durationText),
  max_restore_duration: fc.oneof(fc.constant(''), durationText),
  dry_run: fc.constantFrom('true', 'false', 'maybe'),
  result_file: fc.constantFrom('', 'result.json'),
  api_url: fc.constantFrom('https://api.snapshooter.com', 'http://127.0.0.1:9', 'ftp://x', ''),
  issue_on_failure: fc.constantFrom('true', 'false', 'on'),
  github_token: fc.constantFrom('', 'ghs_token'),
  issue_label: fc.constantFrom('', 'restore-drill'),
  mode: fc.constantFrom('restore', 'download', 'copy', ''),
  download_to: fc.constantFrom('', 'restored', '/tmp/restored'),
  backup_tag: fc.constantFrom('', 'monthly', 'daily', 'yearly'),
  backup_window: fc.oneof(fc.constant(''), fc.constant('30d'), durationText),
  completed_before: fc.constantFrom('', '2026-11-20T04:00:00Z', '2026-11-20T04:00:00'),
  restore_id: fc.oneof(fc.constant(''), fc.constant(''), fc.uuid()),
  history_branch: fc.constantFrom('', '', 'drill-history', 'bad..name'),
  history_size: fc.constantFrom('', '500', '0', '10001', '1e3'),
  drill_name: fc.constantFrom('', 'prod-db', 'line\nbreak ::warning::x'),
  verify: fc.constantFrom('', 'content', 'integrity', 'deep'),
}

/** Every input either a plausible value, any text at all, or left out (action.yml default). */
const inputs = fc.record(
  Object.fromEntries(
    NAMES.map((name) => [
      name,
      fc.oneof(
        plausible[name],
        fc.string({ unit: 'binary', maxLength: 80 }),
        fc.constant(actionDefaults()[name] ?? ''),
      ),
    ]),
  ) as Record<InputName, fc.Arbitrary<string>>,
)

function outcomeOf(given: Record<string, string>): 'valid' | 'invalid' {
  try {
    parseSettings((name) => given[name] ?? '')
    return 'valid'
  } catch (error) {
    if (error instanceof InputError) return 'invalid'
    throw error
  }
}

describe('parseSettings, for any inputs at all', () => {
  it('returns frozen Settings or throws InputError, never anything else', () => {
    fc.assert(
      fc.property(inputs, (given) => {
        try {
          const settings = parseSettings((name) => given[name])
          expect(Object.isFrozen(settings)).toBe(true)
          expect(settings.timeoutMs).toBeLessThanOrEqual(6 * 3_600_000)
        } catch (error) {
          expect(error).toBeInstanceOf(InputError)
          const { problems, message } = error as InputError
          expect(problems.length).toBeGreaterThan(0)
          // One line: the annotation shows the whole reason at once.
          expect(message).not.toMatch(/[\r\n]/)
          for (const problem of problems) expect(problem).toMatch(/^`[a-z_]+` /)
        }
      }),
      { numRuns: 2000 },
    )
  })

  it('never throws on raw text in any single input', () => {
    fc.assert(
      fc.property(fc.constantFrom(...NAMES), fc.string({ unit: 'binary' }), (name, text) => {
        const given = { ...actionDefaults(), api_token: 't', backup_id: 'latest', [name]: text }
        expect(['valid', 'invalid']).toContain(outcomeOf(given))
      }),
      { numRuns: 2000 },
    )
  })
})

describe('parseDuration', () => {
  it('reads back what formatDuration writes, to the second', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400 * 86_400_000 }), (ms) => {
        const expected = ms < 1000 ? ms : Math.round(ms / 1000) * 1000
        expect(parseDuration(formatDuration(ms))).toBe(expected)
      }),
      { numRuns: 5000 },
    )
  })

  it('adds up units written largest first, in any case and spacing around', () => {
    const part = fc.option(fc.integer({ min: 0, max: 10_000 }), { nil: undefined })
    fc.assert(
      fc.property(part, part, part, part, part, fc.boolean(), (d, h, m, s, ms, upper) => {
        const parts = [
          [d, 'd', 86_400_000],
          [h, 'h', 3_600_000],
          [m, 'm', 60_000],
          [s, 's', 1000],
          [ms, 'ms', 1],
        ] as const
        const present = parts.filter(([amount]) => amount !== undefined)
        fc.pre(present.length > 0)
        const text = present.map(([amount, unit]) => `${amount}${unit}`).join('')
        const total = present.reduce((sum, [amount, , size]) => sum + (amount ?? 0) * size, 0)
        expect(parseDuration(` ${upper ? text.toUpperCase() : text} `)).toBe(total)
      }),
      { numRuns: 3000 },
    )
  })

  it('answers null or a finite whole number of milliseconds for any text', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary' }),
          // Long runs of digits: a number can be too large to be finite.
          fc
            .tuple(
              fc.string({ unit: fc.constantFrom(...'0123456789'), maxLength: 400, size: 'max' }),
              unit,
            )
            .map(([digits, suffix]) => digits + suffix),
        ),
        (text) => {
          const ms = parseDuration(text)
          if (ms !== null) {
            expect(Number.isFinite(ms) && Number.isInteger(ms)).toBe(true)
            expect(ms).toBeGreaterThanOrEqual(0)
          }
        },
      ),
      { numRuns: 5000 },
    )
  })
})

describe('a run with a bad input, whatever it is', () => {
  const lab = useLab()

  it('fails in one line and sends no request', async () => {
    await fc.assert(
      fc.asyncProperty(inputs, async (given) => {
        // Alerting would talk to GitHub, which has no simulator here; it has tests of its own.
        const withSim = {
          ...given,
          issue_on_failure: 'false',
          api_url: given.api_url === '' ? '' : lab.sim.url,
        }
        fc.pre(outcomeOf(withSim) === 'invalid')
        const run = await runInProcess(lab.time, withSim)
        expect(lab.sim.requests).toHaveLength(0)
        expect(run.exitCode).toBe(1)
        expect(run.outputs.outcome).toBe('failed')
        expect(run.errors).toEqual([expect.stringMatching(/^Invalid inputs: `/)])
        if (withSim.api_token === DEMO_TOKEN) expect(leaks(run)).toEqual([])
      }),
      { numRuns: 60 },
    )
  })
})
