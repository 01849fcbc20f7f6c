import { describe, expect, it } from '@jest/globals'
import { parseBackup, parseBackupPage, sizeToBytes } from '../src/snapshooter/parse.js'
import { ENCRYPTION_KEY, GET_BACKUP, SIGNED_URL, backupJson } from './fixtures/api-json.js'
import { malformed } from './helpers/thrown.js'

const FILE_A = 'a0000000-0000-4000-8000-00000000000a'
const FILE_B = 'b0000000-0000-4000-8000-00000000000b'

describe('parseBackup', () => {
  it('keeps what the action needs and drops the encryption key and signed file urls', () => {
    const backup = parseBackup({ data: backupJson() }, GET_BACKUP)
    expect(backup).toEqual({
      id: '596c5046-1bd8-4664-9a3f-6208526c3b87',
      jobId: '6f7c5f07-bd49-49a5-8416-27b8de037ddc',
      status: 'completed',
      createdAt: '2023-07-06T21:01:58.000000Z',
      startedAt: '2023-07-06T21:02:00.000000Z',
      completedAt: '2023-07-06T21:02:49.000000Z',
      tags: { manual: true, hourly: false, daily: false, weekly: false, monthly: false },
      files: [
        {
          id: '045c31f2-234c-4c12-ae69-b6188b37412d',
          name: 'snapshooter/5d32e6da-docker-mysql-ssh/2023/07/06/21-01/test.sql.gz',
          size: '744 bytes',
          sizeBytes: 744,
        },
      ],
      encrypted: true,
    })
    const text = JSON.stringify(backup)
    expect(text).not.toContain(ENCRYPTION_KEY)
    expect(text).not.toContain('Signature')
    // No url of any kind; the tag "hourly", now kept, holds the letters and is taken out first.
    expect(text.replaceAll('"hourly"', '')).not.toContain('url')
    expect(text).not.toContain(SIGNED_URL)
  })

  it('knows whether the backup carries an encryption key, and keeps nothing of it', () => {
    for (const key of ['', '  ', null, undefined])
      expect(parseBackup({ data: backupJson({ encryption_key: key }) }, GET_BACKUP)).toMatchObject({
        encrypted: false,
      })
    expect(parseBackup({ data: backupJson() }, GET_BACKUP).encrypted).toBe(true)
  })

  it('reads absent times and files as null and empty', () => {
    const backup = parseBackup(
      { data: backupJson({ completed_at: null, started_at: undefined, files: null }) },
      GET_BACKUP,
    )
    expect(backup.completedAt).toBeNull()
    expect(backup.startedAt).toBeNull()
    expect(backup.files).toEqual([])
  })

  it('reads a bare number as a size in bytes, and a missing size as null', () => {
    const files = [
      { id: FILE_A, name: 'a', size: 12 },
      { id: FILE_B, name: 'b' },
    ]
    const backup = parseBackup({ data: backupJson({ files }) }, GET_BACKUP)
    expect(backup.files[0]).toEqual({ id: FILE_A, name: 'a', size: '12 bytes', sizeBytes: 12 })
    expect(backup.files[1]).toEqual({ id: FILE_B, name: 'b', size: null, sizeBytes: null })
  })

  it('names the request and the field when the shape is wrong', () => {
    const missing = malformed(() => parseBackup({ message: 'hi' }, GET_BACKUP))
    expect(missing.message).toBe(
      `${GET_BACKUP} failed: the answer was not the expected JSON (\`data\` is missing)`,
    )
    expect(malformed(() => parseBackup([], GET_BACKUP)).detail).toBe(
      '`body` is an array, not an object',
    )
    expect(malformed(() => parseBackup({ data: backupJson({ id: 7 }) }, GET_BACKUP)).detail).toBe(
      '`data.id` is a number, not a non-empty string',
    )
    const badFile = { data: backupJson({ files: [{ id: FILE_A, name: null }] }) }
    expect(malformed(() => parseBackup(badFile, GET_BACKUP)).detail).toBe(
      '`data.files[0].name` is null, not a non-empty string',
    )
    const notTime = { data: backupJson({ completed_at: 'yesterday' }) }
    expect(malformed(() => parseBackup(notTime, GET_BACKUP)).detail).toBe(
      '`data.completed_at` is not a timestamp',
    )
    expect(
      malformed(() => parseBackup({ data: backupJson({ files: {} }) }, GET_BACKUP)).detail,
    ).toBe('`data.files` is an object, not an array')
  })

  it('never quotes the answer in its error', () => {
    const error = malformed(() => parseBackup({ data: backupJson({ status: 5 }) }, GET_BACKUP))
    expect(error.message).not.toContain(ENCRYPTION_KEY)
    expect(error.message).not.toContain('Signature')
  })
})

