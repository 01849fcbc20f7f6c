// Properties of API text: whatever SnapShooter sends (line breaks, `::`, `##[`, control
// characters, secrets, a megabyte of it), what comes out is one safe line within its limit, and
// a whole run lets no command through to the runner.
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { SEED } from '../simulator/index.js'
import { MAX_RESULT_OUTPUT_BYTES } from '../src/report/result.js'
import { TEXT_LIMITS } from '../src/snapshooter/api.js'
import { parseErrorBody } from '../src/snapshooter/body.js'
import { ApiError } from '../src/snapshooter/errors.js'
import { parseBackup, parseRestore } from '../src/snapshooter/parse.js'
import { Secrets, cleanName, cleanText } from '../src/snapshooter/text.js'
import { foreignCommands, strings } from './helpers/commands.js'
import { DEMO_TOKEN } from './helpers/drill.js'
import { drillInputs } from './fixtures/inputs.js'
import { runInProcess, useLab } from './helpers/in-process.js'
import { leaks } from './helpers/leaks.js'

const KEY = 'LS0tLS1CRUdJTiBQUk9QRVJUWSBURVNUIEtFWS0tLS0tCg=='
// Anything that may reach a log line and change what the runner does with it.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]|::|##\[/

const piece = fc.oneof(
  fc.constantFrom(
    '\n',
    '\r\n',
    '\r',
    '\u2028',
    '\u0085',
    '\u0000',
    '\u001b[31m',
    '\u202e',
    '::',
    ':',
    '##[',
    '#',
    '::error::',
    '::add-mask::',
    '::stop-commands::',
    '##[error]',
    ' ',
    '\t',
    '😀',
    DEMO_TOKEN,
    KEY,
    'https://s3.example/x?X-Amz-Signature=abc',
  ),
  fc.string({ maxLength: 6 }),
)
/** Hostile text: pieces in any order, now and then repeated to a megabyte. */
const hostile = fc
  .tuple(fc.array(piece, { minLength: 1, maxLength: 24 }), fc.nat({ max: 1_000_000 }), fc.nat(9))
  .map(([pieces, size, dice]) => {
    const text = pieces.join('') || '::'
    return dice === 0 ? text.repeat(Math.max(1, Math.floor(size / text.length))) : text
  })

function secrets(): Secrets {
  const known = new Secrets()
  known.add(DEMO_TOKEN, { mask: false })
  known.add(KEY)
  return known
}

function expectSafe(text: string, max: number): void {
  expect(text).not.toMatch(UNSAFE)
  expect(text.length).toBeLessThanOrEqual(max)
  expect(text).not.toContain(DEMO_TOKEN)
  expect(text).not.toContain(KEY)
  expect(text).not.toMatch(/X-Amz-Signature/i)
}

describe('one piece of API text', () => {
  it('comes out of cleanText and cleanName safe, without secrets, within its limit', () => {
    fc.assert(
      fc.property(hostile, fc.integer({ min: 1, max: 2000 }), (text, max) => {
        expectSafe(cleanText(text, max, secrets()), max)
        expectSafe(cleanName(text, max, secrets()), max)
      }),
      { numRuns: 300 },
    )
  })

  it('comes out of an error answer safe, its message and every field error', () => {
    fc.assert(
      fc.property(hostile, hostile, hostile, (message, field, error) => {
        const body = JSON.stringify({ message, errors: { [field]: [error, message] } })
        const parsed = parseErrorBody(body, secrets())
        if (parsed.apiMessage !== undefined) expectSafe(parsed.apiMessage, TEXT_LIMITS.message)
        for (const [name, list] of Object.entries(parsed.fieldErrors ?? {})) {
          expectSafe(name, TEXT_LIMITS.field)
          for (const each of list) expectSafe(each, TEXT_LIMITS.message)
        }
      }),
      { numRuns: 200 },
    )
  })
})

describe('an answer full of hostile text', () => {
  const file = (name: string, size: string) => ({
    id: SEED.files.latestDb,
    name,
    size,
    url: 'https://s3.example/x?X-Amz-Signature=abc',
  })

  it('parses to values whose every string is safe and within its limit, or is refused', () => {
    fc.assert(
      fc.property(hostile, hostile, hostile, hostile, (status, name, size, type) => {
        const known = secrets()
        const values: unknown[] = []
        const attempt = (parse: () => unknown): void => {
          try {
            values.push(parse())
          } catch (error) {
            expect(error).toBeInstanceOf(ApiError)
            expectSafe((error as ApiError).message, 2000)
          }
        }
        const backup = {
          id: SEED.backups.latest,
          job_id: SEED.jobs.main,
          status,
          encryption_key: KEY,
          files: [file(name, size)],
        }
        attempt(() => parseBackup({ data: backup }, 'GET backup', { secrets: known }))
        const restore = {
          id: SEED.unknownId,
          status,
          compute: { type, server: { id: 3, name } },
          files: [file(name, size)],
        }
        attempt(() => parseRestore({ data: restore }, 'GET restore', { secrets: known }))
        for (const text of strings(values)) expectSafe(text, TEXT_LIMITS.name)
      }),
      { numRuns: 200 },
    )
  })
})

describe('a run whose restore status is hostile text', () => {
  const lab = useLab({ restoreDurationMs: 3_000, pendingMs: 0 })

  it('lets no workflow command through, and keeps its evidence small', async () => {
    await fc.assert(
      fc.asyncProperty(hostile, async (status) => {
        lab.sim.clearFaults()
        lab.sim.inject({ route: 'getRestore', kind: 'rewrite', patch: { status }, times: 2 })
        const run = await runInProcess(lab.time, drillInputs(lab.sim))
        // The hostile word was seen and logged: the property is about something.
        expect(run.log).toMatch(/\] status .* → completed/)
        expect(run.outputs.status).toBe('completed')
        expect(foreignCommands(run.log)).toEqual([])
        expect(run.errors.length).toBeLessThanOrEqual(1)
        expect(Buffer.byteLength(run.summary)).toBeLessThan(100_000)
        expect(Buffer.byteLength(run.outputs.result ?? '')).toBeLessThan(MAX_RESULT_OUTPUT_BYTES)
        expect(leaks(run)).toEqual([])
      }),
      { numRuns: 25 },
    )
  })
})
