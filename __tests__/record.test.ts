// The run record, the one writer of the evidence: each event of a command lands in it (the early
// ones announced at once), and each way a command ends becomes an outcome and one error line.
import { afterAll, afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Check } from '../src/drill/checks.js'
import { BY_ID } from '../src/drill/select.js'
import { Failure } from '../src/failure.js'
import type { RestoreSettings } from '../src/inputs/settings.js'
import type { Evidence } from '../src/report/evidence.js'
import { Publisher } from '../src/report/publish.js'
import { RunRecord } from '../src/report/record.js'
import { RESTORE_ID, backup, file, restore } from './fixtures/values.js'

/** A record whose announcements are counted, each with the evidence as it stood. */
function recorded(): { record: RunRecord; announced: Evidence[] } {
  const announced: Evidence[] = []
  const record = new RunRecord({
    announce: (evidence) => announced.push(structuredClone(evidence)),
  })
  return { record, announced }
}

const RESTORE_SETTINGS = {
  command: 'restore',
  timeoutMs: 1_800_000,
  onTimeout: 'fail',
  maxRestoreDurationMs: 60_000,
} as RestoreSettings
const rpo: Check = { name: 'max_backup_age', limitSeconds: 86_400, actualSeconds: 60, passed: true }

describe('the events of a restore', () => {
  it('land in the evidence, the early ones announced at once', () => {
    const { record, announced } = recorded()
    const found = backup()
    record.backupResolved(found, BY_ID)
    expect(announced.at(-1)?.backup).toEqual(found)
    record.checked({ files: found.files, request: {}, backupAgeMs: 60_000, checks: [rpo] })
    expect(announced.at(-1)).toMatchObject({ files: found.files, backupAgeMs: 60_000 })
    record.restoreRequested()
    expect(record.evidence.requestInFlight).toBe(true)
    record.restoreCreated(restore())
    expect(record.evidence).toMatchObject({ requestInFlight: false, restore: { id: RESTORE_ID } })
    expect(announced.at(-1)?.restore?.id).toBe(RESTORE_ID)
    expect(announced).toHaveLength(3)
  })

  it('says a refused POST started nothing, and one unanswered may have', () => {
    const { record } = recorded()
    record.restoreRequested()
    record.restoreRequestFailed({ mayHaveStarted: false })
    expect(record.evidence.requestInFlight).toBe(false)
    record.restoreRequested()
    record.restoreRequestFailed({ mayHaveStarted: true })
    expect(record.evidence.requestInFlight).toBe(true)
  })

  it('lets an announcement that cannot be written stop the command', () => {
    const record = new RunRecord({
      announce: () => {
        throw new Failure('The step outputs could not be written.')
      },
    })
    expect(() => record.backupResolved(backup(), BY_ID)).toThrow('could not be written')
    expect(record.evidence.backup).not.toBeNull()
  })
})

describe('the events of a download', () => {
  it('record the folder, the start, each verified file and the end', () => {
    const { record, announced } = recorded()
    record.downloadPlanned('/tmp/d')
    expect(announced.at(-1)?.download?.dir).toBe('/tmp/d')
    record.downloadStarted(Date.UTC(2026, 0, 1))
    const one = { name: 'db.sql.gz', path: '/tmp/d/db.sql.gz', bytes: 744, sha256: 'ab' }
    record.filesVerified([one])
    record.downloadEnded({ status: 'downloaded', durationMs: 2_340 })
    expect(record.evidence.download).toEqual({
      dir: '/tmp/d',
      status: 'downloaded',
      startedAt: '2026-01-01T00:00:00.000Z',
      durationMs: 2_340,
      files: [one],
    })
    expect(announced).toHaveLength(1)
  })
})

describe('how a command ended', () => {
  it.each([
    [{ command: 'restore', end: { kind: 'dry_run' } }, 'dry_run'],
    [{ command: 'restore', end: { kind: 'not_waited' } }, 'not_waited'],
    [{ command: 'download', end: { kind: 'dry_run' } }, 'dry_run'],
    [{ command: 'download', end: { kind: 'downloaded' } }, 'succeeded'],
  ] as const)('%j is the outcome %s', (ended, outcome) => {
    const { record } = recorded()
    record.ended({ ...ended, settings: RESTORE_SETTINGS } as Parameters<RunRecord['ended']>[0])
    expect(record.evidence).toMatchObject({ outcome, error: null })
  })

  it('concludes a wait with its RTO check', () => {
    const { record } = recorded()
    record.checked({ files: [file('a.sql')], request: {}, backupAgeMs: 60_000, checks: [rpo] })
    const done = restore({ status: 'completed' })
    const wait = { kind: 'succeeded', restore: done, elapsedMs: 95_000, checks: 4 } as const
    record.ended({ command: 'restore', settings: RESTORE_SETTINGS, end: { kind: 'waited', wait } })
    expect(record.evidence.outcome).toBe('failed')
    expect(record.evidence.checks.map((check) => check.name)).toEqual([
      'max_backup_age',
      'max_restore_duration',
    ])
    expect(record.evidence.error).toContain('longer than `max_restore_duration` (1m)')
  })

  it('gives an error from below one line, and the outcome a failure names', () => {
    const { record } = recorded()
    record.failed(new TypeError('first\nsecond'), { cancelled: false })
    expect(record.evidence).toMatchObject({ outcome: 'failed', error: 'first second' })
    const late = recorded().record
    late.failed(new Failure('late', { outcome: 'timed_out' }), { cancelled: false })
    expect(late.evidence.outcome).toBe('timed_out')
  })
})

describe('publishing the record', () => {
  const dir = mkdtempSync(join(tmpdir(), 'snapshooter-record-'))
  const saved = { ...process.env }
  beforeEach(() => {
    jest.spyOn(process.stdout, 'write').mockImplementation(() => true)
    process.env.GITHUB_OUTPUT = join(dir, 'gone', 'output')
    delete process.env.GITHUB_STEP_SUMMARY
  })
  afterEach(() => {
    jest.restoreAllMocks()
    process.env = { ...saved }
    process.exitCode = undefined
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('leaves the record as it was when outputs that cannot be written fail the run', async () => {
    const { record } = recorded()
    record.ended({ command: 'restore', settings: RESTORE_SETTINGS, end: { kind: 'not_waited' } })
    await new Publisher(process.env).finish(record.evidence)
    expect(process.exitCode).toBe(1)
    expect(record.evidence).toMatchObject({ outcome: 'not_waited', error: null })
  })
})
