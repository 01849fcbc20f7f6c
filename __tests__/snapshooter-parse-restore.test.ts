// Parsing of restores, download links and raw bodies (backups and pages: snapshooter-parse).
import { describe, expect, it } from '@jest/globals'
import { parseErrorBody, parseJsonBody } from '../src/snapshooter/body.js'
import { parseDownloadLinks, parseRestore } from '../src/snapshooter/parse.js'
import { FILE_ID, GET_BACKUP, SIGNED_URL, restoreJson } from './fixtures/api-json.js'
import { malformed } from './helpers/thrown.js'

describe('parseRestore', () => {
  it('reads the restore with its compute and drops the file urls', () => {
    const restore = parseRestore({ data: restoreJson() }, 'POST restore')
    expect(restore).toEqual({
      id: 'ed6ca4f1-6047-4deb-a69d-8c42ba7e745f',
      jobId: '6f7c5f07-bd49-49a5-8416-27b8de037ddc',
      backupId: '596c5046-1bd8-4664-9a3f-6208526c3b87',
      status: 'pending',
      createdAt: '2023-07-21T15:36:39.000000Z',
      startedAt: null,
      completedAt: null,
      compute: { type: 'server', serverId: 3, serverName: 'WordPress Blog' },
      files: [{ id: FILE_ID, name: 'a/test.sql.gz', size: '1.2 MB', sizeBytes: null }],
    })
    const text = JSON.stringify(restore)
    expect(text).not.toContain('Signature')
    expect(text).not.toContain('10.0.0.3')
  })

  it('reads a compute without a server record, no compute, and missing optional ids', () => {
    const bare = parseRestore(
      {
        data: restoreJson({
          compute: { type: 'ss_agent', server_id: 9362 },
          job_id: null,
          backup_id: undefined,
        }),
      },
      'GET restore',
    )
    expect(bare.compute).toEqual({ type: 'ss_agent', serverId: 9362, serverName: null })
    expect(bare.jobId).toBeNull()
    expect(bare.backupId).toBeNull()
    expect(parseRestore({ data: restoreJson({ compute: null }) }, 'GET restore').compute).toBeNull()
  })

  it('names the field that is wrong, and the request, when the answer is no restore', () => {
    expect(
      malformed(() => parseRestore({ data: restoreJson({ status: '' }) }, 'GET restore')).detail,
    ).toBe('`data.status` is a string, not a non-empty string')
    const compute = { data: restoreJson({ compute: { type: 'server', server: { id: 'x' } } }) }
    expect(malformed(() => parseRestore(compute, 'GET restore')).detail).toBe(
      '`data.compute.server.id` is a string, not an integer',
    )
    expect(malformed(() => parseRestore({ data: 'x' }, 'GET restore')).message).toContain(
      'GET restore failed',
    )
  })
})

describe('parseDownloadLinks', () => {
  it('returns file name to URL for http(s) links', () => {
    const links = parseDownloadLinks(
      { data: { 'run.sh': SIGNED_URL, 'app.js': 'http://127.0.0.1:9/storage/app.js?sig=1' } },
      'POST download',
    )
    expect(links).toEqual({
      'run.sh': SIGNED_URL,
      'app.js': 'http://127.0.0.1:9/storage/app.js?sig=1',
    })
  })

  it('reads an empty list as no links, and keeps a __proto__ key a plain key', () => {
    expect(parseDownloadLinks({ data: [] }, 'POST download')).toEqual({})
    const links = parseDownloadLinks(
      JSON.parse(`{"data": {"__proto__": "${SIGNED_URL}"}}`),
      'POST download',
    )
    expect(Object.keys(links)).toEqual(['__proto__'])
    expect(Object.getPrototypeOf(links)).toBe(Object.prototype)
  })

  it('refuses a value that is not an http(s) URL without quoting it', () => {
    for (const url of ['ftp://x/y', 'not a url', 'javascript:alert(1)']) {
      const error = malformed(() =>
        parseDownloadLinks({ data: { 'run.sh': url } }, 'POST download'),
      )
      expect(error.detail).toBe('`data["run.sh"]` is not an http(s) URL')
      expect(error.message).not.toContain(url)
    }
    expect(malformed(() => parseDownloadLinks({ data: { a: 5 } }, 'POST download')).detail).toBe(
      '`data["a"]` is a number, not a string',
    )
    expect(
      malformed(() => parseDownloadLinks({ data: { ' ': SIGNED_URL } }, 'POST download')).detail,
    ).toBe('`data[""]` has an empty file name')
    expect(malformed(() => parseDownloadLinks({ data: ['x'] }, 'POST download')).detail).toBe(
      '`data` is an array, not an object',
    )
  })
})

describe('parseJsonBody', () => {
  it('parses JSON and says what came instead of it', () => {
    expect(parseJsonBody(' {"data": 1} ', GET_BACKUP)).toEqual({ data: 1 })
    expect(malformed(() => parseJsonBody('', GET_BACKUP)).detail).toBe('the body was empty')
    expect(malformed(() => parseJsonBody('<html>502</html>', GET_BACKUP)).detail).toBe(
      'an HTML page came instead',
    )
    expect(malformed(() => parseJsonBody('{"data": ', GET_BACKUP)).detail).toBe(
      'the body is not valid JSON',
    )
  })
})

describe('parseErrorBody', () => {
  it('reads a Laravel error with field errors', () => {
    const body = JSON.stringify({
      message: 'The given data was invalid.',
      errors: { 'files.0': ['The selected files.0 is invalid.'], other: 'not a list', empty: [3] },
    })
    expect(parseErrorBody(body)).toEqual({
      apiMessage: 'The given data was invalid.',
      fieldErrors: { 'files.0': ['The selected files.0 is invalid.'], other: ['not a list'] },
    })
  })

  it('is lenient with empty, HTML and odd JSON bodies', () => {
    expect(parseErrorBody('')).toEqual({})
    expect(parseErrorBody('<html>Bad Gateway</html>')).toEqual({})
    expect(parseErrorBody('[1]')).toEqual({})
    expect(parseErrorBody('"text"')).toEqual({})
    expect(parseErrorBody('{"error": "Nope"}')).toEqual({ apiMessage: 'Nope' })
    expect(parseErrorBody('{"message": "  ", "errors": []}')).toEqual({})
    expect(parseErrorBody('{"errors": {"a": []}}')).toEqual({})
  })

  it('cuts long messages and lists', () => {
    const errors = Object.fromEntries(Array.from({ length: 15 }, (_, i) => [`f${i}`, ['bad']]))
    const parsed = parseErrorBody(JSON.stringify({ message: 'm'.repeat(1000), errors }))
    expect(parsed.apiMessage).toHaveLength(200)
    expect(Object.keys(parsed.fieldErrors ?? {})).toHaveLength(11)
    expect(parsed.fieldErrors?.['…']).toEqual(['5 more'])
  })
})
