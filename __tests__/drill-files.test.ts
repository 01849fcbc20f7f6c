import { describe, expect, it } from '@jest/globals'
import { baseName, selectFiles } from '../src/drill/files.js'
import { DrillRefusal } from '../src/drill/refusal.js'
import type { FileSelector } from '../src/inputs/settings.js'
import type { BackupFile } from '../src/snapshooter/types.js'
import { BACKUP_ID, DIR, file, id, pattern } from './fixtures/values.js'
import { thrown } from './helpers/thrown.js'

const dump = file('test.sql.gz')
const config = file('my.cnf')
const app = file('app.tar.gz')
const nested = file(`${DIR}/var/www/html/index.php`)
const files = [dump, config, app, nested]

const names = (picked: BackupFile[]): string[] => picked.map((f) => baseName(f.name))

const refusal = (fs: readonly BackupFile[], selectors: FileSelector[]): DrillRefusal =>
  thrown(DrillRefusal, () => selectFiles(BACKUP_ID, fs, selectors))

describe('selectFiles', () => {
  it('restores every file of the backup when `files` is empty', () => {
    const picked = selectFiles(BACKUP_ID, files, [])
    expect(picked).toEqual(files)
    expect(picked).not.toBe(files)
  })

  it('picks files by id, whatever the case of the id in the backup', () => {
    const upper = file('test.sql.gz', { id: 'F7A4B142-5AA8-4B42-8896-62455F696E5A' })
    const picked = selectFiles(BACKUP_ID, [upper, config], [id(upper.id.toLowerCase())])
    expect(picked).toEqual([upper])
  })

  it('matches a pattern without `/` against the base name of each file', () => {
    expect(names(selectFiles(BACKUP_ID, files, [pattern('*.sql.gz')]))).toEqual(['test.sql.gz'])
    expect(names(selectFiles(BACKUP_ID, files, [pattern('index.php')]))).toEqual(['index.php'])
  })

  it('matches a pattern with `/` against the whole object key', () => {
    const picked = selectFiles(BACKUP_ID, files, [pattern(`${DIR}/*.gz`)])
    expect(names(picked)).toEqual(['test.sql.gz', 'app.tar.gz'])
  })

  it('does not let a pattern with `/` match only the end of the object key', () => {
    const error = refusal(files, [pattern('21-01/test.sql.gz')])
    expect(error.message).toContain('"21-01/test.sql.gz"')
  })

  it('lets `**` reach files in nested directories', () => {
    const picked = selectFiles(BACKUP_ID, files, [pattern('snapshooter/**/*.php')])
    expect(picked).toEqual([nested])
  })

  it('returns files in the backup’s order, whatever the order of the entries', () => {
    const picked = selectFiles(BACKUP_ID, files, [
      pattern('index.php'),
      id(config.id),
      pattern('test.sql.gz'),
    ])
    expect(picked).toEqual([dump, config, nested])
  })

  it('lists a file once even when several entries match it', () => {
    const picked = selectFiles(BACKUP_ID, files, [
      id(dump.id),
      pattern('*.sql.gz'),
      pattern('test.*'),
    ])
    expect(picked).toEqual([dump])
  })

  it('treats regex characters in a file name as literal characters', () => {
    const odd = file('db.(1).sql+gz')
    const lookalike = file('dbx(1)xsql+gz')
    const picked = selectFiles(BACKUP_ID, [lookalike, odd], [pattern('db.(1).sql+gz')])
    expect(picked).toEqual([odd])
  })

  it('refuses an entry that matches no file, naming it and the backup’s files', () => {
    const error = refusal(files, [pattern('*.sql.gz'), pattern('*.dump')])
    expect(error.message).toBe(
      `\`files\` entry "*.dump" matches no file of backup ${BACKUP_ID}; ` +
        'its files are: test.sql.gz, my.cnf, app.tar.gz, index.php.',
    )
  })

  it('refuses a file id that is not in the backup', () => {
    const missing = 'a1b2c3d4-0000-4000-8000-000000000001'
    const error = refusal(files, [id(missing)])
    expect(error.message).toContain(`entry "${missing}" matches no file of backup ${BACKUP_ID}`)
  })

  it('names every unmatched entry at once', () => {
    const error = refusal(files, [pattern('*.dump'), id(dump.id), pattern('*.bak')])
    expect(error.message).toMatch(/^`files` entries "\*\.dump", "\*\.bak" match no file of backup /)
  })

  it('lists at most ten of the backup’s files and counts the rest', () => {
    const many = Array.from({ length: 13 }, (_, i) => file(`part-${i + 1}.sql.gz`))
    const error = refusal(many, [pattern('*.tar')])
    const listed = Array.from({ length: 10 }, (_, i) => `part-${i + 1}.sql.gz`).join(', ')
    expect(error.message).toContain(`its files are: ${listed}, and 3 more.`)
    expect(error.message).not.toContain('part-11.sql.gz')
  })

  it('lists all ten files when the backup has exactly ten', () => {
    const ten = Array.from({ length: 10 }, (_, i) => file(`part-${i + 1}.sql.gz`))
    const error = refusal(ten, [pattern('*.tar')])
    expect(error.message).toContain('part-10.sql.gz.')
    expect(error.message).not.toContain('more')
  })

  it('refuses a pattern that is not one with a clear reason, not a raw RegExp error', () => {
    const error = refusal(files, [pattern('[z-a].sql')])
    expect(error.message).toBe(
      '`files` entry "[z-a].sql" is not a pattern: ' +
        'its class range "z-a" runs backwards (write "a-z").',
    )
  })

  it('cuts a long file name short in the list, so the refusal stays one readable line', () => {
    const long = file(`${'-'.repeat(1500)}.log`)
    const error = refusal([dump, long], [pattern('*-*-*-*.tar')])
    expect(error.message).toContain(`its files are: test.sql.gz, ${'-'.repeat(80)}….`)
    expect(error.message.length).toBeLessThan(250)
  })

  it('says the backup has no files when it has none', () => {
    const error = refusal([], [pattern('*.sql.gz')])
    expect(error.message).toContain('its files are: none.')
  })
})

describe('baseName', () => {
  it('is the part of an object key after the last `/`', () => {
    expect(baseName(`${DIR}/test.sql.gz`)).toBe('test.sql.gz')
  })

  it('is the name itself when it has no `/`', () => {
    expect(baseName('test.sql.gz')).toBe('test.sql.gz')
  })
})
