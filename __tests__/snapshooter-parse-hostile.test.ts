// Answers that cannot be trusted: ids that are no UUIDs, answers about something else than what
// was asked, text that tries to start a workflow command, quotes a secret or runs to megabytes,
// and times Date.parse would guess at.
import { describe, expect, it } from '@jest/globals'
import { TEXT_LIMITS } from '../src/snapshooter/api.js'
import { parseErrorBody } from '../src/snapshooter/body.js'
import {
  parseBackup,
  parseBackupPage,
  parseDownloadLinks,
  parseRestore,
} from '../src/snapshooter/parse.js'
import { SCRUBBED, Secrets } from '../src/snapshooter/text.js'
import { ENCRYPTION_KEY, FILE_ID, backupJson, restoreJson } from './fixtures/api-json.js'
import { BACKUP_ID, JOB_ID, RESTORE_ID } from './fixtures/values.js'
import { malformed } from './helpers/thrown.js'
import { strings } from './helpers/commands.js'

const OTHER_BACKUP = '4c8e1b6d-2a7f-4390-8e5c-b1d9f3a06e27'
const OTHER_JOB = 'e29c7a5d-41b8-4f06-9d3e-7c85a0b1f642'
const HOSTILE = 'x\n::error::forged\r\n::add-mask::Backup\n::stop-commands::t0k ##[error]y'

const GET = `GET backup ${BACKUP_ID}`

describe('ids', () => {
  it('refuses an id that is no UUID, naming the request and the field', () => {
    const error = malformed(() =>
      parseBackup({ data: backupJson({ id: `${BACKUP_ID}\n::x` }) }, GET),
    )
    expect(error.message).toMatch(
      new RegExp(`^${GET} failed: the answer was not the expected JSON`),
    )
    expect(error.detail).toMatch(/^`data\.id` is ".*", not a UUID$/)
    expect(error.message).not.toMatch(/[\r\n]|::/)
    expect(malformed(() => parseBackup({ data: backupJson({ job_id: 'j' }) }, GET)).detail).toBe(
      '`data.job_id` is "j", not a UUID',
    )
    const file = { data: backupJson({ files: [{ id: '1', name: 'a' }] }) }
    expect(malformed(() => parseBackup(file, GET)).detail).toBe(
      '`data.files[0].id` is "1", not a UUID',
    )
    for (const field of ['id', 'backup_id', 'job_id']) {
      const bad = { data: restoreJson({ [field]: 'restore-1' }) }
      expect(malformed(() => parseRestore(bad, 'GET restore')).detail).toBe(
        `\`data.${field}\` is "restore-1", not a UUID`,
      )
    }
  })

  it('refuses a backup other than the one asked for', () => {
    const other = { data: backupJson({ id: OTHER_BACKUP }) }
    expect(malformed(() => parseBackup(other, GET, { backupId: BACKUP_ID })).message).toBe(
      `${GET} failed: the answer was not the expected JSON (\`data.id\` is ${OTHER_BACKUP}, another backup than the one asked for)`,
    )
    const upper = { data: backupJson({ id: BACKUP_ID.toUpperCase() }) }
    expect(parseBackup(upper, GET, { backupId: BACKUP_ID }).id).toBe(BACKUP_ID.toUpperCase())
  })

  it('refuses a listing of the job that holds a backup of another job', () => {
    const page = { data: [backupJson(), backupJson({ id: OTHER_BACKUP, job_id: OTHER_JOB })] }
    expect(malformed(() => parseBackupPage(page, 'GET list', 1, { jobId: JOB_ID })).detail).toBe(
      `\`data[1].job_id\` is ${OTHER_JOB}, another job than the one asked for`,
    )
  })

  it('refuses a restore other than the one asked for, and one of another backup', () => {
    const other = { data: restoreJson({ id: '00000000-0000-4000-8000-000000000000' }) }
    expect(malformed(() => parseRestore(other, 'GET', { restoreId: RESTORE_ID })).detail).toBe(
      '`data.id` is 00000000-0000-4000-8000-000000000000, another restore than the one asked for',
    )
    const wrongBackup = { data: restoreJson({ backup_id: OTHER_BACKUP }) }
    expect(malformed(() => parseRestore(wrongBackup, 'POST', { backupId: BACKUP_ID })).detail).toBe(
      `\`data.backup_id\` is ${OTHER_BACKUP}, another backup than the one asked for`,
    )
  })
})

