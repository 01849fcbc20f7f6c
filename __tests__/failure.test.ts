// The one error base: every failure the project throws carries its outcome and its one-line
// message, and the verdict reads them from the error, whatever its class.
import { describe, expect, it } from '@jest/globals'
import { DownloadTimedOut } from '../src/download/backup.js'
import { DeadlineReached, DownloadFailed } from '../src/download/file.js'
import { DownloadRefused } from '../src/download/targets.js'
import { DrillRefusal } from '../src/drill/refusal.js'
import { Failure, errorMessage, oneLine } from '../src/failure.js'
import { InputError } from '../src/inputs/parse.js'
import { newEvidence } from '../src/report/evidence.js'
import { concludeFailure } from '../src/report/record.js'
import { FailedAtStart } from '../src/restore/start.js'
import { StatusEndpointMissing, TooManyFailedChecks } from '../src/restore/wait.js'
import { ApiError } from '../src/snapshooter/errors.js'
import { RESTORE_ID, restore } from './fixtures/values.js'

const apiError = new ApiError({ kind: 'server', status: 503, request: 'GET restore x' })

describe('Failure', () => {
  it.each<[string, Failure['outcome'], Failure]>([
    ['InputError', 'failed', new InputError(['`wait` must be `true` or `false`'])],
    ['ApiError', 'failed', apiError],
    ['DrillRefusal', 'failed', new DrillRefusal('Backup b is failed, not completed.')],
    ['FailedAtStart', 'failed', new FailedAtStart(restore({ status: 'failed' }))],
    ['StatusEndpointMissing', 'failed', new StatusEndpointMissing(RESTORE_ID, apiError)],
    ['TooManyFailedChecks', 'failed', new TooManyFailedChecks(RESTORE_ID, 10, apiError)],
    ['DownloadRefused', 'failed', new DownloadRefused('No link for run.sh.')],
    ['DownloadFailed', 'failed', new DownloadFailed('Download of run.sh failed.')],
    ['DeadlineReached', 'timed_out', new DeadlineReached('run.sh')],
    ['DownloadTimedOut', 'timed_out', new DownloadTimedOut('Backup b was not fully downloaded.')],
  ])('%s is a Failure that ends the run %s', (name, outcome, error) => {
    expect(error).toBeInstanceOf(Failure)
    expect(error.outcome).toBe(outcome)
    expect(error.name).toBe(name)
    expect(error.message).not.toMatch(/[\r\n]/)
  })

  it('keeps its message on one line, whatever the text it was given', () => {
    const error = new Failure('File a\r\nb.sql could not be written:\n  the disk is full.')
    expect(error.message).toBe('File a b.sql could not be written: the disk is full.')
    expect(oneLine('no break')).toBe('no break')
  })

  it('fails unless it says otherwise, and keeps its cause', () => {
    const cause = new Error('below')
    const error = new Failure('x', { cause })
    expect(error.outcome).toBe('failed')
    expect(error.cause).toBe(cause)
  })

  it('reads any thrown value as a line of text', () => {
    expect(errorMessage(new Failure('one line'))).toBe('one line')
    expect(errorMessage('plain')).toBe('plain')
    expect(errorMessage(undefined)).toBe('unknown error (undefined)')
  })
})

describe('the verdict on a run that stopped on an error', () => {
  it('takes the outcome the failure names, whatever its class', () => {
    const evidence = newEvidence()
    concludeFailure(evidence, new DeadlineReached('db.sql.gz'), { cancelled: false })
    expect(evidence).toMatchObject({
      outcome: 'timed_out',
      error: 'the time limit ran out while downloading db.sql.gz',
    })
    const other = newEvidence()
    concludeFailure(other, new Failure('Too slow.', { outcome: 'timed_out' }), { cancelled: false })
    expect(other.outcome).toBe('timed_out')
  })

  it('fails on anything else thrown, and says cancelled once the signal came', () => {
    const evidence = newEvidence()
    concludeFailure(evidence, new TypeError('boom'), { cancelled: false })
    expect(evidence).toMatchObject({ outcome: 'failed', error: 'boom' })
    const cancelled = newEvidence()
    concludeFailure(cancelled, new DownloadTimedOut('late'), { cancelled: true })
    expect(cancelled.outcome).toBe('cancelled')
  })
})
