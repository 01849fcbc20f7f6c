import { describe, expect, it } from '@jest/globals'
import { errorMessage } from '../src/failure.js'
import {
  ApiError,
  cleanText,
  describeApiError,
  formatMs,
  type ApiErrorInit,
} from '../src/snapshooter/errors.js'

const BACKUP = '596c5046-1bd8-4664-9a3f-6208526c3b87'
const JOB = '6f7c5f07-bd49-49a5-8416-27b8de037ddc'
const RESTORE = 'ed6ca4f1-6047-4deb-a69d-8c42ba7e745f'
const GET_BACKUP: Pick<ApiErrorInit, 'request' | 'subject'> = {
  request: `GET backup ${BACKUP}`,
  subject: { noun: 'backup', id: BACKUP, input: 'backup_id' },
}
const POST_RESTORE = { ...GET_BACKUP, request: `POST restore of backup ${BACKUP}` }

const message = (init: ApiErrorInit): string => new ApiError(init).message

describe('the line shown for each failure', () => {
  it('401 says the token was rejected and which secret to check', () => {
    expect(message({ ...GET_BACKUP, kind: 'auth', status: 401 })).toBe(
      `GET backup ${BACKUP} failed: the API token was rejected (HTTP 401): check the secret given as \`api_token\``,
    )
  })

  it("403 says the token may not do this, with SnapShooter's words", () => {
    const line = message({
      ...POST_RESTORE,
      kind: 'forbidden',
      status: 403,
      apiMessage: 'This action is unauthorized.',
    })
    expect(line).toContain('the API token may not do this (HTTP 403)')
    expect(line).toContain('"This action is unauthorized."')
  })

  it('404 names the id that was not found and the input to check', () => {
    expect(message({ ...GET_BACKUP, kind: 'not_found', status: 404 })).toBe(
      `backup ${BACKUP} was not found (HTTP 404): check \`backup_id\``,
    )
    const job = { noun: 'job' as const, id: JOB, input: 'job_id' as const }
    expect(message({ request: 'GET backups', subject: job, kind: 'not_found', status: 404 })).toBe(
      `job ${JOB} was not found (HTTP 404): check \`job_id\``,
    )
    const restore = { noun: 'restore' as const, id: RESTORE }
    expect(message({ request: 'GET restore', subject: restore, kind: 'not_found' })).toBe(
      `restore ${RESTORE} was not found (HTTP 404)`,
    )
    expect(message({ request: 'GET thing', kind: 'not_found', status: 404 })).toBe(
      'GET thing failed: not found (HTTP 404)',
    )
  })

  it("422 gives SnapShooter's message and each field error", () => {
    const line = message({
      ...POST_RESTORE,
      kind: 'validation',
      status: 422,
      apiMessage: 'The given data was invalid.',
      fieldErrors: {
        'files.0': ['The selected files.0 is invalid.'],
        'compute.server_id': ['The compute.server_id must be an integer.'],
      },
    })
    expect(line).toBe(
      `POST restore of backup ${BACKUP} was refused (HTTP 422): "The given data was invalid."` +
        '; files.0: The selected files.0 is invalid.' +
        '; compute.server_id: The compute.server_id must be an integer.',
    )
  })

  it('429 and 5xx after retries give the status, the attempts, and to re-run later', () => {
    expect(message({ ...GET_BACKUP, kind: 'rate_limited', status: 429, attempts: 5 })).toBe(
      `GET backup ${BACKUP} failed after 5 attempts: SnapShooter answered HTTP 429 (too many requests): worth re-running later`,
    )
    expect(message({ ...GET_BACKUP, kind: 'server', status: 503, attempts: 3 })).toBe(
      `GET backup ${BACKUP} failed after 3 attempts: SnapShooter answered HTTP 503: worth re-running later`,
    )
  })

  it('a restore POST that may have reached the server says to check before running again', () => {
    const line = message({ ...POST_RESTORE, kind: 'server', status: 500, mayHaveStarted: true })
    expect(line).toBe(
      `POST restore of backup ${BACKUP} failed: SnapShooter answered HTTP 500: a restore may have started: check SnapShooter before running again`,
    )
    expect(line).not.toContain('re-running later')
    const timeout = { ...POST_RESTORE, kind: 'timeout' as const, timeoutMs: 30_000 }
    expect(message({ ...timeout, mayHaveStarted: true })).toBe(
      `POST restore of backup ${BACKUP} failed: no answer within 30 s: a restore may have started: check SnapShooter before running again`,
    )
  })

  it('network failures name the cause; a refused connection also points at api_url', () => {
    expect(message({ ...GET_BACKUP, kind: 'network', code: 'ECONNRESET', attempts: 5 })).toBe(
      `GET backup ${BACKUP} failed after 5 attempts: connection reset (ECONNRESET): worth re-running later`,
    )
    expect(message({ ...GET_BACKUP, kind: 'network', code: 'ECONNREFUSED' })).toContain(
      'connection refused (ECONNREFUSED): check `api_url`, or worth re-running later',
    )
    expect(message({ ...GET_BACKUP, kind: 'network', code: 'EWEIRD' })).toContain('failed: EWEIRD')
    expect(message({ ...GET_BACKUP, kind: 'network', detail: 'boom' })).toContain('failed: boom')
    expect(message({ ...GET_BACKUP, kind: 'network' })).toContain('failed: network error')
  })

  it('timeouts say how long the request waited; a 408 says what the server said', () => {
    expect(message({ ...GET_BACKUP, kind: 'timeout', timeoutMs: 250 })).toContain(
      'no answer within 250 ms',
    )
    expect(message({ ...GET_BACKUP, kind: 'timeout' })).toContain('failed: no answer: worth')
    expect(message({ ...GET_BACKUP, kind: 'timeout', status: 408 })).toContain(
      'SnapShooter answered HTTP 408',
    )
  })

  it('a redirect is not followed and points at api_url', () => {
    expect(message({ ...GET_BACKUP, kind: 'server', status: 302 })).toBe(
      `GET backup ${BACKUP} failed: SnapShooter answered HTTP 302, a redirect, which is not followed: check \`api_url\``,
    )
  })

  it('a malformed answer names the request and says it was not the expected JSON', () => {
    const line = message({ ...GET_BACKUP, kind: 'malformed', detail: '`data` is missing' })
    expect(line).toBe(
      `GET backup ${BACKUP} failed: the answer was not the expected JSON (\`data\` is missing)`,
    )
    expect(message({ ...GET_BACKUP, kind: 'malformed' })).toContain('(unreadable)')
  })

  it('cancel and deadline say what happened to the request', () => {
    expect(message({ ...GET_BACKUP, kind: 'cancelled' })).toBe(`GET backup ${BACKUP} was cancelled`)
    expect(message({ ...GET_BACKUP, kind: 'deadline', attempts: 0 })).toBe(
      `GET backup ${BACKUP} was not sent: the time limit (\`timeout\`) ran out`,
    )
    expect(message({ ...POST_RESTORE, kind: 'deadline', mayHaveStarted: true })).toBe(
      `POST restore of backup ${BACKUP} got no answer before the time limit (\`timeout\`) ran out: a restore may have started: check SnapShooter before running again`,
    )
  })

  it('ends with the request id when SnapShooter gave one', () => {
    expect(message({ ...GET_BACKUP, kind: 'auth', status: 401, requestId: 'req_12' })).toMatch(
      /`api_token` \(request id req_12\)$/,
    )
  })
})

