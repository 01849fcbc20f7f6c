// Properties of the response parsers: any JSON at all gives a typed value or one malformed
// ApiError, and no secret of the answer (encryption_key, a file's signed url) comes out.
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { SEED } from '../simulator/index.js'
import { ApiError } from '../src/snapshooter/errors.js'
import {
  parseBackup,
  parseBackupPage,
  parseDownloadLinks,
  parseRestore,
} from '../src/snapshooter/parse.js'
import { DEMO_TOKEN } from './helpers/drill.js'
import { leaks, visible } from './helpers/leaks.js'
import { runInProcess, useLab } from './helpers/in-process.js'

const REQUEST = 'GET something'
// Markers no parser could produce by chance: seeing one in the output means it was let through.
const KEY = 'S3CR3T-KEY'
const SIGNATURE = 'S3CR3T-SIG'

const secretKey = fc.oneof(
  fc.string({ minLength: 1 }).map((tail) => `${KEY}${tail}`),
  fc.array(fc.constant(KEY), { minLength: 1 }),
  fc.record({ pem: fc.constant(KEY) }),
)
const signedUrl = fc.oneof(
  fc.webUrl().map((url) => `${url}?X-Amz-Signature=${SIGNATURE}`),
  fc.constant(`http://127.0.0.1/storage/a/b/c?X-Amz-Signature=${SIGNATURE}`),
  fc.record({ href: fc.constant(`https://s3.example/x?X-Amz-Signature=${SIGNATURE}`) }),
)

// Each field right, or any JSON at all, or missing: shapes near enough to pass now and then.
const either = <T>(good: fc.Arbitrary<T>): fc.Arbitrary<unknown> =>
  fc.oneof({ weight: 19, arbitrary: good }, { weight: 1, arbitrary: fc.jsonValue() })
// Times as SnapShooter writes them: four-digit years (toISOString gives `+275760-…` past 9999).
const time = fc
  .date({
    min: new Date('1970-01-01T00:00:00Z'),
    max: new Date('9999-12-31T23:59:59Z'),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString())
const optionalTime = fc.oneof(time, fc.constant(null))

const file = fc.record(
  {
    id: either(fc.uuid()),
    name: either(fc.string({ minLength: 1 })),
    size: either(
      fc.oneof(
        fc.nat().map((n) => `${n} bytes`),
        fc.nat(),
        fc.constant('1.2 MB'),
      ),
    ),
    url: signedUrl,
  },
  { requiredKeys: ['url'] },
)
const files = either(fc.array(file, { maxLength: 4 }))

const backup = fc.record(
  {
    id: either(fc.uuid()),
    job_id: either(fc.uuid()),
    status: either(fc.constantFrom('completed', 'failed', 'in_progress')),
    created_at: either(optionalTime),
    started_at: either(optionalTime),
    completed_at: either(optionalTime),
    encryption_key: secretKey,
    files,
    tags: fc.jsonValue(),
  },
  { requiredKeys: ['encryption_key'] },
)

const compute = fc.oneof(
  fc.constant(null),
  fc.record({
    type: either(fc.constantFrom('server', 'ss_agent')),
    server: either(fc.record({ id: either(fc.nat()), name: either(fc.string()) })),
  }),
)
const restore = fc.record(
  {
    id: either(fc.uuid()),
    job_id: either(fc.uuid()),
    backup_id: either(fc.uuid()),
    status: either(fc.constantFrom('pending', 'running', 'completed', 'failed')),
    created_at: either(optionalTime),
    started_at: either(optionalTime),
    completed_at: either(optionalTime),
    compute: either(compute),
    files,
    encryption_key: secretKey,
  },
  { requiredKeys: ['files'] },
)

const page = fc.record({
  data: either(fc.array(backup, { maxLength: 3 })),
  links: either(fc.record({ next: either(fc.oneof(fc.constant(null), fc.webUrl())) })),
  meta: either(fc.record({ current_page: either(fc.nat(5)), last_page: either(fc.nat(5)) })),
})

const enveloped = <T>(data: fc.Arbitrary<T>): fc.Arbitrary<unknown> =>
  fc.oneof({ weight: 4, arbitrary: data.map((d) => ({ data: d })) }, fc.jsonValue())

const PARSERS = {
  parseBackup: [(json: unknown) => parseBackup(json, REQUEST), enveloped(backup)],
  parseBackupPage: [(json: unknown) => parseBackupPage(json, REQUEST, 1), page],
  parseRestore: [(json: unknown) => parseRestore(json, REQUEST), enveloped(restore)],
} as const

/** The parser's answer, or its error, as text; anything but a malformed ApiError fails. */
function outcome(parse: (json: unknown) => unknown, json: unknown): string {
  try {
    return JSON.stringify(parse(json))
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError)
    expect((error as ApiError).kind).toBe('malformed')
    expect((error as ApiError).message).not.toMatch(/[\r\n]/)
    return (error as ApiError).message
  }
}

describe.each(Object.entries(PARSERS))('%s', (_, [parse, shaped]) => {
  it('answers any JSON with a value or one malformed ApiError', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (json) => void outcome(parse, json)),
      { numRuns: 1000 },
    )
  })

  it('never lets an encryption_key or a signed url through, in the value or the error', () => {
    let parsed = 0
    fc.assert(
      fc.property(shaped, (json) => {
        const text = outcome(parse, json)
        if (!text.startsWith(REQUEST)) parsed++
        expect(text).not.toContain(KEY)
        expect(text).not.toContain(SIGNATURE)
        expect(text).not.toMatch(/encryption_key|X-Amz-/i)
      }),
      { numRuns: 1500 },
    )
    // The property means little unless good shapes got through the parser too.
    expect(parsed).toBeGreaterThan(100)
  })
})

describe('parseDownloadLinks', () => {
  it('answers any JSON with http(s) links by name, or one malformed ApiError', () => {
    const links = enveloped(fc.dictionary(fc.string(), either(fc.webUrl())))
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), links), (json) => {
        let answer: Record<string, string>
        try {
          answer = parseDownloadLinks(json, REQUEST)
        } catch (error) {
          expect((error as ApiError).kind).toBe('malformed')
          // The links are credentials: an error about them never quotes one.
          expect((error as ApiError).message).not.toMatch(/https?:\/\//)
          return
        }
        for (const url of Object.values(answer)) expect(url).toMatch(/^https?:\/\//i)
      }),
      { numRuns: 1500 },
    )
  })
})

describe('a run answered with any JSON', () => {
  const lab = useLab()

  it('ends in an outcome with at most one error line, and leaks nothing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(enveloped(backup), fc.jsonValue()), async (json) => {
        const { sim } = lab
        sim.clearFaults()
        sim.inject({ route: 'getBackup', kind: 'status', status: 200, body: JSON.stringify(json) })
        const run = await runInProcess(lab.time, {
          api_token: DEMO_TOKEN,
          api_url: sim.url,
          backup_id: SEED.backups.latest,
          dry_run: 'true',
        })
        expect(['failed', 'dry_run']).toContain(run.outputs.outcome)
        expect(run.errors).toHaveLength(run.exitCode === 0 ? 0 : 1)
        expect(run.errors.join('')).not.toMatch(/[\r\n]/)
        expect(leaks(run)).toEqual([])
        expect(visible(run)).not.toContain(KEY)
        expect(visible(run)).not.toContain(SIGNATURE)
      }),
      { numRuns: 40 },
    )
    expect(lab.sim.count('createRestore')).toBe(0)
  })
})