describe('sizeToBytes', () => {
  it('reads exact byte counts only', () => {
    expect(sizeToBytes('744 bytes')).toBe(744)
    expect(sizeToBytes('1 byte')).toBe(1)
    expect(sizeToBytes('0 bytes')).toBe(0)
    expect(sizeToBytes(' 12 Bytes ')).toBe(12)
    expect(sizeToBytes('1.2 MB')).toBeNull()
    expect(sizeToBytes('744')).toBeNull()
    expect(sizeToBytes('99999999999999999999 bytes')).toBeNull()
    expect(sizeToBytes(null)).toBeNull()
  })
})

describe('parseBackupPage', () => {
  const page = (extra: Record<string, unknown>) => ({ data: [backupJson()], ...extra })
  const LIST = 'GET backups of job j (page 1)'

  it('takes the next page from links.next', () => {
    const result = parseBackupPage(
      page({
        links: { next: 'https://api.snapshooter.com/v1/jobs/j/backups?sort=-completed_at&page=2' },
      }),
      LIST,
      1,
    )
    expect(result.nextPage).toBe(2)
    expect(result.backups).toHaveLength(1)
    expect(JSON.stringify(result)).not.toContain(ENCRYPTION_KEY)
    expect(JSON.stringify(result)).not.toContain('Signature')
  })

  it('reads a relative link, and a link without a page number from meta', () => {
    expect(parseBackupPage(page({ links: { next: '/v1/x?page=5' } }), LIST).nextPage).toBe(5)
    const cursor = { links: { next: '/v1/x?cursor=abc' }, meta: { current_page: 3 } }
    expect(parseBackupPage(page(cursor), LIST).nextPage).toBe(4)
    expect(parseBackupPage(page({ links: { next: '/v1/x?cursor=abc' } }), LIST, 6).nextPage).toBe(7)
    const broken = { links: { next: 'http://[broken/x?page=9' }, meta: { current_page: 1 } }
    expect(parseBackupPage(page(broken), LIST).nextPage).toBe(2)
  })

  it('falls back to meta.current_page < meta.last_page', () => {
    const meta = (current: number, last: number) =>
      page({ meta: { current_page: current, last_page: last } })
    expect(parseBackupPage(meta(1, 3), LIST).nextPage).toBe(2)
    expect(parseBackupPage(meta(3, 3), LIST).nextPage).toBeNull()
    expect(parseBackupPage(page({ links: { next: null }, meta: null }), LIST).nextPage).toBeNull()
    expect(parseBackupPage({ data: [] }, LIST).nextPage).toBeNull()
  })

  it('refuses a next link that leads nowhere or back', () => {
    expect(malformed(() => parseBackupPage(page({ links: { next: '/x?c=1' } }), LIST)).detail).toBe(
      '`links.next` names no page number',
    )
    const back = page({ links: { next: '/x?page=2' }, meta: { current_page: 2 } })
    expect(malformed(() => parseBackupPage(back, LIST)).detail).toBe(
      '`links.next` points back to page 2',
    )
    expect(
      malformed(() => parseBackupPage(page({ links: { next: '/x?page=1' } }), LIST, 1)).detail,
    ).toBe('`links.next` points back to page 1')
  })

  it('names a bad item or bad paging data', () => {
    const items = { data: [backupJson(), backupJson({ job_id: false })] }
    expect(malformed(() => parseBackupPage(items, LIST)).detail).toBe(
      '`data[1].job_id` is a boolean, not a non-empty string',
    )
    expect(malformed(() => parseBackupPage({ data: {} }, LIST)).detail).toBe(
      '`data` is an object, not an array',
    )
    expect(
      malformed(() => parseBackupPage(page({ meta: { current_page: '1' } }), LIST)).detail,
    ).toBe('`meta.current_page` is a string, not an integer')
    expect(malformed(() => parseBackupPage(page({ links: 'x' }), LIST)).detail).toBe(
      '`links` is a string, not an object',
    )
  })
})