describe('text', () => {
  it('leaves no line break and no workflow command marker in any string', () => {
    const backup = parseBackup(
      {
        data: backupJson({
          status: HOSTILE,
          files: [{ id: FILE_ID, name: `dir/${HOSTILE}`, size: HOSTILE }],
        }),
      },
      GET,
    )
    const restore = parseRestore(
      {
        data: restoreJson({
          status: HOSTILE,
          compute: { type: HOSTILE, server: { name: HOSTILE } },
        }),
      },
      'GET restore',
    )
    const links = parseDownloadLinks({ data: { [HOSTILE]: 'https://storage.example/x' } }, 'POST')
    for (const text of [...strings(backup), ...strings(restore), ...Object.keys(links)]) {
      // eslint-disable-next-line no-control-regex
      expect(text).not.toMatch(/[\r\n\u0000-\u001f]|::|##\[/)
    }
    expect(backup.status).toBe(
      'x : :error: :forged : :add-mask: :Backup : :stop-commands: :t0k # #[error]y',
    )
    expect(backup.files[0]?.name).toBe(
      'dir/x : :error: :forged  : :add-mask: :Backup : :stop-commands: :t0k # #[error]y',
    )
  })

  it('cuts every field to its limit, however long the answer', () => {
    const huge = 'w'.repeat(2_000_000)
    const backup = parseBackup(
      { data: backupJson({ status: huge, files: [{ id: FILE_ID, name: huge, size: huge }] }) },
      GET,
    )
    expect(backup.status).toHaveLength(TEXT_LIMITS.word)
    expect(backup.files[0]?.name).toHaveLength(TEXT_LIMITS.name)
    expect(backup.files[0]?.size).toHaveLength(TEXT_LIMITS.word)
    const restore = parseRestore({ data: restoreJson({ status: huge }) }, 'GET restore')
    expect(restore.status).toHaveLength(TEXT_LIMITS.word)
  })
})

describe('secrets', () => {
  it('learns and masks the encryption_key as it is read, and drops it from the value', () => {
    const masked: string[] = []
    const secrets = new Secrets((secret) => masked.push(secret))
    const named = {
      data: backupJson({ files: [{ id: FILE_ID, name: `dir/${ENCRYPTION_KEY}.sql` }] }),
    }
    const backup = parseBackup(named, GET, { secrets })
    expect(masked).toEqual([ENCRYPTION_KEY])
    expect(backup.files[0]?.name).toBe(`dir/${SCRUBBED}.sql`)
    expect(JSON.stringify(backup)).not.toContain(ENCRYPTION_KEY)
    // Learnt for later text too: an error that quotes the key back comes out without it.
    const error = parseErrorBody(JSON.stringify({ message: `bad key ${ENCRYPTION_KEY}` }), secrets)
    expect(error.apiMessage).toBe(`bad key ${SCRUBBED}`)
  })

  it('learns every key of a page before reading any of its text', () => {
    const secrets = new Secrets()
    const second = 'S3CR3T-KEY-OF-THE-SECOND-BACKUP'
    const page = {
      data: [
        backupJson({ status: `quoting ${second}` }),
        backupJson({ id: OTHER_BACKUP, encryption_key: second }),
      ],
    }
    const parsed = parseBackupPage(page, 'GET list', 1, { secrets })
    expect(parsed.backups[0]?.status).toBe(`quoting ${SCRUBBED}`)
  })

  it('takes the token, keys and signed links out of an error answer before cutting it', () => {
    const secrets = new Secrets()
    const token = 'demo-token-7f3c9a1e5b2d4f608a9c1e3b5d7f9'
    const longKey = `LS0tLS1CRU${'k'.repeat(3000)}`
    secrets.add(token, { mask: false })
    secrets.add(longKey)
    const body = JSON.stringify({
      message: `${'m'.repeat(150)} ${longKey}`,
      errors: {
        [`field ${token}`]: [`Bearer ${token}\n::error::x`, 'https://s3/x?X-Amz-Signature=abc'],
      },
    })
    const parsed = parseErrorBody(body, secrets)
    const text = JSON.stringify(parsed)
    expect(parsed.apiMessage).toBe(`${'m'.repeat(150)} ${SCRUBBED}`)
    expect(text).not.toMatch(/LS0tLS1CRU|demo-token|X-Amz|::/)
  })
})

describe('times', () => {
  it('refuses a time without a zone or one that is no date', () => {
    for (const time of ['1', '2023-07-06T21:02:49', '2023-02-30T00:00:00Z']) {
      expect(
        malformed(() => parseBackup({ data: backupJson({ completed_at: time }) }, GET)).detail,
      ).toBe('`data.completed_at` is not a timestamp')
    }
  })
})