describe('text from the API', () => {
  it('is single-lined and cut to a sane length', () => {
    const long = `first line\r\nsecond\tline ${'x'.repeat(500)}`
    const line = message({ ...GET_BACKUP, kind: 'server', status: 500, apiMessage: long })
    expect(line).not.toMatch(/[\r\n\t]/)
    expect(line).toContain('"first line second line xxx')
    expect(line.length).toBeLessThan(400)
    expect(cleanText('a\u0000b\u2028c')).toBe('a b c')
    expect(cleanText('x'.repeat(300))).toHaveLength(200)
    expect(cleanText('x'.repeat(300)).endsWith('…')).toBe(true)
    expect(cleanText('short', 3)).toBe('sh…')
  })

  it('never breaks the line, even in field names and request ids', () => {
    const line = describeApiError({
      ...POST_RESTORE,
      kind: 'validation',
      status: 422,
      fieldErrors: { 'a\nb': ['one\ntwo', 'three'] },
      requestId: 'id\nwith newline',
    })
    expect(line).not.toContain('\n')
    expect(line).toContain('; a b: one two three')
  })
})

describe('ApiError', () => {
  it('carries its fields, with defaults for attempts and mayHaveStarted', () => {
    const error = new ApiError({ ...GET_BACKUP, kind: 'server', status: 502 })
    expect(error).toBeInstanceOf(Error)
    expect(error.name).toBe('ApiError')
    expect(error.attempts).toBe(1)
    expect(error.mayHaveStarted).toBe(false)
    expect(error.status).toBe(502)
    expect(error.subject?.id).toBe(BACKUP)
  })

  it('with() changes fields and rebuilds the message', () => {
    const first = new ApiError({ ...GET_BACKUP, kind: 'server', status: 502 })
    const later = first.with({ attempts: 4, requestId: 'req_9' })
    expect(later.attempts).toBe(4)
    expect(later.status).toBe(502)
    expect(later.message).toContain('after 4 attempts')
    expect(later.message).toContain('(request id req_9)')
    expect(first.attempts).toBe(1)
  })
})

describe('formatMs', () => {
  it('shows short times in ms and longer ones in seconds', () => {
    expect(formatMs(100)).toBe('100 ms')
    expect(formatMs(30_000)).toBe('30 s')
    expect(formatMs(1_550)).toBe('1.6 s')
  })
})

describe('errorMessage', () => {
  it('turns anything thrown into text', () => {
    expect(errorMessage(new Error('boom'))).toBe('boom')
    expect(errorMessage(new TypeError(''))).toBe('TypeError')
    expect(errorMessage('plain')).toBe('plain')
    expect(errorMessage({ message: 'shaped' })).toBe('shaped')
    expect(errorMessage({ code: 7 })).toBe('{"code":7}')
    expect(errorMessage(42)).toBe('42')
    expect(errorMessage(undefined)).toBe('unknown error (undefined)')
    expect(errorMessage(null)).toBe('unknown error (null)')
    expect(errorMessage(10n)).toBe('10')
    const cyclic: Record<string, unknown> = {}
    cyclic.self = cyclic
    expect(errorMessage(cyclic)).toBe('[object Object]')
    expect(errorMessage(Symbol('s'))).toBe('Symbol(s)')
  })
})
